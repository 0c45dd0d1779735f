using Bunit;
using FrontDesk.Dashboard.Components.Layout;
using FrontDesk.Tests.Component.Infrastructure;

namespace FrontDesk.Tests.Component.Components.Theme;

/// <summary>Each screen keeps its own palette: the device's dark-mode setting is not watched.</summary>
public sealed class ThemeProviderTests : ClinicTestContext
{
    [Fact]
    public void Render_DeskLayout_DoesNotWatchTheDevicesDarkMode()
    {
        RenderAsInCircuit();
        var cut = Render<MainLayout>(p => p.Add(l => l.Body, builder => builder.AddContent(0, "desk")));

        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "mudThemeProvider.watchDarkMode");
        // The business's light palette, not MudBlazor's default theme.
        Assert.Contains("--mud-palette-primary: " + FrontDesk.Dashboard.Components.Theme.FrontDeskTheme.Theme.PaletteLight.Primary, cut.Markup);
    }

    [Fact]
    public void Render_WallDisplayLayout_StaysDarkWithoutWatchingTheDevice()
    {
        RenderAsInCircuit();
        var cut = Render<KioskLayout>(p => p.Add(l => l.Body, builder => builder.AddContent(0, "board")));

        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "mudThemeProvider.watchDarkMode");
        Assert.Contains("--mud-palette-background: " + FrontDesk.Dashboard.Components.Theme.FrontDeskTheme.Theme.PaletteDark.Background, cut.Markup);
    }
}
