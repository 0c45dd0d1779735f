using FrontDesk.Dashboard.Calendar;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Tests.Unit.Dashboard.Support;
using Microsoft.EntityFrameworkCore;
using static FrontDesk.Tests.Unit.Dashboard.Support.PackageDesk;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Dashboard.Packages;

/// <summary>Many desks at once against one SQLite file: a circle or a balance is never spent twice.</summary>
public sealed class PackageConcurrencyTests : IAsyncLifetime
{
    private const int Desks = 32;
    private PackageDesk _desk = null!;

    public async Task InitializeAsync() => _desk = await OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    /// <summary>Starts every attempt together (a gate, not a timer) and collects each outcome.</summary>
    private static async Task<(T? Result, DomainException? Error)[]> AllAtOnceAsync<T>(int count, Func<int, Task<T>> attempt) where T : class
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            try
            {
                return ((T?)await attempt(i), (DomainException?)null);
            }
            catch (DomainException e)
            {
                return (null, e);
            }
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }

    /// <summary>A different slot for each desk: days 1.., 08:00-18:00.</summary>
    private static DateTimeOffset Slot(int i) => At(1 + i / 10, 8 + i % 10);

    /// <summary>Two hours apart, so that a 90-minute service fits too.</summary>
    private static DateTimeOffset WideSlot(int i) => At(1 + i / 6, 8 + 2 * (i % 6));

    [Fact]
    public async Task BookAsync_TwoReceptionistsClickTheLastGreenCircle_ExactlyOneWins()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync(sessions: 5));
        for (var n = 1; n <= 4; n++)
        {
            await _desk.BookAsync(_desk.Laser, At(0, 9 + n), record.Id, session: n);
        }

        var outcomes = await AllAtOnceAsync(Desks, i => _desk.BookAsync(_desk.Laser, Slot(i), record.Id, session: 5));

        var winner = Assert.Single(outcomes, o => o.Result is not null).Result!;
        var losers = outcomes.Where(o => o.Error is not null).Select(o => o.Error!).ToList();
        Assert.Equal(Desks - 1, losers.Count);
        Assert.All(losers, e =>
        {
            Assert.True(e.Kind is DomainErrorKind.Conflict or DomainErrorKind.RuleBroken, $"{e.Kind}: {e.Message}");
            Assert.True(e.Message.Contains("session 5 is already booked", StringComparison.Ordinal) || e.Message.Contains("at the same moment", StringComparison.Ordinal), e.Message);
        });
        var stored = await _desk.RecordAsync(record.Id);
        var last = stored.Sessions.Single(s => s.Number == 5);
        Assert.Equal((SessionState.Booked, winner.Id), (last.State, last.AppointmentId));
        Assert.Equal(5, stored.Sessions.Count(s => s.State == SessionState.Booked));
        Assert.Single(stored.Ledger, e => e.Kind == LedgerKind.Hold && e.Note.StartsWith("Session 5 ", StringComparison.Ordinal));
        Assert.Single(stored.Ledger, e => e.Kind == LedgerKind.Hold && e.AppointmentId == winner.Id);
        await using var db = await _desk.ContextAsync();
        var appointments = await db.Appointments.AsNoTracking().ToListAsync();
        Assert.Equal(5, appointments.Count); // the four before, and the winner: no row for any loser
        Assert.Contains(appointments, a => a.Id.Value == winner.Id && a.PackageSession == 5);
        PackageDesk.AssertBalanced(stored);
    }

    [Fact]
    public async Task BookAndCheckOut_ManyDesksOnOneBalance_NeverBelowZeroAndEqualToTheLedger()
    {
        var credit = await _desk.SellAsync(await _desk.AddBalanceAsync(PackageValueType.Amount, 1000m, 900m));

        var outcomes = await AllAtOnceAsync(Desks, async i =>
        {
            var booked = await _desk.BookAsync(i % 2 == 0 ? _desk.Massage : _desk.LongMassage, WideSlot(i), credit.Id);
            var due = await _desk.Appointments.AmountDueAsync(booked.Id);
            return await _desk.CheckOutAsync(booked.Id, due);
        });

        var done = outcomes.Where(o => o.Result is not null).Select(o => o.Result!).ToList();
        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.Contains("nothing left", o.Error!.Message));
        var stored = await _desk.RecordAsync(credit.Id);
        PackageDesk.AssertBalanced(stored);
        Assert.Equal((0m, 0m, 1000m), (stored.Available, stored.Held, stored.Used));
        Assert.Equal(1000m, done.Sum(a => a.PackageCovers));
        Assert.All(done, a => Assert.Equal(AppointmentStatus.Completed, a.Status));
        await using var db = await _desk.ContextAsync();
        Assert.Equal(done.Count, await db.Appointments.CountAsync());
        Assert.Equal(done.Count, stored.Ledger.Count(e => e.Kind == LedgerKind.Redeem));
    }

    [Fact]
    public async Task AttachPackageAsync_ManySingleBookingsToOneSmallBalance_TheHeldAmountNeverExceedsIt()
    {
        var credit = await _desk.SellAsync(await _desk.AddBalanceAsync(PackageValueType.Amount, 500m, 450m));
        var singles = new List<AppointmentView>();
        for (var i = 0; i < Desks / 2; i++)
        {
            singles.Add(await _desk.BookAsync(_desk.Massage, Slot(i)));
        }

        var outcomes = await AllAtOnceAsync(singles.Count, i => _desk.Appointments.AttachPackageAsync(new AttachPackage(singles[i].Id, credit.Id, null, Callers.Rita)));

        var attached = outcomes.Where(o => o.Result is not null).Select(o => o.Result!).ToList();
        var stored = await _desk.RecordAsync(credit.Id);
        PackageDesk.AssertBalanced(stored);
        Assert.Equal((0m, 500m), (stored.Available, stored.Held));
        Assert.Equal(500m, attached.Sum(a => a.PackageCovers));
        Assert.Equal(5, attached.Count); // 4 x 120 and one of 20
    }
}
