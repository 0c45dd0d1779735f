using FrontDesk.Dashboard.Live;

namespace FrontDesk.Dashboard.Operations;

/// <summary>Shutdown settings: section "Shutdown".</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>How long requests in flight (commands) get to finish once the server begins to stop.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long open screens get to show the "server restarting" notice before connections close.</summary>
    public TimeSpan NoticeDelay { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// The notices the server gives every open screen (one subscription to the live feed, shared):
/// MainLayout listens and shows "server restarting" as a snackbar before the reconnection UI.
/// </summary>
public sealed class ServerNotices : IDisposable
{
    private readonly IDisposable _subscription;

    public ServerNotices(ILiveFeed feed) => _subscription = feed.Subscribe(OnBatch);

    /// <summary>Raised (on the feed's thread) when the server announces that it is restarting.</summary>
    public event Action<ServerRestarting>? Restarting;

    private Task OnBatch(IReadOnlyList<LiveEvent> batch)
    {
        if (batch.OfType<ServerRestarting>().LastOrDefault() is { } notice)
        {
            Restarting?.Invoke(notice);
        }
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription.Dispose();
}

/// <summary>
/// When the host begins to stop (StoppingAsync runs before any hosted service, the web server
/// included, is stopped): announces the restart on the live feed (the ready check turns 503 at
/// once) and gives screens <see cref="ShutdownOptions.NoticeDelay"/> to show it; then the web
/// server stops taking requests and drains those in flight within HostOptions.ShutdownTimeout.
/// </summary>
public sealed class GracefulShutdown(ILiveFeed feed, ServerNotices notices, ShutdownOptions options, TimeProvider clock, ILogger<GracefulShutdown> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(notices);
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Shutting down: telling {Count} live subscribers, then draining requests in flight", feed.SubscriberCount);
        (feed as ILiveFeedStatus)?.MarkStopping();
        feed.Publish([new ServerRestarting(clock.GetUtcNow())]);
        if (options.NoticeDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(options.NoticeDelay, clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // the host's shutdown timeout ran out first
            }
        }
    }
}

public static class GracefulShutdownSetup
{
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ShutdownOptions.Section).Get<ShutdownOptions>() ?? new ShutdownOptions();
        services.AddSingleton(options);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.Timeout);
        // ServerNotices is part of AddFrontDesk: every layout listens to it.
        services.AddHostedService<GracefulShutdown>();
        return services;
    }
}
