using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Security.Claims;
using FrontDesk.Dashboard.Live;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FrontDesk.Dashboard.Operations;

/// <summary>
/// The front desk's own meter, "FrontDesk": what the clinic did (bookings, redemptions, sales,
/// counted from the live feed, so only committed changes and never a replay) and how the
/// server copes (the live feed's queue depth and drops, open circuits per role, the writer's
/// queue and commits).
/// </summary>
public sealed class FrontDeskMetrics : IDisposable
{
    public const string MeterName = "FrontDesk";

    private readonly Counter<long> _bookings;
    private readonly Counter<long> _redemptions;
    private readonly Counter<long> _sales;
    private readonly ConcurrentDictionary<string, int> _circuits = new(StringComparer.Ordinal);
    private readonly IDisposable _subscription;

    public FrontDeskMetrics(IMeterFactory meters, ILiveFeed feed, Data.UnitOfWork writes)
    {
        Meter = meters.Create(MeterName);
        _bookings = Meter.CreateCounter<long>("frontdesk.bookings", "{appointment}", "Appointments booked");
        _redemptions = Meter.CreateCounter<long>("frontdesk.redemptions", "{session}", "Package sessions redeemed");
        _sales = Meter.CreateCounter<long>("frontdesk.sales", "{sale}", "Sales: check-outs and packages sold");
        if (feed is ILiveFeedStatus status)
        {
            Meter.CreateObservableGauge("frontdesk.live_feed.queue_depth", () => status.QueueDepth, "{event}", "Events waiting in live subscribers' queues");
            Meter.CreateObservableCounter("frontdesk.live_feed.dropped", () => status.Dropped, "{event}", "Events dropped because a screen fell behind (it resyncs)");
            Meter.CreateObservableGauge("frontdesk.live_feed.subscribers", () => status.SubscriberCount, "{subscriber}", "Live feed subscribers");
        }
        // On SQLite: how many commands wait for the one writer, and how many transactions it has
        // committed (bookings + other commands per commit = the group commit's batch size).
        Meter.CreateObservableGauge("frontdesk.writes.queued", () => writes.Queued, "{command}", "Commands waiting for the SQLite writer");
        Meter.CreateObservableCounter("frontdesk.writes.commits", () => writes.Commits, "{transaction}", "SQLite write transactions committed, each with one or more commands");
        Meter.CreateObservableGauge("frontdesk.circuits.open", OpenCircuits, "{circuit}", "Open screens (Blazor circuits) by the signed-in role");
        _subscription = feed.Subscribe(OnBatch);
    }

    public Meter Meter { get; }

    internal void CircuitOpened(string role) => _circuits.AddOrUpdate(role, 1, (_, n) => n + 1);

    internal void CircuitClosed(string role) => _circuits.AddOrUpdate(role, 0, (_, n) => Math.Max(0, n - 1));

    private IEnumerable<Measurement<int>> OpenCircuits() =>
        _circuits.Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>("role", c.Key)));

    private Task OnBatch(IReadOnlyList<LiveEvent> batch)
    {
        foreach (var e in batch)
        {
            switch (e)
            {
                case AppointmentChanged { Change: AppointmentChange.Booked }:
                    _bookings.Add(1);
                    break;
                case AppointmentChanged { Change: AppointmentChange.CheckedOut }:
                    _sales.Add(1, new KeyValuePair<string, object?>("kind", "check-out"));
                    break;
                case PackageRecordChangedLive { Change: Domain.Packages.LedgerKind.Redeem }:
                    _redemptions.Add(1);
                    break;
                case PackageRecordChangedLive { Change: Domain.Packages.LedgerKind.Purchase }:
                    _sales.Add(1, new KeyValuePair<string, object?>("kind", "package"));
                    break;
            }
        }
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription.Dispose();
        Meter.Dispose();
    }
}

/// <summary>Counts open circuits by the role of whoever signed in on them.</summary>
public sealed class CircuitMetrics(FrontDeskMetrics metrics, AuthenticationStateProvider authentication) : CircuitHandler
{
    private string? _role;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        string role;
        try
        {
            var state = await authentication.GetAuthenticationStateAsync();
            role = state.User.FindFirst(ClaimTypes.Role)?.Value ?? (state.User.Identity?.IsAuthenticated == true ? "Staff" : "Anonymous");
        }
        catch (InvalidOperationException)
        {
            role = "Unknown";
        }
        _role = role;
        metrics.CircuitOpened(role);
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _role, null) is { } role)
        {
            metrics.CircuitClosed(role);
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// OpenTelemetry traces and metrics (ASP.NET Core, EF Core, the FrontDesk meter). They are
/// exported over OTLP only when an endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT or
/// Telemetry:OtlpEndpoint); otherwise nothing is collected for export and nothing is sent.
/// </summary>
public static class Telemetry
{
    public const string OtlpEndpointKey = "Telemetry:OtlpEndpoint";
    public const string OtlpEnvironmentKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The configured OTLP endpoint, or null: then nothing is exported.</summary>
    public static Uri? OtlpEndpoint(IConfiguration configuration)
    {
        var value = configuration[OtlpEndpointKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            // The host's configuration includes the environment variables.
            value = configuration[OtlpEnvironmentKey];
        }
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;
    }

    public static IServiceCollection AddFrontDeskTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<FrontDeskMetrics>();
        services.AddScoped<CircuitHandler, CircuitMetrics>();
        // Started with the host, so the counters see every change from the first one.
        services.AddHostedService<MetricsStarter>();

        if (OtlpEndpoint(configuration) is not { } endpoint)
        {
            return services;
        }
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("FrontDesk.Dashboard"))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = endpoint))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter(FrontDeskMetrics.MeterName)
                .AddOtlpExporter(o => o.Endpoint = endpoint));
        return services;
    }

    private sealed class MetricsStarter(FrontDeskMetrics metrics) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(metrics);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>
/// Every log line written while a request runs names who (the signed-in staff member, or the API
/// caller) and which command (the endpoint, e.g. "HTTP: POST /api/v1/appointments/{id:guid}/check-out").
/// </summary>
public static class ActorLogScope
{
    public static IApplicationBuilder UseActorLogScope(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("FrontDesk.Commands");
        var actor = context.User.Identity?.IsAuthenticated == true
            ? context.User.Identity.Name ?? "staff"
            : context.Request.Path.StartsWithSegments("/api") ? "api" : "anonymous";
        var command = context.GetEndpoint()?.DisplayName ?? $"{context.Request.Method} {context.Request.Path}";
        using (logger.BeginScope(new Dictionary<string, object> { ["Actor"] = actor, ["Command"] = command }))
        {
            await next(context);
        }
    });
}
