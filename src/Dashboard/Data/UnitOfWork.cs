using System.Diagnostics;
using System.Text.Json;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using Microsoft.Data.Sqlite;
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
        if (InsideCommand.Value)
        {
            // Its work would wait for the queue it is holding up.
            throw new InvalidOperationException($"The command {command} was started from inside another command's work; run it after that command has returned.");
        }
        if (!await IsSqliteAsync(ct))
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var done = await ExecuteAsync(db, caller, key, callerScope, hash, command, work, audit, ct);
            await transaction.CommitAsync(ct);
            return done;
        }
        var queued = new QueuedCommand<T>(this, caller, key, callerScope, hash, command, work, audit, ct);
        bool drain;
        lock (_queue)
        {
            _queue.Enqueue(queued);
            drain = !_draining;
            _draining = true;
        }
        if (drain)
        {
            await DrainAsync(firstBatchOnly: true);
        }
        // Not cancellable here: once queued, the command's outcome (run, refused or cancelled
        // before it started) is only known when the writer has dealt with it.
        return await queued.Outcome;
    }

    /// <summary>The command's own work and bookkeeping, inside a transaction (or a savepoint of one) that the caller commits.</summary>
    private async Task<Committed<T>> ExecuteAsync<T>(DashboardDbContext db, Caller caller, string? key, string callerScope, string hash, string command, Func<DashboardDbContext, Task<T>> work, bool audit, CancellationToken ct)
    {
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
        // The events were copied above; the saved entities are not used again.
        aggregates.ForEach(a => a.ClearDomainEvents());
        return new Committed<T>(result, events, Replayed: false);
    }

    // ---- SQLite: one writer, queued commands committed together ----
    //
    // SQLite has one writer at a time. Commands are queued here in arrival order and run one
    // after another by whichever caller found the queue idle (no thread hop for a lone command).
    // Without the queue the desks' commands race for the file's write lock and the losers are
    // retried by Microsoft.Data.Sqlite with a blocking sleep each: throughput falls and p99
    // grows to seconds as writers are added.
    //
    // Group commit: the commands that are waiting, or arrive while a batch runs, run in ONE
    // transaction on one connection, each inside its own savepoint, and the batch ends (see
    // RunBatchAsync for its bounds) with one COMMIT (one WAL sync) for all of them. Each command stays atomic (a refused or failing one is rolled back
    // to its savepoint and answered at once; the others go on), sees everything the commands
    // before it did (same transaction), and is answered only after the COMMIT is on disk: a
    // caller never hears "done" for a change that could still be lost, and its events are
    // announced only then. If the COMMIT fails, every command of the batch gets that error and
    // none of them is saved. A lone command is a batch of one, as before. Other processes on
    // the same file (a backup, a second instance) still meet the lock and its retries.
    //
    // A command's work must read through the context it is given: a second connection would
    // not see what earlier commands of the batch wrote. DatabaseSetup's connection interceptor
    // refuses to open one while a command's work runs (see EnsureNotInsideCommand).

    /// <summary>At most this many commands share a transaction (and wait for its COMMIT).</summary>
    internal const int MaxBatch = 64;

    /// <summary>No more commands join a transaction that has run this long: it commits, and its commands are answered. (Settable for tests that need a batch to hold whatever is queued.)</summary>
    internal TimeSpan MaxBatchTime { get; set; } = TimeSpan.FromMilliseconds(20);

    private static readonly AsyncLocal<bool> InsideCommand = new();

    private readonly Queue<IQueuedCommand> _queue = new();
    private bool _draining;
    private bool? _sqlite;

    /// <summary>Commands waiting for the writer now (for tests and diagnostics).</summary>
    internal int Queued
    {
        get
        {
            lock (_queue)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Write transactions committed on SQLite so far, each with one or more commands (for tests and diagnostics).</summary>
    internal long Commits => Interlocked.Read(ref _commits);

    private long _commits;

    private IDbContextFactory<DashboardDbContext> Contexts => contexts;

    /// <summary>Throws when a command's work opens a connection of its own (see the note above).</summary>
    internal static void EnsureNotInsideCommand()
    {
        if (InsideCommand.Value)
        {
            throw new InvalidOperationException("A command's work opened a second database connection; read through the context the unit of work gives it, which sees what this command and the ones before it wrote.");
        }
    }

    private async ValueTask<bool> IsSqliteAsync(CancellationToken ct)
    {
        if (_sqlite is { } known)
        {
            return known;
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (_sqlite = db.Database.IsSqlite()).Value;
    }

    /// <summary>
    /// Runs batches until the queue is empty. The caller that found the queue idle runs the first
    /// batch itself (its own command is in it) and hands what arrived meanwhile to a pool thread,
    /// so that its own answer is not held up by later arrivals. Never throws: every failure is
    /// handed to the commands it concerns, and the queue is always left with a drainer or idle.
    /// </summary>
    private async Task DrainAsync(bool firstBatchOnly)
    {
        while (TakeNext(orStopDraining: true) is { } first)
        {
            await RunBatchAsync(first);
            if (firstBatchOnly)
            {
                lock (_queue)
                {
                    if (_queue.Count == 0)
                    {
                        _draining = false;
                        return;
                    }
                }
                // Not awaited by anyone, and safe so: DrainAsync never throws. Without the first
                // caller's ambient values (its activity, log scope): each command runs in its own.
                using (ExecutionContext.SuppressFlow())
                {
                    _ = Task.Run(() => DrainAsync(firstBatchOnly: false));
                }
                return;
            }
        }
    }

    /// <summary>The next command not cancelled yet; none when the queue is empty (and then, with <paramref name="orStopDraining"/>, the queue is left idle).</summary>
    private IQueuedCommand? TakeNext(bool orStopDraining)
    {
        lock (_queue)
        {
            while (_queue.TryDequeue(out var next))
            {
                if (!next.CancelIfRequested())
                {
                    return next;
                }
            }
            if (orStopDraining)
            {
                _draining = false;
            }
            return null;
        }
    }

    /// <summary>
    /// One transaction: <paramref name="first"/>, then whatever is queued, until the batch has
    /// <see cref="MaxBatch"/> commands or has run for <see cref="MaxBatchTime"/> (then it commits
    /// and its commands are answered; slow commands, an import, do not hold the others' answers
    /// for long). Larger batches are cheaper per command: the hot pages (indexes, the tables'
    /// last pages) go to the WAL once per transaction, not once per command, and there is one
    /// sync. But every command of a batch waits for its end, and one that arrives just after a
    /// batch stopped taking waits for that batch's COMMIT and then its own batch: the bound is
    /// most of the tail. Measured (docs/benchmarks.md, 32 writers): 4 ms made batches of two or
    /// three commands and cost a third of the rate; 50 ms gave p99 113-115 ms, 20 ms 91-98 ms at
    /// the same rate, 10 ms no better than 20.
    /// </summary>
    private async Task RunBatchAsync(IQueuedCommand first)
    {
        var ran = new List<IQueuedCommand>();
        var command = first;
        DashboardDbContext? writer = null;
        SqliteTransaction? transaction = null;
        try
        {
            // Opened by a context of its own, so that it is set up as EF Core sets up every
            // connection it opens (its SQL functions, and our pragmas by the interceptor).
            writer = await contexts.CreateDbContextAsync();
            await writer.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)writer.Database.GetDbConnection();
            // BEGIN IMMEDIATE: the reads a rule depends on and the writes that follow cannot
            // interleave with another process's write.
            var open = transaction = connection.BeginTransaction(deferred: false);
            var started = Stopwatch.GetTimestamp();
            var taken = 0;
            while (command is not null)
            {
                taken++;
                await open.SaveAsync("command");
                try
                {
                    await command.RunAsync(connection, open);
                    await open.ReleaseAsync("command");
                    ran.Add(command);
                }
                catch (Exception refused) when (InTransaction(connection))
                {
                    await open.RollbackAsync("command");
                    await open.ReleaseAsync("command");
                    command.Fail(refused);
                }
                catch (Exception refused)
                {
                    // SQLite rolled the whole transaction back (a full disk, an I/O error): what
                    // the commands before this one did is gone with it. The commands still
                    // queued are left for the next transaction.
                    command.Fail(refused);
                    ran.ForEach(c => c.Fail(new InvalidOperationException("The database rolled this change back because of another change's error; nothing was saved. Try again.", refused)));
                    return;
                }
                command = taken < MaxBatch && Stopwatch.GetElapsedTime(started) < MaxBatchTime ? TakeNext(orStopDraining: false) : null;
            }
            await open.CommitAsync();
            transaction = null;
            Interlocked.Increment(ref _commits);
            ran.ForEach(c => c.Complete());
        }
        catch (Exception failed)
        {
            // BEGIN, COMMIT or a rollback to a savepoint failed: none of the batch is saved.
            command?.Fail(failed);
            ran.ForEach(c => c.Fail(failed));
        }
        finally
        {
            if (transaction is not null)
            {
                try
                {
                    await transaction.DisposeAsync(); // rolls back what was not committed
                }
                catch (SqliteException)
                {
                    // Already rolled back by SQLite itself; closing the connection ends the rest.
                }
            }
            if (writer is not null)
            {
                await writer.DisposeAsync(); // closes the connection
            }
        }
    }

    private static bool InTransaction(SqliteConnection connection) =>
        connection.State == System.Data.ConnectionState.Open && SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0;

    private interface IQueuedCommand
    {
        /// <summary>True (and answered as cancelled) when the caller gave up before the command started.</summary>
        bool CancelIfRequested();

        Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

        /// <summary>Answers with the result: its transaction is committed.</summary>
        void Complete();

        /// <summary>Answers with the error; nothing of the command is saved. Does nothing once answered.</summary>
        void Fail(Exception error);
    }

    private sealed class QueuedCommand<T>(UnitOfWork owner, Caller caller, string? key, string callerScope, string hash, string command, Func<DashboardDbContext, Task<T>> work, bool audit, CancellationToken ct) : IQueuedCommand
    {
        private readonly TaskCompletionSource<Committed<T>> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // The caller's ambient values (log scopes, the activity, the idempotency scope) for its work.
        private readonly ExecutionContext? _context = ExecutionContext.Capture();
        private Committed<T> _done;

        public Task<Committed<T>> Outcome => _outcome.Task;

        public bool CancelIfRequested() => ct.IsCancellationRequested && _outcome.TrySetCanceled(ct);

        public Task RunAsync(SqliteConnection connection, SqliteTransaction transaction)
        {
            if (_context is null)
            {
                return RunHereAsync(connection, transaction);
            }
            Task? running = null;
            ExecutionContext.Run(_context, _ => running = RunHereAsync(connection, transaction), null);
            return running!;
        }

        private async Task RunHereAsync(SqliteConnection connection, SqliteTransaction transaction)
        {
            InsideCommand.Value = true;
            await using var db = await owner.Contexts.CreateDbContextAsync(ct);
            db.Database.SetDbConnection(connection, contextOwnsConnection: false);
            await db.Database.UseTransactionAsync(transaction, ct);
            // The batch gives each command a savepoint of its own (or the whole transaction to a
            // lone one): SaveChanges need not wrap itself in another.
            db.Database.AutoSavepointsEnabled = false;
            _done = await owner.ExecuteAsync(db, caller, key, callerScope, hash, command, work, audit, ct);
        }

        public void Complete() => _outcome.TrySetResult(_done);

        public void Fail(Exception error)
        {
            if (error is OperationCanceledException cancelled && ct.IsCancellationRequested)
            {
                _outcome.TrySetCanceled(cancelled.CancellationToken);
            }
            else
            {
                _outcome.TrySetException(error);
            }
        }
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
