using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Api;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Components;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Data.Demo;
using FrontDesk.Dashboard.Live;
using Radzen;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOptions<BusinessOptions>()
    .Bind(builder.Configuration.GetSection(BusinessOptions.Section))
    .Validate(o => TryZone(o.TimeZone), "Business:TimeZone is not a known time zone id.")
    .Validate(o => o.Currency.Length == 3, "Business:Currency must be a three-letter ISO code.")
    .Validate(o => o.OpensAt < o.ClosesAt, "Business:OpensAt must be before Business:ClosesAt.")
    .Validate(o => TryCulture(o.Culture), "Business:Culture is not a known culture name.")
    .ValidateOnStart();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDashboardDatabase(builder.Configuration);
builder.Services.AddSingleton(new LiveFeedOptions());
builder.Services.AddSingleton<ILiveFeed, InMemoryLiveFeed>();
builder.Services.AddSingleton<AppointmentService>();
builder.Services.AddSingleton<CalendarQueries>();
builder.Services.AddSingleton<ClientService>();
builder.Services.AddSingleton<CatalogQueries>();
builder.Services.AddSingleton<FrontDesk.Dashboard.Packages.PackageService>();
builder.Services.AddSingleton<FrontDesk.Dashboard.Packages.PackageQueries>();
builder.Services.AddSingleton<FrontDesk.Dashboard.Packages.SettingsService>();
builder.Services.AddHostedService<FrontDesk.Dashboard.Packages.PackageExpiryJob>();
builder.Services.AddScoped<FrontDesk.Dashboard.Store.Calendar.CalendarStore>();
builder.Services.AddScoped<DeskSession>();
builder.Services.AddSingleton<BusinessClock>();
builder.Services.AddSingleton<FrontDesk.Dashboard.Live.Projections.TodayBoard>();
builder.Services.AddScoped<FrontDesk.Dashboard.Store.Display.DisplayStore>();
builder.Services.AddSingleton<FrontDesk.Dashboard.Sales.SalesQueries>();
builder.Services.AddSingleton<FrontDesk.Dashboard.Live.Projections.SalesBoard>();
builder.Services.AddScoped<FrontDesk.Dashboard.Store.Sales.SalesStore>();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddRadzenComponents();
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

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapBlazorScript();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapOpenApi();
app.MapDashboardApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"Front Desk Live is running: open {string.Join(" or ", app.Urls)} in a browser (wall display: /display, live sales: /sales). Ctrl+C stops it."));

app.Run();

static bool TryZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

static bool TryCulture(string name)
{
    try
    {
        return !string.IsNullOrWhiteSpace(name) && System.Globalization.CultureInfo.GetCultureInfo(name, predefinedOnly: true) is not null;
    }
    catch (System.Globalization.CultureNotFoundException)
    {
        return false;
    }
}

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
