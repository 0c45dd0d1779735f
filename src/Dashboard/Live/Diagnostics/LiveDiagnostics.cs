namespace FrontDesk.Dashboard.Live;

/// <summary>
/// What the fan-out benchmark (benchmarks/, docs/benchmarks.md) needs from a running app: the
/// bare control page (/diagnostics/bare-control) and the server's memory after a full GC
/// (/diagnostics/memory). Only in Development, or where Diagnostics:Enabled is set; never in a
/// clinic's Production by default.
/// </summary>
public static class LiveDiagnostics
{
    public static bool IsEnabled(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment() || configuration.GetValue<bool>("Diagnostics:Enabled");

    public static WebApplication MapLiveDiagnostics(this WebApplication app)
    {
        if (!IsEnabled(app.Environment, app.Configuration))
        {
            return app;
        }
        app.MapGet("/diagnostics/memory", (ILiveFeed feed) =>
        {
            // Two full, compacting collections so that what is left is what circuits hold.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            return Results.Ok(new
            {
                managedBytes = GC.GetTotalMemory(forceFullCollection: false),
                workingSetBytes = process.WorkingSet64,
                liveSubscribers = feed.SubscriberCount,
            });
        }).ExcludeFromDescription();
        return app;
    }
}
