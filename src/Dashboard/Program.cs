using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Api;
using FrontDesk.Dashboard.Business;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Components;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Data.Demo;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Staff;
using FrontDesk.Dashboard.Security;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddFrontDesk(builder.Configuration);
builder.Services.AddStaffSignIn(builder.Configuration);
builder.Services.AddApiKeyAuthentication();
builder.Services.AddHostedService<FrontDesk.Dashboard.Packages.PackageExpiryJob>();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemMapping>();
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
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapOpenApi();
app.MapDashboardApi();
app.MapBusinessApi();
app.MapStaffSignOut();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapLiveDiagnostics();

app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"Front Desk Live is running: open {string.Join(" or ", app.Urls)} in a browser (wall display: /display, live sales: /sales). Ctrl+C stops it."));

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
