using MudBlazor;

namespace FrontDesk.Dashboard.Components.Theme;

/// <summary>
/// The one MudBlazor theme of the front desk: the business colours with a light palette for the
/// desks and a dark one for the wall display (and for anyone who prefers it).
/// </summary>
public static class FrontDeskTheme
{
    /// <summary>Navy of the app bar and primary actions.</summary>
    public const string Navy = "#17324d";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1e5aa8",
            Secondary = "#7b3fb8",
            Tertiary = "#00838f",
            AppbarBackground = Navy,
            AppbarText = "#ffffff",
            Background = "#f6f7fb",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1c1d21",
            Success = "#2e7d32",
            Warning = "#b26a00",
            Error = "#c62828",
            Info = "#1e63c4",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fb2ff",
            Secondary = "#c39bff",
            Tertiary = "#4dd0e1",
            AppbarBackground = "#0b1826",
            Background = "#0f1f30",
            Surface = "#1b3350",
            DrawerBackground = "#132840",
            TextPrimary = "#f2f5f9",
            Success = "#66bb6a",
            Warning = "#ffb74d",
            Error = "#ef5350",
            Info = "#64b5f6",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "Segoe UI", "Roboto", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
