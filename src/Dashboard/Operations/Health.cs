using System.Text.Json;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Live;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FrontDesk.Dashboard.Operations;

/// <summary>
/// <c>/health/live</c>: the process is up and answers (no checks). <c>/health/ready</c>: the
/// database file can be read, every migration is applied and the live feed delivers; 503 when
/// any of them fails, so a load balancer or a supervisor stops sending desks here. Both are
/// anonymous and answer JSON with each check's status.
/// </summary>
public static class Health
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string Ready = "ready";

    public static IServiceCollection AddFrontDeskHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<DashboardDbContext>("database", HealthStatus.Unhealthy, [Ready],
                // Reads the file's schema: a missing, locked or corrupt file fails here, not later.
                customTestQuery: async (db, ct) => await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_master").SingleAsync(ct) >= 0)
            .AddCheck<MigrationsCheck>("migrations", HealthStatus.Unhealthy, [Ready])
            .AddCheck<LiveFeedCheck>("live-feed", HealthStatus.Unhealthy, [Ready]);
        return services;
    }

    public static WebApplication MapFrontDeskHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            totalMilliseconds = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
                milliseconds = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }

    /// <summary>Healthy when the database has no migration this build knows and has not applied.</summary>
    private sealed class MigrationsCheck(IDbContextFactory<DashboardDbContext> contexts) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                return pending.Count == 0
                    ? HealthCheckResult.Healthy("Every migration is applied.")
                    : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}.");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("The migrations history could not be read: " + ex.Message);
            }
        }
    }

    /// <summary>Healthy while the live feed delivers (not once the server has begun shutting down).</summary>
    private sealed class LiveFeedCheck(ILiveFeed feed) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (feed is not ILiveFeedStatus status)
            {
                return Task.FromResult(HealthCheckResult.Healthy($"{feed.GetType().Name} reports no status."));
            }
            var data = new Dictionary<string, object>
            {
                ["subscribers"] = status.SubscriberCount,
                ["queueDepth"] = status.QueueDepth,
                ["dropped"] = status.Dropped,
            };
            return Task.FromResult(status.IsRunning
                ? HealthCheckResult.Healthy($"Running: {status.SubscriberCount} subscribers, {status.QueueDepth} events queued.", data)
                : HealthCheckResult.Unhealthy("The live feed is stopping: the server is shutting down.", data: data));
        }
    }
}
