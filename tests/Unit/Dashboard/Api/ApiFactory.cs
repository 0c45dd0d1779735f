using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FrontDesk.Dashboard.Data;
using FrontDesk.Tests.Unit.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FrontDesk.Tests.Unit.Dashboard.Api;

/// <summary>
/// The real app (Program) as Development, on its own SQLite file in a temp folder, with a fake
/// clock at Monday 7 January 2030 08:00 London time and a small clinic seeded through the domain.
/// Its clients send the configured key <see cref="ManagerKey"/> (Api:Keys, Manager rights).
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "frontdesk-unit", "api-" + Guid.NewGuid().ToString("N"));
    private int _nextFutureSlot;
    private int _nextPastSlot;
    private int _nextTodaySlot;

    /// <summary>The key given by configuration (Api:Keys): Manager rights.</summary>
    public const string ManagerKey = "unit-tests-configured-manager-key";

    public ApiFactory() => DatabaseFile = Path.Combine(_directory, "dashboard.db");

    public string DatabaseFile { get; }
    public FakeTimeProvider Clock { get; } = new(A.Now);
    public Clinic Clinic { get; } = new();
    public HttpClient Http { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Dashboard", $"Data Source={DatabaseFile}");
        builder.UseSetting("DemoData:Enabled", "false");
        builder.UseSetting("Business:TimeZone", "Europe/London");
        builder.UseSetting("Api:Keys:0", ManagerKey);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>Every client of the factory sends the configured manager key, unless a test removes it.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", ManagerKey);
    }

    public async Task InitializeAsync()
    {
        Http = CreateClient();
        var contexts = Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        db.AddRange(new FrontDesk.Domain.Catalog.Resource(Clinic.LaserMachine, "Laser machine"),
            Clinic.Massage, Clinic.Laser, Clinic.AllDay, Clinic.Weekdays, Clinic.Olivia, Clinic.Noah, Clinic.Amelia);
        await db.SaveChangesAsync();
    }

    /// <summary>A free hour for the all-day provider, from Tuesday 8 January on (London = UTC in January).</summary>
    public DateTimeOffset NextFutureSlot()
    {
        var n = Interlocked.Increment(ref _nextFutureSlot);
        return A.At(8 + (n / 20), 1 + (n % 20));
    }

    /// <summary>A free hour later today (from 09:00), so it can be checked in now (check-in opens on the appointment's day).</summary>
    public DateTimeOffset NextTodaySlot()
    {
        var n = Interlocked.Increment(ref _nextTodaySlot);
        Assert.True(n < 15, "today has 15 free hours for the all-day provider");
        return A.Now.AddHours(n);
    }

    /// <summary>A free hour earlier today (before 08:00), so it has started and may be a no-show.</summary>
    public DateTimeOffset NextPastSlot()
    {
        var n = Interlocked.Increment(ref _nextPastSlot);
        return A.Now.AddHours(-1 - n);
    }

    public static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public static StringContent Json(object body) => Json(JsonSerializer.Serialize(body));

    public async Task<JsonElement> BookAsync(DateTimeOffset start, Guid? provider = null, Guid? service = null, Guid? client = null)
    {
        var response = await Http.PostAsync("/api/v1/appointments", Json(new
        {
            clientId = client ?? Clinic.Olivia.Id.Value,
            serviceId = service ?? Clinic.Massage.Id.Value,
            providerId = provider ?? Clinic.AllDay.Id.Value,
            start = Iso(start),
        }));
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"booking refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public override async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a handle may linger on a busy machine; the temp folder is cleaned later
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
