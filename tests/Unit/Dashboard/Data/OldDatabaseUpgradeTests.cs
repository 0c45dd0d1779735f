using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FrontDesk.Dashboard.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FrontDesk.Tests.Unit.Dashboard.Data;

/// <summary>
/// A database that the hand-written initial migration created, with the demo data in it
/// (Fixtures/hand-written-initial-demo.sql), is opened by today's app: it must start on it,
/// keep every row (the columns a later migration adds come with their defaults), apply only the
/// migrations generated since, and work as usual.
/// </summary>
public sealed class OldDatabaseUpgradeTests : IAsyncLifetime
{
    private const string HandWrittenInitial = "20261122080000_Initial";

    // Rows of the fixture: the demo clinic's Amira Haddad (Mon-Sat 09:00-17:00), her first service,
    // client Mateo Wilson and one of her demo appointments.
    private static readonly Guid Amira = Guid.Parse("01A2294A-5E61-760B-8E1C-BD8CF00FFD0B");
    private static readonly Guid AmirasService = Guid.Parse("01a2294a-5df7-7f24-92c4-37cbb9a70cfd");
    private static readonly Guid Mateo = Guid.Parse("01A2294A-5E9E-7EC1-B818-E7D7467F56E5");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "frontdesk-unit", "upgrade-" + Guid.NewGuid().ToString("N"));
    private string _connectionString = "";
    private List<string> _rowsBefore = [];
    private Dictionary<string, HashSet<string>> _columnsBefore = [];

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var file = Path.Combine(_directory, "dashboard.db");
        _connectionString = $"Data Source={file}";
        var dump = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Dashboard", "Data", "Fixtures", "hand-written-initial-demo.sql"));
        SqliteSchema.Execute(_connectionString, dump);
        _columnsBefore = SqliteSchema.Columns(_connectionString);
        _rowsBefore = SqliteSchema.AllRows(_connectionString, _columnsBefore);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Start_DatabaseFromHandWrittenInitial_KeepsEveryRowUnchanged()
    {
        Assert.Contains(_rowsBefore, r => r.StartsWith("Appointments: ", StringComparison.Ordinal));

        await using (var app = Start())
        {
            _ = app.Services;
        }

        var after = SqliteSchema.AllRows(_connectionString, _columnsBefore);
        Assert.True(_rowsBefore.Count > 1000, $"The fixture should hold the demo clinic, found {_rowsBefore.Count} rows.");
        var lost = _rowsBefore.Except(after).ToList();
        // The one thing a start adds: the business settings seeded from appsettings (the database
        // wins from then on) and the mark that this clinic is set up (it has data: no wizard).
        var added = after.Except(_rowsBefore).Where(r => !IsFirstStartSetting(r)).ToList();
        Assert.True(lost.Count == 0 && added.Count == 0,
            $"Lost {lost.Count} rows, e.g.\n{string.Join("\n", lost.Take(5))}\nAdded {added.Count} rows, e.g.\n{string.Join("\n", added.Take(5))}");
    }

    private static bool IsFirstStartSetting(string row) =>
        row.StartsWith("Settings: Key=Business.", StringComparison.Ordinal) || row.StartsWith("Settings: Key=Setup.", StringComparison.Ordinal);

    [Fact]
    public async Task Start_DatabaseFromHandWrittenInitial_CountsAsSetUpAndSeedsTheBusinessSettings()
    {
        await using (var app = Start())
        {
            Assert.True(app.Services.GetRequiredService<FrontDesk.Dashboard.Business.BusinessProfileStore>().SetupDone);
        }

        var seeded = SqliteSchema.AllRows(_connectionString, _columnsBefore).Except(_rowsBefore).Where(IsFirstStartSetting).ToList();
        Assert.Contains("Settings: Key=Business.TimeZone, Value=Europe/London", seeded);
        Assert.Contains(seeded, r => r.StartsWith("Settings: Key=Setup.CompletedAt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_DatabaseFromHandWrittenInitial_AppliesOnlyLaterMigrationsAndMatchesTheModel()
    {
        await using var app = Start();
        await using var context = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();

        var all = context.Database.GetMigrations().ToList();
        Assert.Equal(HandWrittenInitial, all[0]);
        Assert.Equal(all, await context.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        var modelFile = Path.Combine(_directory, "model.db");
        await using (var created = new DashboardDbContext(new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite($"Data Source={modelFile}").Options))
        {
            await created.Database.EnsureCreatedAsync();
        }
        Assert.Equal(SqliteSchema.Describe($"Data Source={modelFile}"), SqliteSchema.Describe(_connectionString));
    }

    [Fact]
    public async Task Start_DatabaseFromHandWrittenInitial_LoadsEveryStoredAggregate()
    {
        await using var app = Start();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();

        Assert.Equal(200, (await db.Clients.ToListAsync()).Count);
        Assert.Equal(421, (await db.Appointments.ToListAsync()).Count);
        Assert.Equal(218, (await db.Invoices.ToListAsync()).Count);
        Assert.Equal(30, (await db.PackageRecords.ToListAsync()).Count);
        Assert.Equal(5, (await db.PackageTemplates.ToListAsync()).Count);
        Assert.Equal(6, (await db.Providers.ToListAsync()).Count);
        Assert.Equal(30, (await db.Services.ToListAsync()).Count);
        Assert.Equal(4, (await db.Resources.ToListAsync()).Count);
    }

    [Fact]
    public async Task Start_DatabaseFromBeforeIsSpent_MarksTheUsedUpRecordsSpentAndNoOthers()
    {
        // Before the column existed: which records are used up (nothing available or held; no unlimited ones here).
        var usedUp = SqliteSchema.Scalar(_connectionString,
            "SELECT group_concat(Id) FROM (SELECT Id FROM PackageRecords WHERE ValueType <> 'Unlimited' AND CAST(Available AS REAL) = 0 AND CAST(Held AS REAL) = 0 ORDER BY Id)");
        Assert.Single(Convert.ToString(usedUp, System.Globalization.CultureInfo.InvariantCulture)!.Split(','));

        await using (var app = Start())
        {
            _ = app.Services;
        }

        var spent = SqliteSchema.Scalar(_connectionString, "SELECT group_concat(Id) FROM (SELECT Id FROM PackageRecords WHERE IsSpent = 1 ORDER BY Id)");
        Assert.Equal(usedUp, spent);
    }

    [Fact]
    public async Task SpentRecordsBackfill_RunAgainAfterUpgrade_FindsNothingToChange()
    {
        await using var app = Start();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var before = SqliteSchema.AllRows(_connectionString, SqliteSchema.Columns(_connectionString));

        var marked = await FrontDesk.Dashboard.Packages.SpentRecordsBackfill.RunAsync(db);

        Assert.Equal(0, marked);
        Assert.Equal(before, SqliteSchema.AllRows(_connectionString, SqliteSchema.Columns(_connectionString)));
    }

    [Fact]
    public async Task BookThroughApi_AfterUpgrade_StoresTheBookingBesideTheOldRows()
    {
        await using var app = Start();
        using var http = app.CreateClient();

        var response = await http.PostAsJsonAsync("/api/v1/appointments", new
        {
            clientId = Mateo,
            serviceId = AmirasService,
            providerId = Amira,
            start = "2026-12-14T11:00:00+00:00",
            note = "booked after the upgrade",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booked = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = booked.GetProperty("id").GetGuid();
        var read = await http.GetFromJsonAsync<JsonElement>($"/api/v1/appointments/{id}");
        Assert.Equal("booked after the upgrade", read.GetProperty("note").GetString());
        Assert.Equal(421 + 1, Convert.ToInt32(SqliteSchema.Scalar(_connectionString, "SELECT COUNT(*) FROM Appointments"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(_rowsBefore.Except(SqliteSchema.AllRows(_connectionString, _columnsBefore)));
    }

    [Fact]
    public async Task GetSchedule_AfterUpgrade_OldShiftsAreTheWeeklyHoursWithNoBreaks()
    {
        await using var app = Start();
        using var http = app.CreateClient();

        var schedule = await http.GetFromJsonAsync<JsonElement>($"/api/v1/providers/{Amira}/schedule");

        var weekly = schedule.GetProperty("weekly").EnumerateArray().Select(w => $"{w.GetProperty("weekday").GetString()} {w.GetProperty("start").GetString()}-{w.GetProperty("end").GetString()} {w.GetProperty("breaks").GetArrayLength()}").ToList();
        Assert.Equal(["Monday 09:00-17:00 0", "Tuesday 09:00-17:00 0", "Wednesday 09:00-17:00 0", "Thursday 09:00-17:00 0", "Friday 09:00-17:00 0", "Saturday 09:00-17:00 0"], weekly);
        Assert.Equal(0, schedule.GetProperty("exceptions").GetArrayLength());
    }

    [Fact]
    public async Task GetCatalog_AfterUpgrade_OldServicesProvidersAndRoomsAreActiveWithDefaults()
    {
        await using var app = Start();
        using var http = app.CreateClient();

        var service = await http.GetFromJsonAsync<JsonElement>($"/api/v1/services/{AmirasService}");
        var provider = await http.GetFromJsonAsync<JsonElement>($"/api/v1/providers/{Amira}");
        var resources = await http.GetFromJsonAsync<JsonElement>("/api/v1/resources");

        Assert.Equal((true, true, 0), (service.GetProperty("active").GetBoolean(), service.GetProperty("bookableOnline").GetBoolean(), service.GetProperty("bufferMinutes").GetInt32()));
        Assert.Contains(Amira, service.GetProperty("providerIds").EnumerateArray().Select(p => p.GetGuid()));
        Assert.True(provider.GetProperty("active").GetBoolean());
        Assert.All(resources.EnumerateArray(), r => Assert.Equal(("Room", true), (r.GetProperty("kind").GetString(), r.GetProperty("active").GetBoolean())));
    }

    [Fact]
    public async Task BookThroughApi_AfterUpgradeOutsideTheOldShift_RefusedAsBefore()
    {
        await using var app = Start();
        using var http = app.CreateClient();

        using var response = await http.PostAsJsonAsync("/api/v1/appointments", new { clientId = Mateo, serviceId = AmirasService, providerId = Amira, start = "2026-12-14T17:30:00+00:00" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a handle may linger on a busy machine; the temp folder is cleaned later
        }
        return Task.CompletedTask;
    }

    /// <summary>The app as Program.cs builds it (Development, demo data on as where the file came from), clock at Mon 14 Dec 2026 09:00 London.</summary>
    private OldDatabaseApp Start() => new(_connectionString);

    private sealed class OldDatabaseApp(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Dashboard", connectionString);
            builder.UseSetting("DemoData:Enabled", "true");
            builder.UseSetting("Business:TimeZone", "Europe/London");
            builder.UseSetting("Api:Keys:0", FrontDesk.Tests.Unit.Dashboard.Api.ApiFactory.ManagerKey);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 12, 14, 9, 0, 0, TimeSpan.Zero)));
            });
        }

        protected override void ConfigureClient(HttpClient client)
        {
            base.ConfigureClient(client);
            client.DefaultRequestHeaders.Add("X-Api-Key", FrontDesk.Tests.Unit.Dashboard.Api.ApiFactory.ManagerKey);
        }
    }
}
