using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FrontDesk.Benchmarks;

/// <summary>A real SQLite file in a temp folder, migrated, with the app's own services.</summary>
internal sealed class BenchDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "frontdesk-bench-" + Guid.NewGuid().ToString("N"));

    public BenchDatabase()
    {
        Directory.CreateDirectory(_folder);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Dashboard"] = $"Data Source={Path.Combine(_folder, "bench.db")}",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFrontDesk(configuration);
        Services = services.BuildServiceProvider();
        DatabaseSetup.MigrateAsync(Services).GetAwaiter().GetResult();
    }

    public ServiceProvider Services { get; }

    public DashboardDbContext NewContext() => Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext();

    public void Dispose()
    {
        Services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
