using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.E2E.Infrastructure;

/// <summary>
/// The app with a small, fixed clinic instead of the random demo data: two providers who work
/// every day 08:00-20:00 (so any day the tests run is a working day) and two services that
/// need no room or machine. The API has no way to create providers or services, so they are
/// written into the database, through the domain's constructors and the app's own migration,
/// before the server first starts. Clients and appointments are then made through the HTTP
/// API by each test. <see cref="AllDayClinicServer"/> is the same clinic open around the clock,
/// for tests that must book relative to the time they run.
/// </summary>
public class ClinicServer : AppServer
{
    public const string Currency = "GBP";

    public static readonly TimeOnly Opens = new(8, 0);

    /// <summary>
    /// The business's time zone: a fixed-offset zone in which it is about midday when the test
    /// run starts, so that "today", "an hour from now" and "a quarter of an hour ago" fall on
    /// the same business day whenever CI runs (a London clinic at 23:30 would not).
    /// </summary>
    public static readonly TimeZoneInfo Zone = MiddayZone(DateTimeOffset.UtcNow);

    protected override string? BusinessTimeZone => Zone.Id;

    /// <summary>"Etc/GMT-N" is UTC+N (the sign is inverted in these IANA names); offsets -11..+12 all exist.</summary>
    public static TimeZoneInfo MiddayZone(DateTimeOffset utcNow)
    {
        var offset = 12 - utcNow.UtcDateTime.Hour;
        var id = offset switch
        {
            0 => "Etc/GMT",
            > 0 => $"Etc/GMT-{offset}",
            _ => $"Etc/GMT+{-offset}",
        };
        return TimeZoneInfo.FindSystemTimeZoneById(id);
    }

    public static readonly ClinicProvider Tess = new(Guid.Parse("0190f000-0000-7000-8000-00000000a001"), "Tess Tran");
    public static readonly ClinicProvider Uma = new(Guid.Parse("0190f000-0000-7000-8000-00000000a002"), "Uma Ueda");

    public static readonly ClinicService Massage = new(Guid.Parse("0190f000-0000-7000-8000-00000000b001"), "E2E massage", 60, 60m);
    public static readonly ClinicService Facial = new(Guid.Parse("0190f000-0000-7000-8000-00000000b002"), "E2E facial", 30, 35m);

    /// <summary>The business's date today (see Zone), which the calendar opens on.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Zone).DateTime);

    /// <summary>A wall-clock time today in the business's zone, as an instant.</summary>
    public static DateTimeOffset TodayAt(TimeOnly time)
    {
        var local = Today.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public FrontDeskApi Api => new(CreateClient());

    /// <summary>When the providers' shift starts, every day: also the first row of the calendar's day view.</summary>
    public virtual TimeOnly ShiftStart => Opens;

    /// <summary>When the providers' shift ends, every day.</summary>
    public virtual TimeOnly ShiftEnd => new(20, 0);

    protected override async Task BeforeFirstStartAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Dashboard"] = ConnectionString })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDashboardDatabase(configuration);
        await using (var provider = services.BuildServiceProvider())
        {
            await DatabaseSetup.MigrateAsync(provider);
            var factory = provider.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            var catalog = new[] { Massage, Facial }
                .Select(s => new Service(new ServiceId(s.Id), s.Name, TimeSpan.FromMinutes(s.Minutes), new Money(s.Price, Currency), "Testing"))
                .ToList();
            db.Services.AddRange(catalog);
            var everyDay = Enum.GetValues<DayOfWeek>().Select(d => new WorkingShift(d, ShiftStart, ShiftEnd)).ToList();
            db.Providers.AddRange(
                new Provider(new ProviderId(Tess.Id), Tess.Name, catalog.Select(s => s.Id), everyDay),
                new Provider(new ProviderId(Uma.Id), Uma.Name, catalog.Select(s => s.Id), everyDay));
            await db.SaveChangesAsync();
        }
        SqliteConnection.ClearAllPools(); // let go of the file before the app opens it
    }
}

/// <summary>
/// The fixed clinic with providers working 00:00-23:59 every day, so a test can book "an hour
/// from now" or "a quarter of an hour ago" whenever it runs (the calendar then starts at 00:00).
/// </summary>
public sealed class AllDayClinicServer : ClinicServer
{
    public override TimeOnly ShiftStart => TimeOnly.MinValue;

    public override TimeOnly ShiftEnd => new(23, 59);

    /// <summary>The business's wall-clock time now (see Zone).</summary>
    public static TimeOnly Now => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Zone).DateTime);
}

public sealed record ClinicProvider(Guid Id, string Name);

public sealed record ClinicService(Guid Id, string Name, int Minutes, decimal Price)
{
    /// <summary>How the booking drawer lists the service.</summary>
    public string Label => $"{Name} · {Minutes} min · {Price:0.00} {ClinicServer.Currency}";
}
