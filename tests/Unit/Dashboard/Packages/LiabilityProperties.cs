using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Packages;
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
/// The current liability is read from the balances of the records that are not spent (an
/// indexed query); after random sales, bookings, redemptions, refunds, adjustments, transfers,
/// expiries and payments it must equal the figure replayed from every record's ledger.
/// </summary>
public sealed class LiabilityProperties
{
    private static Gen<(int Op, int A, int B)> Step =>
        from op in Gen.Choose(0, 12)
        from a in Gen.Choose(0, 20)
        from b in Gen.Choose(0, 20)
        select (op, a, b);

    [Fact]
    public void LiabilityNowAsync_RandomHistories_EqualsTheLedgerReplay()
    {
        var histories = from n in Gen.Choose(8, 16)
                        from steps in Gen.ListOf(Step, n)
                        select steps.ToArray();

        var property = Prop.ForAll(Arb.From(histories), steps =>
        {
            Task.Run(() => RunAsync(steps)).GetAwaiter().GetResult();
            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), property);
    }

    [Fact]
    public async Task LiabilityNowAsync_SpentRecord_IsNotCountedAndReplayAgrees()
    {
        await using var desk = await OpenAsync();
        var course = await desk.AddCourseAsync(sessions: 1, price: 80m);
        var record = await desk.SellAsync(course);
        var before = await desk.Queries.LiabilityNowAsync();
        var booked = await desk.BookAsync(desk.Laser, At(1, 10), record.Id);
        desk.Clock.SetUtcNow(At(1, 11));

        await desk.CheckOutAsync(booked.Id, await desk.Appointments.AmountDueAsync(booked.Id));

        var after = await desk.Queries.LiabilityNowAsync();
        Assert.Equal((80m, 1), (before.Total, before.Records));
        Assert.Equal((0m, 0), (after.Total, after.Records));
        Assert.True((await desk.RecordAsync(record.Id)).IsSpent);
        Assert.Equal(after with { At = default }, (await desk.Queries.ReplayedLiabilityAsync(desk.Clock.GetUtcNow())) with { At = default });
    }

    private static async Task RunAsync((int Op, int A, int B)[] steps)
    {
        await using var desk = await OpenAsync();
        var templates = new[]
        {
            await desk.AddCourseAsync(sessions: 3, price: 100m, expiry: new Expiry(10, ExpiryUnit.Days)),
            await desk.AddBalanceAsync(PackageValueType.Amount, 300m, 250m),
            await desk.AddBalanceAsync(PackageValueType.Minutes, 180m, 155m, name: "3 hours of massage"),
            await desk.AddBalanceAsync(PackageValueType.Unlimited, 0m, 99m, expiry: new Expiry(5, ExpiryUnit.Days), name: "Unlimited week"),
        };
        var clients = new[] { desk.Alice, desk.Bob };
        var records = new List<RecordView>();
        var appointments = new List<AppointmentView>();
        var policy = RedemptionPolicy.AtCheckOut;
        foreach (var (op, a, b) in steps)
        {
            var record = records.Count > 0 ? records[a % records.Count] : null;
            var appointment = appointments.Count > 0 ? appointments[b % appointments.Count] : null;
            var now = desk.Clock.GetUtcNow();
            var slot = new DateTimeOffset(now.Date.AddDays(1 + b % 6).AddHours(8 + a % 10), TimeSpan.Zero);
            try
            {
                switch (op)
                {
                    case 0 or 1:
                        records.Add(await desk.SellAsync(templates[a % templates.Length], clients[b % 2]));
                        break;
                    case 2 or 3 when record is not null:
                        appointments.Add(await desk.BookAsync(record.CountBased ? desk.Laser : a % 2 == 0 ? desk.Massage : desk.LongMassage, slot, record.Id, client: clients.Single(c => c.Id.Value == record.ClientId)));
                        break;
                    case 4 when appointment is not null:
                        if (appointment.Start > desk.Clock.GetUtcNow())
                        {
                            desk.Clock.SetUtcNow(appointment.Start.AddMinutes(30));
                        }
                        await desk.CheckOutAsync(appointment.Id, await desk.Appointments.AmountDueAsync(appointment.Id));
                        break;
                    case 5 when appointment is not null:
                        await desk.Appointments.CancelAsync(appointment.Id, "client rang", Callers.Rita);
                        break;
                    case 6 when record is not null:
                        // An adjustment up or down (a goodwill top-up, a correction).
                        await desk.Packages.AdjustAsync(record.Id, b % 2 == 0 ? 1 + a % 3 : -(1 + a % 3), "correction", Callers.Rita);
                        break;
                    case 7 when record is not null:
                        // A refund: the record is cancelled and what was left of it lapses.
                        await desk.Packages.CancelAsync(record.Id, "refunded", Callers.Rita);
                        break;
                    case 8 when record is not null:
                        var (_, to) = await desk.Packages.TransferAsync(record.Id, clients.First(c => c.Id.Value != record.ClientId).Id.Value, Callers.Rita);
                        records.Add(to);
                        break;
                    case 9:
                        desk.Clock.Advance(TimeSpan.FromDays(a % 8));
                        await desk.Packages.ExpireDueAsync();
                        break;
                    case 10:
                        policy = policy == RedemptionPolicy.AtCheckOut ? RedemptionPolicy.AtBooking : RedemptionPolicy.AtCheckOut;
                        await desk.Settings.SaveAsync(new PackageSettings(policy, false), Callers.Desk);
                        break;
                    case 11:
                        var unpaid = await desk.Packages.AcquireAsync(new AcquirePackage(clients[b % 2].Id.Value, templates[a % templates.Length].Id.Value, AcquisitionMode.Unpaid, null, null, Callers.Rita));
                        records.Add(unpaid);
                        if (a % 2 == 0)
                        {
                            await desk.Packages.PayAsync(unpaid.Id, [new PaymentLine(FrontDesk.Domain.Sales.PaymentMethod.Cash, templates[a % templates.Length].Price.Amount)], Callers.Rita);
                        }
                        break;
                    case 12:
                        desk.Clock.Advance(TimeSpan.FromHours(1 + a));
                        break;
                }
            }
            catch (DomainException)
            {
                // A refused command changes nothing; the figures must still agree.
            }
            await AssertAgreesAsync(desk);
        }
    }

    private static async Task AssertAgreesAsync(PackageDesk desk)
    {
        var now = desk.Clock.GetUtcNow();
        var current = await desk.Queries.LiabilityNowAsync();
        var replayed = await desk.Queries.ReplayedLiabilityAsync(now);
        Assert.Equal((replayed.Total, replayed.Records), (current.Total, current.Records));
        await using var db = await desk.ContextAsync();
        foreach (var record in await db.PackageRecords.AsNoTracking().ToListAsync())
        {
            var owes = record.IsUnlimited ? record.Status == RecordStatus.Active : record.Available + record.Held > 0m;
            Assert.Equal(!owes, record.IsSpent);
        }
    }
}
