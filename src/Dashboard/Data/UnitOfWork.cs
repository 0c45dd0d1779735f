using System.Text.Json;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Data;

/// <summary>
/// Runs one command: a fresh context, one transaction (on SQLite "BEGIN IMMEDIATE", so the
/// reads that a rule depends on and the write that follows cannot interleave with another
/// desk's), then hands back the domain events of the aggregates it saved, for announcing
/// after the commit. With an idempotency key, a command already done replays its first
/// result and changes nothing. The caller's right to the command is checked first (see
/// <see cref="Permissions"/>), and the command's changes are written to the audit trail in the
/// same transaction (see <see cref="AuditWriter"/>).
/// </summary>
public sealed class UnitOfWork(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock)
{
    public const int MaxKeyLength = 200;

    /// <summary>One write transaction at a time on SQLite, queued in this process (see <see cref="RunAsync{T}(Caller, string?, string, Func{DashboardDbContext, Task{T}}, bool, CancellationToken)"/>).</summary>
    private readonly SemaphoreSlim _writer = new(1, 1);

    public Task<(T Result, IReadOnlyList<DomainEvent> Events)> RunAsync<T>(Caller caller, string command, Func<DashboardDbContext, Task<T>> work, CancellationToken ct = default) =>
        RunAsync(caller, null, command, work, ct);

    /// <param name="caller">Who asks; refused (Forbidden) before anything is read unless <see cref="Permissions"/> allows it.</param>
    /// <param name="command">The command's name in the permissions table; also what the audit trail and idempotency keys record.</param>
    /// <returns>The result, and the events to announce (none when the result was replayed).</returns>
    public Task<(T Result, IReadOnlyList<DomainEvent> Events)> RunAsync<T>(Caller caller, string? idempotencyKey, string command, Func<DashboardDbContext, Task<T>> work, CancellationToken ct = default) =>
        RunAsync(caller, idempotencyKey, command, work, audit: true, ct);

    /// <param name="audit">False when the work writes its own audit entries (an import writes one summary).</param>
    public async Task<(T Result, IReadOnlyList<DomainEvent> Events)> RunAsync<T>(Caller caller, string? idempotencyKey, string command, Func<DashboardDbContext, Task<T>> work, bool audit, CancellationToken ct = default)
    {
        Permissions.Ensure(caller, command);
        if (idempotencyKey is { Length: 0 or > MaxKeyLength })
        {
            throw DomainException.Invalid($"An idempotency key has 1 to {MaxKeyLength} characters.", "Idempotency-Key");
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        // SQLite has one writer at a time. Without this gate, the desks' commands race for the
        // file's write lock and the losers are retried by Microsoft.Data.Sqlite with a blocking
        // sleep each (a thread-pool thread held per waiting command): throughput falls
        // and p99 grows to seconds as writers are added. Queued here, a command waits
        // (asynchronously, in arrival order) only for the commands ahead of it. Other processes
        // on the same file (a backup, a second instance) still meet the lock and its retries.
        var gated = db.Database.IsSqlite();
        if (gated)
        {
            await _writer.WaitAsync(ct);
        }
        try
        {
            return await RunInTransactionAsync(db, caller, idempotencyKey, command, work, audit, ct);
        }
        finally
        {
            if (gated)
            {
                _writer.Release();
            }
        }
    }

    private async Task<(T Result, IReadOnlyList<DomainEvent> Events)> RunInTransactionAsync<T>(DashboardDbContext db, Caller caller, string? idempotencyKey, string command, Func<DashboardDbContext, Task<T>> work, bool audit, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (idempotencyKey is not null && await db.IdempotencyEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Key == idempotencyKey, ct) is { } done)
            {
                if (done.Command != command)
                {
                    throw DomainException.Conflict("That idempotency key was already used for a different command.");
                }
                return (JsonSerializer.Deserialize<T>(done.ResultJson)!, []);
            }
            var result = await work(db);
            var aggregates = db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).ToList();
            var events = aggregates.SelectMany(a => a.DomainEvents).OrderBy(e => e.OccurredAt).ToList();
            if (idempotencyKey is not null)
            {
                db.IdempotencyEntries.Add(new IdempotencyEntry
                {
                    Key = idempotencyKey,
                    Command = command,
                    ResultJson = JsonSerializer.Serialize(result),
                    CreatedAt = clock.GetUtcNow(),
                });
            }
            if (audit)
            {
                AuditWriter.Record(db, caller, command, clock.GetUtcNow());
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            aggregates.ForEach(a => a.ClearDomainEvents());
            return (result, events);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict("Someone else changed this at the same moment. Look at it again and retry.");
        }
    }
}
