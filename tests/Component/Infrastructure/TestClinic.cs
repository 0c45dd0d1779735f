using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Store.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Infrastructure;

/// <summary>What <see cref="TestClinic.PrepareAsync"/> seeded.</summary>
public sealed record SeededClinic(
    Guid ProviderId,
    string ProviderName,
    Guid MassageId,
    string MassageName,
    decimal MassagePrice,
    Guid PhysioId,
    Guid JaneId,
    Guid JohnId,
    Guid MariaId);

/// <summary>
/// A real clinic database (a SQLite file in a temp directory) with the services registered as
/// Program.cs registers them: one provider who works all day every day, two services, three clients.
/// </summary>
public sealed class TestClinic : IDisposable
{
    public const string Currency = "GBP";
    public const string TimeZoneId = "Europe/London";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "frontdesk-component-" + Guid.NewGuid().ToString("N"));

    public string ConnectionString => $"Data Source={Path.Combine(_directory, "dashboard.db")}";

    /// <summary>The clinic's services; <paramref name="feed"/> replaces the in-memory live feed when given.</summary>
    public void AddServices(IServiceCollection services, ILiveFeed? feed = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Dashboard"] = ConnectionString,
                ["Business:TimeZone"] = TimeZoneId,
                ["Business:Currency"] = Currency,
                ["Business:OpensAt"] = "08:00",
                ["Business:ClosesAt"] = "20:00",
            })
            .Build();
        services.AddLogging();
        if (feed is not null)
        {
            services.AddSingleton(feed);
        }
        services.AddFrontDesk(configuration);
    }

    /// <summary>Migrates the database and seeds the clinic through the domain's own constructors.</summary>
    public async Task<SeededClinic> PrepareAsync(IServiceProvider services)
    {
        await DatabaseSetup.MigrateAsync(services);
        var now = TimeProvider.System.GetUtcNow();
        var massage = new Service(ServiceId.New(), "Swedish massage 60", TimeSpan.FromMinutes(60), new Money(60m, Currency), "Massage");
        var physio = new Service(ServiceId.New(), "Physio follow-up", TimeSpan.FromMinutes(30), new Money(45m, Currency), "Physiotherapy");
        var allDay = Enum.GetValues<DayOfWeek>().Select(d => new WorkingShift(d, TimeOnly.MinValue, TimeOnly.MaxValue));
        var provider = new Provider(ProviderId.New(), "Alex Morgan", [massage.Id, physio.Id], allDay);
        var jane = Client.Register(ClientId.New(), "Jane Cooper", "07700 900123", "jane@example.com", null, now, Actor.System);
        var john = Client.Register(ClientId.New(), "John Smith", "07700 900456", null, null, now, Actor.System);
        var maria = Client.Register(ClientId.New(), "Maria Garcia", "07700 900789", null, null, now, Actor.System);

        var factory = services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        db.Services.AddRange(massage, physio);
        db.Providers.Add(provider);
        db.Clients.AddRange(jane, john, maria);
        await db.SaveChangesAsync();
        // The tests book tomorrow, so that they pass at any hour of the real clock; the desk may
        // check those in because check-in opens two days before the start here (a business setting).
        await services.GetRequiredService<FrontDesk.Dashboard.Packages.SettingsService>()
            .SaveAsync(FrontDesk.Dashboard.Packages.AttendanceSettings.Default with { CheckInHoursBefore = 48 }, TestCallers.Manager(FrontDesk.Domain.Common.Actor.System));
        return new SeededClinic(provider.Id.Value, provider.Name, massage.Id.Value, massage.Name, massage.Price.Amount, physio.Id.Value, jane.Id.Value, john.Id.Value, maria.Id.Value);
    }

    /// <summary>Tomorrow at <paramref name="hour"/>:00 on the clinic's wall clock.</summary>
    public static DateTime TomorrowAt(int hour)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        var today = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), zone).Date;
        return DateTime.SpecifyKind(today.AddDays(1).AddHours(hour), DateTimeKind.Unspecified);
    }

    /// <summary>A fresh context on the clinic's database, for checking what was really saved.</summary>
    public DashboardDbContext OpenDatabase(IServiceProvider services) =>
        services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp directory is cleaned by the OS later.
        }
    }
}
