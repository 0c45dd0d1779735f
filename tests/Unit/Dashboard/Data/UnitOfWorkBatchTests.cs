using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Tests.Unit.Dashboard.Support;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Tests.Unit.Dashboard.Data;

/// <summary>
/// Group commit on SQLite: the commands that wait while one runs join its transaction, each in
/// a savepoint, and are answered after its one COMMIT. Each test holds the
/// writer with a first command whose work waits, queues the others behind it, then lets it go.
/// </summary>
public sealed class UnitOfWorkBatchTests : IAsyncLifetime
{
    private PackageDesk _desk = null!;

    public async Task InitializeAsync() => _desk = await PackageDesk.OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private UnitOfWork Work => _desk.UnitOfWork;

    /// <summary>A command that holds the writer until <paramref name="release"/> completes, then renames Alice's notes.</summary>
    private Task<Committed<int>> HoldAsync(TaskCompletionSource release) => Work.RunAsync(Callers.Rita, Permissions.AdjustPackage, async db =>
    {
        await release.Task;
        var alice = await db.Clients.SingleAsync(c => c.Id == _desk.Alice.Id);
        alice.ChangeDetails(alice.Name, alice.Phone, alice.Email, "held", _desk.Clock.GetUtcNow(), Callers.Rita.Actor);
        return 0;
    });

    private Task<Committed<int>> RegisterAsync(string name, bool thenRefuse = false, CancellationToken ct = default) => Work.RunAsync(Callers.Rita, Permissions.AdjustPackage, db =>
    {
        db.Clients.Add(Client.Register(ClientId.New(), name, null, null, null, _desk.Clock.GetUtcNow(), Callers.Rita.Actor));
        return thenRefuse ? throw DomainException.Rule($"{name} is refused after writing.") : Task.FromResult(1);
    }, ct);

    private async Task QueuedAsync(int count)
    {
        for (var i = 0; i < 500 && Work.Queued < count; i++)
        {
            await Task.Delay(10);
        }
        Assert.Equal(count, Work.Queued);
    }

    private async Task<List<string>> NamesAsync()
    {
        await using var db = await _desk.ContextAsync();
        return await db.Clients.Select(c => c.Name).ToListAsync();
    }

    [Fact]
    public async Task QueuedCommands_OneIsRefusedAfterWriting_TheOthersAreSavedInOneCommitAndItIsNot()
    {
        Work.MaxBatchTime = TimeSpan.FromMinutes(1); // whatever is queued joins, however slow this machine
        var release = new TaskCompletionSource();
        var held = HoldAsync(release);
        var carol = RegisterAsync("Carol");
        var refused = RegisterAsync("Refused", thenRefuse: true);
        var dave = RegisterAsync("Dave");
        await QueuedAsync(3);
        var commits = Work.Commits;

        release.SetResult();
        await held;
        await carol;
        await Assert.ThrowsAsync<DomainException>(() => refused);
        await dave;

        // The held command and the three queued behind it shared one transaction: one COMMIT.
        Assert.Equal(commits + 1, Work.Commits);
        var names = await NamesAsync();
        Assert.Contains("Carol", names);
        Assert.Contains("Dave", names);
        Assert.DoesNotContain("Refused", names);
        await using var db = await _desk.ContextAsync();
        Assert.Equal("held", (await db.Clients.SingleAsync(c => c.Id == _desk.Alice.Id)).Notes);
        // The refused command's audit rows went with its savepoint.
        Assert.Equal(3, await db.AuditTrail.CountAsync(e => e.Command == Permissions.AdjustPackage));
    }

    [Fact]
    public async Task QueuedBookings_OfTheSameSlot_TheSecondSeesTheFirstAndIsRefused()
    {
        var release = new TaskCompletionSource();
        var held = HoldAsync(release);
        var at = PackageDesk.At(2, 10);
        var first = _desk.BookAsync(_desk.Laser, at);
        var second = _desk.BookAsync(_desk.Laser, at, client: _desk.Bob);
        await QueuedAsync(2);

        release.SetResult();
        await held;
        var outcomes = await Task.WhenAll(Outcome(first), Outcome(second));

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.IsType<DomainException>(Assert.Single(outcomes, o => o is not null));
        await using var db = await _desk.ContextAsync();
        Assert.Equal(1, await db.Appointments.CountAsync(a => a.Start == at));
    }

    private static async Task<Exception?> Outcome(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    [Fact]
    public async Task QueuedCommand_CancelledBeforeItsTurn_NeverRuns()
    {
        var release = new TaskCompletionSource();
        var held = HoldAsync(release);
        using var cancel = new CancellationTokenSource();
        var gone = RegisterAsync("Gone", ct: cancel.Token);
        var kept = RegisterAsync("Kept");
        await QueuedAsync(2);

        cancel.Cancel();
        release.SetResult();
        await held;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone);
        await kept;
        var names = await NamesAsync();
        Assert.DoesNotContain("Gone", names);
        Assert.Contains("Kept", names);
    }

    [Fact]
    public async Task Work_ThatOpensASecondConnection_IsRefusedAndNothingIsSaved()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Work.RunAsync(Callers.Rita, Permissions.AdjustPackage, async db =>
        {
            db.Clients.Add(Client.Register(ClientId.New(), "Sideways", null, null, null, _desk.Clock.GetUtcNow(), Callers.Rita.Actor));
            await using var other = await _desk.Contexts.CreateDbContextAsync();
            return await other.Clients.CountAsync();
        }));

        Assert.Contains("second database connection", error.Message);
        Assert.DoesNotContain("Sideways", await NamesAsync());
    }

    [Fact]
    public async Task Work_ThatStartsAnotherCommand_IsRefusedInsteadOfWaitingForever()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Work.RunAsync(Callers.Rita, Permissions.AdjustPackage, async db =>
        {
            await RegisterAsync("Inner");
            return 0;
        }));

        Assert.Contains("inside another command", error.Message);
        Assert.DoesNotContain("Inner", await NamesAsync());
    }

    [Fact]
    public async Task ManyConcurrentCommands_EachIsSavedExactlyOnce_InFewerCommits()
    {
        var commits = Work.Commits;
        var names = Enumerable.Range(0, 300).Select(i => $"Client {i:000}").ToList();

        var results = await Task.WhenAll(names.Select(n => Task.Run(() => RegisterAsync(n))));

        Assert.All(results, r => Assert.Equal(1, r.Result));
        var saved = await NamesAsync();
        Assert.All(names, n => Assert.Single(saved, s => s == n));
        Assert.True(Work.Commits - commits < names.Count, $"{Work.Commits - commits} commits for {names.Count} commands");
    }

    [Fact]
    public async Task LoneCommand_IsCommittedBeforeItsCallerHearsOfIt()
    {
        await RegisterAsync("Erin");

        // Read on another connection: committed, not only visible inside the writer's transaction.
        Assert.Contains("Erin", await NamesAsync());
    }
}
