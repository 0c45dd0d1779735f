using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Live;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FrontDesk.Tests.Unit.Support;

/// <summary>
/// A real SQLite file in its own temp directory, wired the way the app wires it
/// (<see cref="DatabaseSetup.AddDashboardDatabase"/>), with the application services on top.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SqliteDatabase(string directory, FakeTimeProvider clock)
    {
        Directory = directory;
        FilePath = Path.Combine(directory, "dashboard.db");
        ConnectionString = $"Data Source={FilePath}";
        Clock = clock;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Dashboard"] = ConnectionString,
                ["Business:TimeZone"] = "Europe/London",
                ["Business:Currency"] = "GBP",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(Feed);
        services.AddSingleton<ILiveFeed>(Feed);
        services.AddFrontDesk(configuration);
        _services = services.BuildServiceProvider();
    }

    public string Directory { get; }
    public string FilePath { get; }
    public string ConnectionString { get; }
    public FakeTimeProvider Clock { get; }
    public RecordingLiveFeed Feed { get; } = new();
    public IServiceProvider Services => _services;

    public AppointmentService Appointments => _services.GetRequiredService<AppointmentService>();
    public CalendarQueries Calendar => _services.GetRequiredService<CalendarQueries>();
    public ClientService Clients => _services.GetRequiredService<ClientService>();

    /// <summary>An empty, migrated database file.</summary>
    public static async Task<SqliteDatabase> CreateAsync(DateTimeOffset? now = null, bool migrate = true)
    {
        var directory = Path.Combine(Path.GetTempPath(), "frontdesk-unit", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var db = new SqliteDatabase(directory, new FakeTimeProvider(now ?? A.Now));
        if (migrate)
        {
            await DatabaseSetup.MigrateAsync(db.Services);
        }
        return db;
    }

    public DashboardDbContext NewContext() =>
        _services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext();

    public async Task<T> QueryAsync<T>(Func<DashboardDbContext, Task<T>> query)
    {
        await using var db = NewContext();
        return await query(db);
    }

    public Task<int> CountAppointmentsAsync() => QueryAsync(db => db.Appointments.CountAsync());

    public Task<int> CountClientsAsync() => QueryAsync(db => db.Clients.CountAsync());

    public Task<int> CountInvoicesAsync() => QueryAsync(db => db.Invoices.CountAsync());

    /// <summary>Adds aggregates made through their domain constructors, in one save.</summary>
    public async Task AddAsync(params object[] entities)
    {
        await using var db = NewContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a pooled handle may linger on a busy machine; the temp folder is cleaned later
        }
    }
}

/// <summary>A small clinic seeded through the domain constructors.</summary>
public sealed class Clinic
{
    public static readonly ResourceId LaserMachine = ResourceId.New();

    public Clinic()
    {
        Massage = A.Service("Swedish massage", 60, 60m);
        Laser = A.Service("Laser hair removal", 45, 90m, LaserMachine);
        AllDay = new Provider(ProviderId.New(), "Alex Allday", [Massage.Id, Laser.Id], A.EveryDay(new TimeOnly(0, 0), new TimeOnly(23, 59)));
        Weekdays = A.Provider("Wendy Weekday", null, Massage, Laser);
        Olivia = Client.Register(ClientId.New(), "Olivia Smith", "07700 900123", "olivia.smith@example.com", null, A.Now, A.Desk);
        Noah = Client.Register(ClientId.New(), "Noah Patel", "07911 222333", null, null, A.Now, A.Desk);
        Amelia = Client.Register(ClientId.New(), "Amelia Smith-Jones", "+44 20 7946 0958", null, null, A.Now, A.Desk);
    }

    public Service Massage { get; }
    public Service Laser { get; }
    public Provider AllDay { get; }
    public Provider Weekdays { get; }
    public Client Olivia { get; }
    public Client Noah { get; }
    public Client Amelia { get; }

    public Task SeedAsync(SqliteDatabase db) =>
        db.AddAsync(new Resource(LaserMachine, "Laser machine"), Massage, Laser, AllDay, Weekdays, Olivia, Noah, Amelia);
}
