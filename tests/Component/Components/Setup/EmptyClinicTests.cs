using Bunit;
using FrontDesk.Dashboard.Components.Display;
using FrontDesk.Dashboard.Components.Pages;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Tests.Component.Components.Setup;

/// <summary>A clinic with no services, providers or clients yet: screens open and say what to do next.</summary>
public sealed class EmptyClinicTests : NewInstallationTestContext
{
    [Fact]
    public async Task CalendarPage_NoProviders_SaysToAddOneInSettings()
    {
        await Business.CompleteSetupAsync();

        var cut = Render<CalendarPage>();

        cut.WaitForAssertion(() => Assert.Contains("No providers yet — add one in Settings.", cut.FindAll("[role=status]").Select(s => s.TextContent.Trim()).FirstOrDefault() ?? string.Empty, StringComparison.Ordinal), Patience);
        Assert.NotNull(cut.FindAll("a").SingleOrDefault(a => a.TextContent.Trim() == "Open provider settings" && a.GetAttribute("href") == "settings/providers"));
    }

    [Fact]
    public async Task WallDisplay_SetUpButEmpty_ShowsAnEmptyDay()
    {
        await Business.CompleteSetupAsync();

        var cut = Render<WallDisplay>();

        cut.WaitForAssertion(() => Assert.Contains("No appointments today.", cut.Markup, StringComparison.Ordinal), Patience);
    }

    [Fact]
    public void WallDisplay_DuringSetup_SaysItIsNotSetUpYet()
    {
        var cut = Render<WallDisplay>();

        cut.WaitForAssertion(() => Assert.Contains("This display is not set up yet.", ((IRenderedComponent<IComponent>)cut).StatusTexts()), Patience);
        Assert.DoesNotContain("No appointments today.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WallDisplay_SetupFinishedWhileOpen_ShowsTheDayWithoutAReload()
    {
        var cut = Render<WallDisplay>();

        await Business.CompleteSetupAsync();

        cut.WaitForAssertion(() => Assert.Contains("No appointments today.", cut.Markup, StringComparison.Ordinal), Patience);
    }
}
