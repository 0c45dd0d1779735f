using System.Text.Json;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FrontDesk.Dashboard.Data;

/// <summary>
/// Runs one command: a fresh context, one transaction (on SQLite "BEGIN IMMEDIATE", so the
/// reads that a rule depends on and the write that follows cannot interleave with another
/// desk's), then hands back the domain events of the aggregates it saved, for announcing
/// after the commit. The caller's right to the command is checked first (see
/// <see cref="Permissions"/>), and the command's changes are written to the audit trail in the
/// same transaction (see <see cref="AuditWriter"/>).
/// <para>
/// Exactly once: with an idempotency key (an explicit one, or the open
/// <see cref="IdempotencyScope"/>'s), the key, the caller's scope, the request's hash and the
/// result are saved in the same SaveChanges as the change. A retry with the same key from the
/// same caller replays that result without running the work and says so (<see cref="Committed{T}.Replayed"/>): the caller announces nothing, since the first run was announced; the same key
/// with a different request is refused (422). A concurrent duplicate waits on the write lock and
/// then finds the first's entry, or (on a database without that lock) hits the key's unique index
/// and replays. Keys older than <see cref="IdempotencyOptions.Retention"/> are forgotten.
/// </para>
/// </summary>
public sealed class UnitOfWork(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock, IOptions<IdempotencyOptions>? idempotency = null)
{
    public const int MaxKeyLength = 200;

    // Fields too: a command may return a tuple of views (a transfer's two records).
    private static readonly JsonSerializerOptions ResultJson = new() { IncludeFields = true };

    private readonly TimeSpan _retention = (idempotency?.Value ?? new IdempotencyOptions()).Retention;

    /// <summary>One write transaction at a time on SQLite, queued in this process (UnitOfWork is a singleton; see <see cref="RunOnceAsync"/>).</summary>
    private readonly SemaphoreSlim _writer = new(1, 1);

    public Task<Committed<T>> RunAsync<T>(Caller caller, string command, Func<DashboardDbContext, Task<T>> work, CancellationToken ct = default) =>
        RunAsync(caller, null, command, work, ct);

    /// <param name="caller">Who asks; refused (Forbidden) before anything is read unless <see cref="Permissions"/> allows it.</param>
    /// <param name="idempotencyKey">A key for this one command; without it, the open <see cref="IdempotencyScope"/> gives one (or none).</param>
    /// <param name="command">The command's name in the permissions table; also what the audit trail and idempotency keys record.</param>
    /// <returns>The result, the events to announce, and whether it was a replay (then there is nothing to announce: the first run was announced).</returns>
    public Task<Committed<T>> RunAsync<T>(Caller caller, string? idempotencyKey, string command, Func<DashboardDbContext, Task<T>> work, CancellationToken ct = default) =>
        RunAsync(caller, idempotencyKey, command, work, audit: true, ct);

    /// <param name="audit">False when the work writes its own audit entries (an import writes one summary).</param>
    public async Task<Committed<T>> RunAsync<T>(Caller caller, string? idempotencyKey, string command, Func<DashboardDbContext, Task<T>> work, bool audit, CancellationToken ct = default)
    {
        Permissions.Ensure(caller, command);
        var scope = IdempotencyScope.Current;
        var key = idempotencyKey ?? scope?.NextCommandKey();
        if (key is { Length: 0 } || key?.Length > MaxKeyLength + 10)
        {
            throw DomainException.Invalid($"An idempotency key has 1 to {MaxKeyLength} characters.", "Idempotency-Key");
        }
        var hash = idempotencyKey is null ? scope?.RequestHash ?? string.Empty : string.Empty;
        var callerScope = ScopeOf(caller);
        try
        {
            var done = await RunOnceAsync(caller, key, callerScope, hash, command, work, audit, ct);
            scope?.Mark(done.Replayed);
            return done;
        }
        catch (DbUpdateException ex) when (key is not null && ex is not DbUpdateConcurrencyException)
        {
            // A duplicate that raced past the lookup (possible without SQLite's write lock) hits
            // the key's unique index: the first copy's result is the answer.
            await using var db = await contexts.CreateDbContextAsync(ct);
            if (await FindAsync(db, callerScope, key, ct) is { } done)
            {
                var replay = Replay<T>(done, command, hash);
                scope?.Mark(true);
                return new Committed<T>(replay, [], Replayed: true);
            }
            throw;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict("Someone else changed this at the same moment. Look at it again and retry.");
        }
    }

    /// <summary>The scope a caller's keys live in: two callers never share a key.</summary>
    public static string ScopeOf(Caller caller) => $"{caller.Actor.Kind}:{caller.Actor.Id}";

    private async Task<Committed<T>> RunOnceAsync<T>(Caller caller, string? key, string callerScope, string hash, string command, Func<DashboardDbContext, Task<T>> work, bool audit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // SQLite has one writer at a time. Without this gate, the desks' commands race for the
        // file's write lock and the losers are retried by Microsoft.Data.Sqlite with a blocking
        // sleep each (a thread-pool thread held per waiting command): throughput falls and p99
        // grows to seconds as writers are added. Queued here, a command waits (asynchronously, in
        // arrival order) only for the commands ahead of it. Other processes on the same file (a
        // backup, a second instance) still meet the lock and its retries.
        var gated = db.Database.IsSqlite();
        if (gated)
        {
            await _writer.WaitAsync(ct);
        }
        try
        {
            return await RunInTransactionAsync(db, caller, key, callerScope, hash, command, work, audit, ct);
        }
        finally
        {
            if (gated)
            {
                _writer.Release();
            }
        }
    }

    private async Task<Committed<T>> RunInTransactionAsync<T>(DashboardDbContext db, Caller caller, string? key, string callerScope, string hash, string command, Func<DashboardDbContext, Task<T>> work, bool audit, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        if (key is not null && await FindAsync(db, callerScope, key, ct) is { } done)
        {
            if (done.CreatedAt > now - _retention)
            {
                return new Committed<T>(Replay<T>(done, command, hash), [], Replayed: true);
            }
            // Expired and not purged yet: the key is free again.
            await db.IdempotencyEntries.Where(e => e.CallerScope == callerScope && e.Key == key).ExecuteDeleteAsync(ct);
        }
        var result = await work(db);
        // One scan of the tracked graph for changes, here: the events, the audit trail and
        // SaveChanges all read its outcome, and what is added from now on (the key's row, the
        // audit rows) is tracked as Added directly. Left on, each of the three would scan again.
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var aggregates = db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).ToList();
        var events = aggregates.SelectMany(a => a.DomainEvents).OrderBy(e => e.OccurredAt).ToList();
        if (key is not null)
        {
            db.IdempotencyEntries.Add(new IdempotencyEntry
            {
                CallerScope = callerScope,
                Key = key,
                Command = command,
                RequestHash = hash,
                ResultJson = JsonSerializer.Serialize(result, ResultJson),
                CreatedAt = now,
            });
        }
        if (audit)
        {
            AuditWriter.Record(db, caller, command, now, detectChanges: false);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        aggregates.ForEach(a => a.ClearDomainEvents());
        return new Committed<T>(result, events, Replayed: false);
    }

    private static Task<IdempotencyEntry?> FindAsync(DashboardDbContext db, string callerScope, string key, CancellationToken ct) =>
        db.IdempotencyEntries.AsNoTracking().SingleOrDefaultAsync(e => e.CallerScope == callerScope && e.Key == key, ct);

    private static T Replay<T>(IdempotencyEntry done, string command, string hash)
    {
        if (done.Command != command)
        {
            throw DomainException.Conflict("That idempotency key was already used for a different command; send a new key for a new request.");
        }
        if (done.RequestHash.Length > 0 && hash.Length > 0 && done.RequestHash != hash)
        {
            throw DomainException.Rule("That idempotency key was already used for a different request body; send a new key for a new request, or the same body to get the first answer again.", "Idempotency-Key");
        }
        return JsonSerializer.Deserialize<T>(done.ResultJson, ResultJson)!;
    }
}

/// <summary>
/// What a command run by <see cref="UnitOfWork"/> gave back.
/// </summary>
/// <param name="Result">The work's result (on a replay, the first run's result as it was saved).</param>
/// <param name="Events">The domain events of the aggregates saved, to announce after the commit; none on a replay.</param>
/// <param name="Replayed">
/// True when the key had been used before and the first run's result was replayed without
/// running the work: nothing changed now, so the caller must announce nothing on the live feed
/// (the change was announced when it was first done).
/// </param>
public readonly record struct Committed<T>(T Result, IReadOnlyList<DomainEvent> Events, bool Replayed);
