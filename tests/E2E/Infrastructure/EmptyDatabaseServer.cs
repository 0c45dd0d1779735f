using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.E2E.Infrastructure;

/// <summary>
/// The app as a new clinic installs it: an empty database, no demo data, the first-run values of
/// appsettings.json. It opens on the setup wizard.
/// </summary>
public sealed class EmptyDatabaseServer : AppServer
{
    public EmptyDatabaseServer()
    {
        DemoData = false;
    }

    /// <summary>
    /// Writes a provider who works <paramref name="from"/>-<paramref name="to"/> every day straight
    /// into the database of the running app (there is no provider editor on screen yet).
    /// </summary>
    public async Task AddProviderAsync(string name, TimeOnly from, TimeOnly to)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Dashboard"] = ConnectionString })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDashboardDatabase(configuration);
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var everyDay = Enum.GetValues<DayOfWeek>().Select(d => new WorkingShift(d, from, to)).ToList();
            db.Providers.Add(new Provider(ProviderId.New(), name, [], everyDay));
            await db.SaveChangesAsync();
        }
        SqliteConnection.ClearAllPools();
    }
}
