using System.Globalization;

namespace FrontDesk.Dashboard.Business;

/// <summary>Where the business's culture (dates, numbers) is put into effect.</summary>
public static class BusinessCulture
{
    /// <summary>The default for threads started from now on (background work) and for this one.</summary>
    public static void Apply(BusinessProfile profile)
    {
        var culture = profile.CultureInfo;
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        ApplyToThread(profile);
    }

    /// <summary>For the current request: a circuit keeps the culture of the request that started it.</summary>
    public static void ApplyToThread(BusinessProfile profile)
    {
        var culture = profile.CultureInfo;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
