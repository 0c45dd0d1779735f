using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Calendar;

/// <summary>Read side of the calendar: appointments as screens show them.</summary>
public sealed class CalendarQueries(IDbContextFactory<DashboardDbContext> contexts)
{
    public const int MaxRangeDays = 62;

    /// <summary>Every desk that reads the same appointment holds the same instance (see <see cref="Live.SharedValues{T}"/>).</summary>
    internal static readonly Live.SharedValues<AppointmentView> Shared = new(capacity: 16_384);

    public async Task<IReadOnlyList<AppointmentView>> RangeAsync(DateTimeOffset from, DateTimeOffset to, Guid? providerId = null, CancellationToken ct = default)
    {
        if (to <= from)
        {
            throw DomainException.Invalid("'to' must be after 'from'.", "to");
        }
        if (to - from > TimeSpan.FromDays(MaxRangeDays))
        {
            throw DomainException.Invalid($"Ask for at most {MaxRangeDays} days at a time.", "to");
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Appointments.AsNoTracking().Overlapping(from, to);
        if (providerId is { } p)
        {
            var provider = new ProviderId(p);
            query = query.Where(a => a.ProviderId == provider);
        }
        var rows = await Project(db, query.OrderBy(a => a.Start)).ToListAsync(ct);
        return rows.Select(r => Shared.Of(r.ToView())).ToList();
    }

    public async Task<AppointmentView?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = new AppointmentId(id);
        var row = await Project(db, db.Appointments.AsNoTracking().Where(a => a.Id == key)).SingleOrDefaultAsync(ct);
        return row?.ToView();
    }

    private static IQueryable<Row> Project(DashboardDbContext db, IQueryable<Appointment> appointments) =>
        from a in appointments
        join c in db.Clients on a.ClientId equals c.Id
        join s in db.Services on a.ServiceId equals s.Id
        join p in db.Providers on a.ProviderId equals p.Id
        select new Row(a, c.Name, s.Name, s.Activity, p.Name);

    private sealed record Row(Appointment A, string ClientName, string ServiceName, string Activity, string ProviderName)
    {
        public AppointmentView ToView() => new(
            A.Id.Value, A.ClientId.Value, ClientName, A.ServiceId.Value, ServiceName, Activity, A.ProviderId.Value, ProviderName,
            A.Start, A.End, A.Status, A.Price.Amount, A.Price.Currency, A.Note, A.InvoiceId?.Value, A.CheckedInAt, A.CompletedAt, A.Version,
            A.PackageRecordId?.Value, A.PackageSession, A.PackageCovers)
        {
            BookedOverClientClash = A.BookedOverClientClash,
            ResourceIds = new(A.Resources.Select(r => r.Value)),
            OverriddenRules = string.Join(", ", A.OverriddenRules),
        };
    }
}

/// <summary>The appointments that overlap a window, read without going through the whole history.</summary>
internal static class AppointmentWindow
{
    /// <summary>
    /// Those with Start &lt; <paramref name="to"/> and End &gt; <paramref name="from"/>. An
    /// appointment lasts at most <see cref="FrontDesk.Domain.Catalog.Service.MaxDuration"/>, so one
    /// that ends after <paramref name="from"/> started after from - MaxDuration: that lower bound
    /// on Start changes no result, and lets the (Start, End), (ProviderId, Start) and (ClientId,
    /// Start) indexes read only the window instead of every appointment that started before
    /// <paramref name="to"/>, which grows with the years.
    /// </summary>
    public static IQueryable<Appointment> Overlapping(this IQueryable<Appointment> appointments, DateTimeOffset from, DateTimeOffset to)
    {
        var earliestStart = from - FrontDesk.Domain.Catalog.Service.MaxDuration;
        return appointments.Where(a => a.Start < to && a.End > from && a.Start > earliestStart);
    }
}
