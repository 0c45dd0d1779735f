using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Unit.Dashboard.Support;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FrontDesk.Tests.Unit.Dashboard.Data;

/// <summary>
/// Exactly-once commands at the unit of work: a key recorded with the result in the command's
/// transaction, replayed for the same caller and request, refused for another request, scoped by
/// caller, forgotten after the retention, purged by the job.
/// </summary>
public sealed class IdempotencyTests : IAsyncLifetime
{
    private PackageDesk _desk = null!;
    private PackageTemplate _course = null!;

    public async Task InitializeAsync()
    {
        _desk = await PackageDesk.OpenAsync();
        _course = await _desk.AddCourseAsync();
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private async Task<RecordView> SellAsync(Caller? caller = null, string? hash = null, string key = "sale-1", decimal amount = 250m)
    {
        using (IdempotencyScope.Begin(key, hash))
        {
            return await SellUnscopedAsync(caller, amount);
        }
    }

    private Task<RecordView> SellUnscopedAsync(Caller? caller = null, decimal amount = 250m) =>
        _desk.Packages.AcquireAsync(new AcquirePackage(_desk.Alice.Id.Value, _course.Id.Value, AcquisitionMode.Paid, null,
            [new PaymentLine(PaymentMethod.Card, amount)], caller ?? Callers.Rita));

    private async Task<(int Records, int Invoices, int Keys)> CountsAsync()
    {
        await using var db = await _desk.ContextAsync();
        return (await db.PackageRecords.CountAsync(), await db.Invoices.CountAsync(), await db.IdempotencyEntries.CountAsync());
    }

    [Fact]
    public async Task RunAsync_SameKeySameCaller_ReplaysTheFirstResultAndSellsOnce()
    {
        var first = await SellAsync();

        var second = await SellAsync();

        Assert.Equal(first.Id, second.Id);
        Assert.Equal((1, 1, 1), await CountsAsync());
    }

    [Fact]
    public async Task RunAsync_Replay_SaysReplayedAndHandsNoEvents()
    {
        var work = new UnitOfWork(_desk.Contexts, _desk.Clock);
        Task<Committed<int>> TakeAsync() => work.RunAsync(Callers.Rita, "take-1", Permissions.AdjustPackage, async db =>
        {
            var client = await db.Clients.FindAsync([_desk.Alice.Id]);
            client!.ChangeDetails(client.Name, client.Phone, client.Email, "retried", _desk.Clock.GetUtcNow(), Callers.Rita.Actor);
            return 7;
        });

        var first = await TakeAsync();
        var retry = await TakeAsync();

        Assert.False(first.Replayed);
        Assert.NotEmpty(first.Events);
        Assert.True(retry.Replayed);
        Assert.Empty(retry.Events);
        Assert.Equal(7, retry.Result);
    }

    [Fact]
    public async Task RunAsync_SameKeyDifferentRequestHash_RefusedAsBrokenRuleAndChangesNothing()
    {
        await SellAsync(hash: new string('a', 64));
        var before = DatabaseFingerprint.Of(_desk.DatabasePath);

        var refused = await Assert.ThrowsAsync<DomainException>(() => SellAsync(hash: new string('b', 64)));

        Assert.Equal(DomainErrorKind.RuleBroken, refused.Kind);
        Assert.Contains("different request body", refused.Message);
        Assert.Equal(before, DatabaseFingerprint.Of(_desk.DatabasePath));
    }

    [Fact]
    public async Task RunAsync_SameKeyAnotherCaller_IsAnotherKey()
    {
        var other = Caller.Staff("r2", "Rob at desk 2", StaffRole.Manager);
        var first = await SellAsync();

        var second = await SellAsync(caller: other);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal((2, 2, 2), await CountsAsync());
    }

    [Fact]
    public async Task RunAsync_SameKeyAfterRetention_RunsAnew()
    {
        var first = await SellAsync();
        _desk.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        var second = await SellAsync();

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal((2, 2, 1), await CountsAsync());
    }

    [Fact]
    public async Task RunAsync_SameKeyJustBeforeRetention_StillReplays()
    {
        var first = await SellAsync();
        _desk.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));

        var second = await SellAsync();

        Assert.Equal(first.Id, second.Id);
    }

    [Fact]
    public async Task RunAsync_ConcurrentCopiesOfOneKey_OneSaleAndOneAnswer()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => SellAsync(key: "race-1"))));

        Assert.Single(answers.Select(a => a.Id).Distinct());
        Assert.Equal((1, 1, 1), await CountsAsync());
    }

    [Fact]
    public async Task RunAsync_RefusedCommand_RecordsNoKeyAndMayBeRetried()
    {
        await Assert.ThrowsAsync<DomainException>(() => SellAsync(amount: 1m));

        var sold = await SellAsync();

        Assert.Equal(_course.Id.Value, sold.TemplateId);
        Assert.Equal((1, 1, 1), await CountsAsync());
    }

    [Fact]
    public async Task RunAsync_TwoCommandsInOneScope_EachRecordedOnceInOrder()
    {
        async Task<(RecordView, RecordView)> BothAsync()
        {
            using (IdempotencyScope.Begin("two-1"))
            {
                var a = await _desk.Packages.AcquireAsync(new AcquirePackage(_desk.Alice.Id.Value, _course.Id.Value, AcquisitionMode.Complimentary, "gift", null, Callers.Rita));
                var b = await _desk.Packages.AcquireAsync(new AcquirePackage(_desk.Bob.Id.Value, _course.Id.Value, AcquisitionMode.Complimentary, "gift", null, Callers.Rita));
                return (a, b);
            }
        }

        var first = await BothAsync();
        var again = await BothAsync();

        Assert.Equal((first.Item1.Id, first.Item2.Id), (again.Item1.Id, again.Item2.Id));
        Assert.Equal(2, (await CountsAsync()).Records);
    }

    [Fact]
    public async Task PurgeAsync_ExpiredKeys_DeletedAndFreshKeysKept()
    {
        await SellAsync(key: "old");
        _desk.Clock.Advance(TimeSpan.FromHours(23));
        await SellAsync(key: "new");
        _desk.Clock.Advance(TimeSpan.FromHours(2));
        var job = Job(TimeSpan.FromHours(24));

        var purged = await job.PurgeAsync();

        Assert.Equal(1, purged);
        await using var db = await _desk.ContextAsync();
        Assert.Equal(["new"], await db.IdempotencyEntries.Select(e => e.Key).ToListAsync());
    }

    [Fact]
    public async Task PurgeJob_TimerTicks_PurgesKeysThatExpiredSinceStart()
    {
        await SellAsync(key: "k1");
        var job = Job(TimeSpan.FromHours(1), purgeEvery: TimeSpan.FromMinutes(10));
        await job.StartAsync(CancellationToken.None);
        try
        {
            _desk.Clock.Advance(TimeSpan.FromMinutes(61));
            var remaining = 1;
            for (var i = 0; i < 100 && remaining > 0; i++)
            {
                _desk.Clock.Advance(TimeSpan.FromMinutes(10));
                await Task.Delay(50);
                await using var db = await _desk.ContextAsync();
                remaining = await db.IdempotencyEntries.CountAsync();
            }

            Assert.Equal(0, remaining);
        }
        finally
        {
            await job.StopAsync(CancellationToken.None);
        }
    }

    private IdempotencyPurgeJob Job(TimeSpan retention, TimeSpan? purgeEvery = null) =>
        new(_desk.Contexts, Options.Create(new IdempotencyOptions { Retention = retention, PurgeInterval = purgeEvery ?? TimeSpan.FromHours(1) }), _desk.Clock, NullLogger<IdempotencyPurgeJob>.Instance);
}
