using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FrontDesk.Tests.Unit.Dashboard.Operations;

/// <summary>
/// The real app (Program, Development, no demo data) on its own SQLite file in a temp folder,
/// with one service and an all-day provider, backups in <see cref="BackupFolder"/> and no
/// scheduled backup unless a test asks. Its API clients send an API key (<see cref="ApiClient"/>,
/// <see cref="ClientAsAsync"/>), as every caller of the API must.
/// </summary>
public sealed class OpsApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public OpsApp(IReadOnlyDictionary<string, string?>? settings = null, string? databaseFile = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "frontdesk-unit", "ops-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
        DatabaseFile = databaseFile ?? Path.Combine(Directory, "dashboard.db");
        BackupFolder = Path.Combine(Directory, "backups");
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Dashboard"] = $"Data Source={DatabaseFile}",
            ["DemoData:Enabled"] = "false",
            ["Backup:Folder"] = BackupFolder,
            ["Backup:StartDelay"] = "1.00:00:00",
            ["Shutdown:NoticeDelay"] = "00:00:00",
            ["Api:Keys:0"] = ManagerKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Directory { get; }
    public string DatabaseFile { get; }
    public string BackupFolder { get; }
    public Guid Laser { get; } = ServiceId.New().Value;
    public Guid Amira { get; } = ProviderId.New().Value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Seeds the clinic (a service and a provider) through the domain.</summary>
    public async Task SeedAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var laser = new Service(new ServiceId(Laser), "Laser hair removal", TimeSpan.FromMinutes(60), new Money(80m, "GBP"), "Laser");
        db.Services.Add(laser);
        db.Providers.Add(new Provider(new ProviderId(Amira), "Amira Haddad", [laser.Id],
            Enum.GetValues<DayOfWeek>().Select(d => new WorkingShift(d, new TimeOnly(0, 0), new TimeOnly(23, 59)))));
        await db.SaveChangesAsync();
    }

    /// <summary>The API key given by configuration (Api:Keys): Manager rights.</summary>
    public const string ManagerKey = "fdl_ops-tests-manager-key-0123456789abcdef";

    /// <summary>An API client with the configured manager key.</summary>
    public HttpClient ApiClient() => ClientWithKey(ManagerKey);

    /// <summary>An API client as a key of <paramref name="role"/> would call (made by the owner on the key service); null: no key at all.</summary>
    public async Task<HttpClient> ClientAsAsync(string? role)
    {
        if (role is null)
        {
            return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        }
        var keys = Services.GetRequiredService<FrontDesk.Dashboard.Security.ApiKeyService>();
        var owner = FrontDesk.Dashboard.Security.Caller.Staff("ops-owner", "Ops test owner", FrontDesk.Domain.Staff.StaffRole.Owner);
        var created = await keys.CreateAsync(new FrontDesk.Dashboard.Security.CreateApiKey($"{role} key {Guid.NewGuid():N}", Enum.Parse<FrontDesk.Domain.Staff.StaffRole>(role), false, owner));
        return ClientWithKey(created.Secret);
    }

    private HttpClient ClientWithKey(string key)
    {
        var http = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }

    public static async Task<Guid> CreateAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a handle may linger on a busy machine; the temp folder is cleaned later
        }
    }
}
