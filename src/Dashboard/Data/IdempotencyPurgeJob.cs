using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FrontDesk.Dashboard.Data;

/// <summary>Deletes idempotency keys older than <see cref="IdempotencyOptions.Retention"/>, at start and then every <see cref="IdempotencyOptions.PurgeInterval"/>.</summary>
public sealed class IdempotencyPurgeJob(IDbContextFactory<DashboardDbContext> contexts, IOptions<IdempotencyOptions> options, TimeProvider clock, ILogger<IdempotencyPurgeJob> logger) : BackgroundService
{
    /// <summary>Deletes the expired keys now; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow() - options.Value.Retention;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.IdempotencyEntries.Where(e => e.CreatedAt <= cutoff).ExecuteDeleteAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, clock);
        do
        {
            try
            {
                var purged = await PurgeAsync(stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Purged {Count} expired idempotency keys", purged);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Purging expired idempotency keys failed; will retry at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
