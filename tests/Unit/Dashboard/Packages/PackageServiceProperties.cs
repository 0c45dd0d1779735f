using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Tests.Unit.Dashboard.Support;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using static FrontDesk.Tests.Unit.Dashboard.Support.PackageDesk;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Dashboard.Packages;

/// <summary>
/// The domain property (PackageRecordProperties) run through the real services and SQLite:
/// random desk histories of sell/book/attach/cancel/no-show/check-out/freeze/transfer/expire/
/// cancel-record, with both redemption policies, keep every stored balance equal to its ledger
/// rows, nothing negative, appointments and circles pointing at each other, and cancelled
/// records cancelled.
/// </summary>
public sealed class PackageServiceProperties
{
    private static Gen<(int Op, int A, int B)> Step =>
        from op in Gen.Choose(0, 11)
        from a in Gen.Choose(0, 20)
        from b in Gen.Choose(0, 20)
        select (op, a, b);

    [Fact]
    public void RandomDeskHistories_ThroughTheServices_KeepStoredBalancesEqualToTheLedger()
    {
        var histories = from n in Gen.Choose(10, 15)
                        from steps in Gen.ListOf(Step, n)
                        select steps.ToArray();

        var property = Prop.ForAll(Arb.From(histories), steps =>
        {
            Task.Run(() => RunAsync(steps)).GetAwaiter().GetResult();
            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(30), property);
    }

    private static async Task RunAsync((int Op, int A, int B)[] steps)
    {
        await using var desk = await OpenAsync();
        var templates = new[]
        {
            await desk.AddCourseAsync(sessions: 4, price: 200m, expiry: new Expiry(20, ExpiryUnit.Days)),
            await desk.AddBalanceAsync(PackageValueType.Amount, 300m, 250m),
            await desk.AddBalanceAsync(PackageValueType.Minutes, 180m, 150m, expiry: new Expiry(1, ExpiryUnit.Months), name: "3 hours of massage"),
        };
        var clients = new[] { desk.Alice, desk.Bob };
        var records = new List<RecordView>();
        var appointments = new List<AppointmentView>();
        var cancelled = new HashSet<Guid>();
        var policy = RedemptionPolicy.AtCheckOut;
        foreach (var (op, a, b) in steps)
        {
            var record = records.Count > 0 ? records[a % records.Count] : null;
            var appointment = appointments.Count > 0 ? appointments[b % appointments.Count] : null;
            var today = desk.Clock.GetUtcNow();
            var slot = new DateTimeOffset(today.Date.AddDays(1 + b % 12).AddHours(8 + a % 12), TimeSpan.Zero);
            try
            {
                switch (op)
                {
                    case 0:
                        records.Add(await desk.SellAsync(templates[a % 3], clients[b % 2]));
                        break;
                    case 1 or 2 when record is not null:
                        appointments.Add(await desk.BookAsync(ServiceFor(desk, record, a), slot, record.Id, record.CountBased && b % 3 == 0 ? 1 + a % 4 : null, Owner(clients, record)));
                        break;
                    case 3 when record is not null:
                        var single = await desk.BookAsync(ServiceFor(desk, record, a), slot, client: Owner(clients, record));
                        appointments.Add(single);
                        appointments.Add(await desk.Appointments.AttachPackageAsync(new AttachPackage(single.Id, record.Id, null, Callers.Rita)));
                        break;
                    case 4 when appointment is not null:
                        await desk.Appointments.CancelAsync(appointment.Id, "client rang", Callers.Rita);
                        break;
                    case 5 when appointment is not null:
                        if (appointment.Start > desk.Clock.GetUtcNow())
                        {
                            desk.Clock.SetUtcNow(appointment.Start.AddMinutes(10));
                        }
                        await desk.Appointments.MarkNoShowAsync(appointment.Id, Callers.Rita);
                        break;
                    case 6 when appointment is not null:
                        await desk.CheckOutAsync(appointment.Id, await desk.Appointments.AmountDueAsync(appointment.Id));
                        break;
                    case 7 when record is not null:
                        var from = DateOnly.FromDateTime(today.Date).AddDays(b % 10);
                        await desk.Packages.FreezeAsync(record.Id, from, from.AddDays(a % 4), Callers.Rita);
                        break;
                    case 8 when record is not null:
                        var (_, to) = await desk.Packages.TransferAsync(record.Id, clients.First(c => c.Id.Value != record.ClientId).Id.Value, Callers.Rita);
                        records.Add(to);
                        break;
                    case 9:
                        desk.Clock.Advance(TimeSpan.FromDays(a));
                        await desk.Packages.ExpireDueAsync();
                        break;
                    case 10 when record is not null:
                        await desk.Packages.CancelAsync(record.Id, "refunded", Callers.Rita);
                        cancelled.Add(record.Id);
                        break;
                    case 11:
                        policy = policy == RedemptionPolicy.AtCheckOut ? RedemptionPolicy.AtBooking : RedemptionPolicy.AtCheckOut;
                        await desk.Settings.SaveAsync(new PackageSettings(policy, false), Callers.Desk);
                        break;
                }
            }
            catch (DomainException)
            {
                // A refused command is an ordinary answer at the desk; what is stored must still add up.
            }
            await AssertConsistentAsync(desk, cancelled);
        }
    }

    private static FrontDesk.Domain.Catalog.Service ServiceFor(PackageDesk desk, RecordView record, int a) =>
        record.CountBased ? desk.Laser : a % 2 == 0 ? desk.Massage : desk.LongMassage;

    private static Client Owner(Client[] clients, RecordView record) => clients.Single(c => c.Id.Value == record.ClientId);

    private static async Task AssertConsistentAsync(PackageDesk desk, HashSet<Guid> cancelled)
    {
        var records = await desk.AssertLedgersBalanceAsync();
        await using var db = await desk.ContextAsync();
        var appointments = await db.Appointments.AsNoTracking().ToListAsync();
        foreach (var record in records)
        {
            if (cancelled.Contains(record.Id.Value))
            {
                Assert.Equal(RecordStatus.Cancelled, record.Status);
                Assert.Equal(0m, record.Available);
            }
            var linked = record.Sessions.Where(s => s.AppointmentId is not null).Select(s => s.AppointmentId!.Value)
                .Concat(record.Holds.Select(h => h.AppointmentId)).ToList();
            Assert.Equal(linked.Count, linked.Distinct().Count());
            foreach (var id in linked)
            {
                var appointment = appointments.Single(x => x.Id.Value == id);
                Assert.Equal(record.Id, appointment.PackageRecordId);
                Assert.True(appointment.Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn or AppointmentStatus.Completed, $"{appointment.Status} appointment still holds {record.Name}");
            }
        }
        foreach (var appointment in appointments.Where(x => x.PackageRecordId is not null))
        {
            var record = records.Single(r => r.Id == appointment.PackageRecordId);
            Assert.True(record.Sessions.Any(s => s.AppointmentId == appointment.Id.Value && s.Number == appointment.PackageSession)
                || record.Holds.Any(h => h.AppointmentId == appointment.Id.Value), $"{appointment.Status} appointment points at {record.Name} without a circle or hold");
        }
    }
}
