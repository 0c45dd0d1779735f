using FrontDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Data;

/// <summary>
/// Runs one command: a fresh context, one transaction (on SQLite "BEGIN IMMEDIATE", so the
/// reads that a rule depends on and the write that follows cannot interleave with another
/// desk's), then hands back the domain events of the aggregates it saved, for announcing
/// after the commit.
/// </summary>
public sealed class UnitOfWork(IDbContextFactory<DashboardDbContext> contexts)
{
    public async Task<(T Result, IReadOnlyList<DomainEvent> Events)> RunAsync<T>(Func<DashboardDbContext, Task<T>> work, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await work(db);
            var aggregates = db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).ToList();
            var events = aggregates.SelectMany(a => a.DomainEvents).OrderBy(e => e.OccurredAt).ToList();
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
