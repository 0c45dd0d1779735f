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
/// scheduled backup unless a test asks. A request with <see cref="RoleHeader"/> is signed in
/// with that role (a test scheme in place of the cookie); one without it is anonymous.
/// </summary>
public sealed class OpsApp : WebApplicationFactory<Program>
{
    public const string RoleHeader = "X-Test-Role";

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
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, HeaderRoleScheme>(HeaderRoleScheme.Name, _ => { });
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = HeaderRoleScheme.Name;
                o.DefaultAuthenticateScheme = HeaderRoleScheme.Name;
                o.DefaultChallengeScheme = HeaderRoleScheme.Name;
                o.DefaultForbidScheme = HeaderRoleScheme.Name;
            });
        });
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

    public HttpClient ClientAs(string? role)
    {
        var http = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (role is not null)
        {
            http.DefaultRequestHeaders.Add(RoleHeader, role);
        }
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

    private sealed class HeaderRoleScheme(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "TestRole";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(RoleHeader, out var role) || string.IsNullOrEmpty(role))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, $"Test {role}"), new Claim(ClaimTypes.Role, role.ToString())], Name, ClaimTypes.Name, ClaimTypes.Role);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
        }
    }
}
