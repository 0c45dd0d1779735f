using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Infrastructure;

/// <summary>A clinic context with package templates and records seeded through <see cref="PackageService"/>, as the desk would.</summary>
public abstract class PackageTestContext : ClinicTestContext
{
    protected PackageTestContext()
    {
    }

    protected PackageTestContext(bool realLiveFeed)
        : base(realLiveFeed)
    {
    }

    protected PackageService PackageService => Services.GetRequiredService<PackageService>();

    protected PackageQueries PackageQueries => Services.GetRequiredService<PackageQueries>();

    /// <summary>A course of <paramref name="sessions"/> massages (or <paramref name="serviceId"/>), for sale, no expiry.</summary>
    protected Task<TemplateView> CreateCourseAsync(string name, int sessions = 3, decimal price = 150m, Guid? serviceId = null, RestrictionsView? restrictions = null)
    {
        return PackageService.CreateTemplateAsync(new SaveTemplate(
            name, PackageKind.Course, PackageValueType.Sessions, [new PackageLineView(serviceId ?? Seed.MassageId, sessions)], [], false,
            0m, price, 0m, true, null, null, ExpiryUnit.Days, restrictions, TestCallers.Manager(OtherDesk)));
    }

    /// <summary>Sells the template to the client, paid by card in full.</summary>
    protected async Task<RecordView> SellAsync(Guid clientId, TemplateView template)
    {
        return await PackageService.AcquireAsync(new AcquirePackage(
            clientId, template.Id, AcquisitionMode.Paid, null, [new PaymentLine(PaymentMethod.Card, template.Price)], TestCallers.Manager(OtherDesk)));
    }

    /// <summary>A paid course of massages sold to Jane.</summary>
    protected async Task<RecordView> SellJaneCourseAsync(string name = "Massage course", int sessions = 3, RestrictionsView? restrictions = null) =>
        await SellAsync(Seed.JaneId, await CreateCourseAsync(name, sessions, restrictions: restrictions));

    protected async Task<PackageRecord> RecordInDatabaseAsync(Guid id)
    {
        await using var db = Clinic.OpenDatabase(Services);
        return await db.PackageRecords.AsNoTracking().SingleAsync(r => r.Id == new FrontDesk.Domain.Common.PackageRecordId(id));
    }

    protected async Task<List<PackageRecord>> RecordsInDatabaseAsync()
    {
        await using var db = Clinic.OpenDatabase(Services);
        return await db.PackageRecords.AsNoTracking().ToListAsync();
    }

    protected async Task<List<PackageTemplate>> TemplatesInDatabaseAsync()
    {
        await using var db = Clinic.OpenDatabase(Services);
        return await db.PackageTemplates.AsNoTracking().ToListAsync();
    }

    protected async Task<FrontDesk.Domain.Calendar.Appointment> AppointmentInDatabaseAsync(Guid id)
    {
        await using var db = Clinic.OpenDatabase(Services);
        return await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == new FrontDesk.Domain.Common.AppointmentId(id));
    }

    /// <summary>Books Jane's massage tomorrow at <paramref name="hour"/> from a session of <paramref name="recordId"/>, as another desk would.</summary>
    protected Task<AppointmentView> BookJaneFromAsync(Guid recordId, int? session, int hour)
    {
        return AppointmentService.BookAsync(new BookAppointment(
            Seed.JaneId, Seed.MassageId, Seed.ProviderId, Clock.ToUtc(TestClinic.TomorrowAt(hour)), false, null, TestCallers.Manager(OtherDesk))
        {
            PackageRecordId = recordId,
            SessionNumber = session,
        });
    }
}
