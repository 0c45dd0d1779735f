namespace FrontDesk.Dashboard.Live;

/// <summary>
/// What the benchmarks (benchmarks/, docs/benchmarks.md) need from a running app: the bare
/// control page (/diagnostics/bare-control), the server's memory after a full GC
/// (/diagnostics/memory), and the JIT's and GC's work so far (/diagnostics/runtime). Only in
/// Development, or where Diagnostics:Enabled is set; never in a clinic's Production by default.
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
        // The runtime's own work so far, read without disturbing it (no collection): a benchmark
        // reads it before and after a row to show how much of the row went to the JIT and to GC
        // pauses, i.e. whether it measured a warmed-up server.
        app.MapGet("/diagnostics/runtime", () => Results.Ok(new
        {
            jitCompiledMethods = System.Runtime.JitInfo.GetCompiledMethodCount(),
            jitMilliseconds = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,
            gcPauseMilliseconds = GC.GetTotalPauseDuration().TotalMilliseconds,
            gcCollections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) },
        })).ExcludeFromDescription();
        return app;
    }
}
