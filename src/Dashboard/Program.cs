using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Api;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Components;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Data.Demo;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Security;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddFrontDesk(builder.Configuration);
builder.Services.AddHostedService<FrontDesk.Dashboard.Packages.PackageExpiryJob>();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemMapping>();
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));

var app = builder.Build();

await DatabaseSetup.MigrateAsync(app.Services);
if (app.Configuration.GetValue<bool>("DemoData:Enabled"))
{
    await DemoData.SeedIfEmptyAsync(app.Services);
}

var culture = System.Globalization.CultureInfo.GetCultureInfo(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BusinessOptions>>().Value.Culture);
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = culture;
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = culture;

app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseBodyLimits();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapOpenApi();
app.MapDashboardApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapLiveDiagnostics();

app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"Front Desk Live is running: open {string.Join(" or ", app.Urls)} in a browser (wall display: /display, live sales: /sales). Ctrl+C stops it."));

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
