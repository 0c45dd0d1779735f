using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Api;
using FrontDesk.Dashboard.Audit;
using FrontDesk.Dashboard.Business;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Components;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Data.Demo;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Operations;
using FrontDesk.Dashboard.Staff;
using FrontDesk.Dashboard.Security;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddFrontDesk(builder.Configuration);
builder.Services.AddStaffSignIn(builder.Configuration);
builder.Services.AddApiKeyAuthentication();
builder.Services.AddHostedService<FrontDesk.Dashboard.Packages.PackageExpiryJob>();
builder.Services.AddHostedService(services => services.GetRequiredService<IdempotencyPurgeJob>());
// Operations (issue 12): health, backups, telemetry, graceful shutdown.
builder.Services.AddFrontDeskHealth();
builder.Services.AddOptions<BackupOptions>().Bind(builder.Configuration.GetSection(BackupOptions.Section))
    .Validate(o => o.Keep >= 1, "Backup:Keep must be at least 1.")
    .ValidateOnStart();
builder.Services.AddSingleton<BackupStore>();
builder.Services.AddHostedService<BackupJob>();
builder.Services.AddFrontDeskTelemetry(builder.Configuration);
builder.Services.AddGracefulShutdown(builder.Configuration);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddFrontDeskScreens();
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = FrontDesk.Dashboard.Api.UnexpectedErrorHandler.KeepReference);
builder.Services.AddExceptionHandler<ProblemMapping>();
builder.Services.AddExceptionHandler<UnexpectedErrorHandler>();
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));

var app = builder.Build();

await DatabaseSetup.MigrateAsync(app.Services);
// Accounts from configuration (Bootstrap): the owner only while none exists; no default password.
await StaffBootstrap.ApplyAsync(app.Services, app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BootstrapOptions>>().Value);
// The business settings: from the database, seeded from "Business" in appsettings the first time.
var business = app.Services.GetRequiredService<BusinessProfileStore>();
await business.LoadAsync();
if (app.Configuration.GetValue<bool>("DemoData:Enabled"))
{
    await DemoData.SeedIfEmptyAsync(app.Services);
    await business.LoadAsync(); // the demo clinic counts as set up
}

// The business's culture for dates and numbers: the default at start, then each request (and
// so each new circuit, which starts with one) takes the current one; a circuit already open
// keeps its own until reloaded.
BusinessCulture.Apply(business.Current);

app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseExceptionHandler();
app.Use((context, next) =>
{
    BusinessCulture.ApplyToThread(business.Current);
    return next(context);
});
app.UseStatusCodePages();
app.UseBodyLimits();
app.UseRateLimiter();
app.UseAuthentication();
app.UseStaffPasswordChange();
app.UseAuthorization();
app.UseActorLogScope();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapOpenApi();
app.MapFrontDeskHealth();
app.MapDashboardApi();
app.MapBackupApi();
app.MapBusinessApi();
app.MapAuditDownload();
app.MapScreenDownloads();
app.MapStaffEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapLiveDiagnostics();

app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"Front Desk Live is running: open {string.Join(" or ", app.Urls)} in a browser (wall display: /display, live sales: /sales). Ctrl+C stops it."));

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
