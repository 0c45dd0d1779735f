using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Live.Projections;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Dashboard.Store.Calendar;
using FrontDesk.Dashboard.Store.Display;
using FrontDesk.Dashboard.Store.Sales;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FrontDesk.Dashboard;

/// <summary>
/// Everything the front desk needs besides the web host: the one place that lists the
/// application's services, used by the app, the tests and the benchmarks alike. A clock or
/// live feed registered before this call is kept (tests bring their own).
/// </summary>
public static class FrontDeskServices
{
    public static IServiceCollection AddFrontDesk(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BusinessOptions>()
            .Bind(configuration.GetSection(BusinessOptions.Section))
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Business:TimeZone is not a known time zone id.")
            .Validate(o => o.Currency.Length == 3, "Business:Currency must be a three-letter ISO code.")
            .Validate(o => o.OpensAt < o.ClosesAt, "Business:OpensAt must be before Business:ClosesAt.")
            .Validate(o => IsCulture(o.Culture), "Business:Culture is not a known culture name.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new LiveFeedOptions());
        services.TryAddSingleton<ILiveFeed, InMemoryLiveFeed>();
        services.AddDashboardDatabase(configuration);
        services.AddSingleton<BusinessClock>();

        services.AddSingleton<AppointmentService>();
        services.AddSingleton<CalendarQueries>();
        services.AddSingleton<ClientService>();
        services.AddSingleton<ClientDirectory>();
        services.AddSingleton<ClientFileQueries>();
        services.AddSingleton<ClientImport>();
        services.AddSingleton<CatalogQueries>();
        services.AddSingleton<PackageService>();
        services.AddSingleton<PackageQueries>();
        services.AddSingleton<SettingsService>();
        services.AddSingleton<SalesQueries>();

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

    private static bool IsCulture(string name)
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
}
