namespace FrontDesk.Dashboard.Packages;

/// <summary>Lapses expired balances soon after start and then every hour, so history shows when they expired.</summary>
public sealed class PackageExpiryJob(PackageService packages, TimeProvider time, ILogger<PackageExpiryJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                var expired = await packages.ExpireDueAsync(stoppingToken);
                if (expired > 0)
                {
                    logger.LogInformation("Expired the free balance of {Count} package records", expired);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Expiring package records failed; will retry in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
