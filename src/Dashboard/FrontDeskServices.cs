using FrontDesk.Dashboard.Business;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Live.Projections;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Dashboard.Sales.Receipts;
using FrontDesk.Dashboard.Store.Calendar;
using FrontDesk.Dashboard.Store.Display;
using FrontDesk.Dashboard.Store.Sales;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace FrontDesk.Dashboard;

/// <summary>
/// Everything the front desk needs besides the web host: the one place that lists the
/// application's services, used by the app, the tests and the benchmarks alike. A clock or
/// live feed registered before this call is kept (tests bring their own).
/// </summary>
public static class FrontDeskServices
{
    /// <summary>
    /// What the screens need besides the application's services: MudBlazor (snackbars at the bottom
    /// centre, clear of the drawers' headers and close buttons on a desk and on a phone; set once
    /// here, not by a layout per circuit) and the business theme's shared style sheets. The app and
    /// the component tests call it alike.
    /// </summary>
    public static IServiceCollection AddFrontDeskScreens(this IServiceCollection services)
    {
        services.AddMudServices(mud => mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomCenter);
        services.TryAddSingleton<FrontDesk.Dashboard.Components.Theme.ThemeStyleSheets>();
        return services;
    }

    public static IServiceCollection AddFrontDesk(this IServiceCollection services, IConfiguration configuration)
    {
        // Only the first-run values: the business settings live in the database afterwards.
        services.AddOptions<BusinessOptions>()
            .Bind(configuration.GetSection(BusinessOptions.Section))
            .Validate(o => BusinessProfile.ZoneProblem(o.TimeZone) is null, "Business:TimeZone is not a known time zone id.")
            .Validate(o => BusinessProfile.CurrencyProblem(o.Currency) is null, "Business:Currency must be an ISO 4217 code.")
            .Validate(o => o.OpensAt < o.ClosesAt, "Business:OpensAt must be before Business:ClosesAt.")
            .Validate(o => BusinessProfile.CultureProblem(o.Culture) is null, "Business:Culture is not a known culture name.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new LiveFeedOptions());
        services.TryAddSingleton<ILiveFeed, InMemoryLiveFeed>();
        services.AddDashboardDatabase(configuration);
        services.AddSingleton<BusinessProfileStore>();
        services.AddSingleton<BusinessClock>();

        services.AddSingleton<AppointmentService>();
        services.AddSingleton<CalendarQueries>();
        services.AddSingleton<ClientService>();
        services.AddSingleton<ClientDirectory>();
        services.AddSingleton<ClientFileQueries>();
        services.AddSingleton<ClientImport>();
        services.AddSingleton<CatalogQueries>();
        services.AddSingleton<CatalogService>();
        services.AddSingleton<PackageService>();
        services.AddSingleton<PackageQueries>();
        services.AddSingleton<Quotes.QuoteService>();
        services.AddSingleton<Quotes.QuoteQueries>();
        services.AddSingleton<SettingsService>();
        services.AddSingleton<SalesQueries>();
        services.AddSingleton<SaleService>();
        services.AddSingleton<ISaleService>(sp => sp.GetRequiredService<SaleService>());
        services.AddReceipts(configuration);
        services.AddSingleton<SalesReport>();
        services.AddSingleton<Memberships.MembershipService>();
        services.AddSingleton<Memberships.MembershipQueries>();
        services.AddSingleton<Operations.ServerNotices>();
        services.AddSingleton<Audit.AuditQueries>();
        services.AddOptions<Security.ApiOptions>().Bind(configuration.GetSection(Security.ApiOptions.Section));
        services.AddSingleton<Security.ApiKeyService>();

        // Shared projections: computed once per event for every screen.
        services.AddSingleton<TodayBoard>();
        services.AddSingleton<SalesBoard>();

        // Per circuit.
        services.AddScoped<DeskSession>();
        services.AddScoped<CalendarStore>();
        services.AddScoped<DisplayStore>();
        services.AddScoped<SalesStore>();
        return services;
    }
}
