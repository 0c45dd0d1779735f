using Bunit;
using Bunit.TestDoubles;
using FrontDesk.Dashboard.Components.Display;
using FrontDesk.Dashboard.Components.Pages;
using FrontDesk.Dashboard.Components.Setup;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Components.Setup;

/// <summary>The first-run wizard on a new installation: its steps, skipping, finishing, and the redirect to it.</summary>
public sealed class SetupPageTests : NewInstallationTestContext
{
    private IRenderedComponent<IComponent> RenderWizard() => Render(MudQueries.WithProviders<SetupPage>());

    private static Task ClickAsync(IRenderedComponent<IComponent> cut, string button) => cut.Button(button).ClickAsync(new MouseEventArgs());

    private static string? Selected(IRenderedComponent<IComponent> cut) =>
        cut.FindAll("[role=tab]").SingleOrDefault(t => t.GetAttribute("aria-selected") == "true")?.TextContent.Trim();

    [Fact]
    public void Render_NewInstallation_BusinessStepWithTheConfiguredValues()
    {
        var cut = RenderWizard();

        Assert.EndsWith("Business", Selected(cut), StringComparison.Ordinal);
        Assert.Equal(TestClinic.TimeZoneId, cut.Input("Time zone").GetAttribute("value"));
        Assert.Equal(TestClinic.Currency, cut.Input("Currency").GetAttribute("value"));
        Assert.True(cut.HasButton("Skip, do this later"));
    }

    [Fact]
    public async Task Next_UnknownTimeZone_InlineErrorStaysOnTheStepAndSavesNothing()
    {
        var cut = RenderWizard();
        await cut.TypeAsync("Business name", "Harbour Physio");
        await cut.TypeAsync("Time zone", "Atlantis/Capital");

        await ClickAsync(cut, "Next");

        cut.WaitForAssertion(() => Assert.Contains("\"Atlantis/Capital\" is not a known time zone", cut.Markup, StringComparison.Ordinal), Patience);
        Assert.EndsWith("Business", Selected(cut), StringComparison.Ordinal);
        Assert.Equal("Front Desk Live", (await StoredAsync()).Name);
    }

    [Fact]
    public async Task Skip_BusinessStepAfterTyping_KeepsTheConfiguredValuesAndMovesOn()
    {
        var cut = RenderWizard();
        await cut.TypeAsync("Business name", "Half-typed name");

        await ClickAsync(cut, "Skip, do this later");

        cut.WaitForAssertion(() => Assert.EndsWith("Opening hours", Selected(cut), StringComparison.Ordinal), Patience);
        Assert.Equal("Front Desk Live", (await StoredAsync()).Name);
        Assert.False(Business.SetupDone);
    }

    [Fact]
    public async Task Next_HoursClosingBeforeOpening_InlineErrorOnThatDay()
    {
        var cut = RenderWizard();
        await ClickAsync(cut, "Skip, do this later");
        cut.WaitForAssertion(() => Assert.EndsWith("Opening hours", Selected(cut), StringComparison.Ordinal), Patience);
        await cut.TypeAsync("Tuesday opens", "18:00");
        await cut.TypeAsync("Tuesday closes", "09:00");

        await ClickAsync(cut, "Next");

        cut.WaitForAssertion(() => Assert.Contains("On Tuesday the business must close after it opens (18:00).", cut.Markup, StringComparison.Ordinal), Patience);
        Assert.Equal(new TimeOnly(8, 0), (await StoredAsync()).On(DayOfWeek.Tuesday).Opens);
    }

    [Fact]
    public async Task Finish_AfterBusinessAndHours_StoresTheValuesMarksSetupDoneAndOpensTheCalendar()
    {
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        var cut = RenderWizard();
        await cut.TypeAsync("Business name", "Harbour Physio");
        await cut.TypeAsync("Time zone", "Europe/Berlin");
        await cut.TypeAsync("Currency", "EUR");
        await ClickAsync(cut, "Next");
        cut.WaitForAssertion(() => Assert.EndsWith("Opening hours", Selected(cut), StringComparison.Ordinal), Patience);
        await cut.Input("Open on Sunday").ChangeAsync(new ChangeEventArgs { Value = false });
        await cut.TypeAsync("Monday opens", "10:00");
        await ClickAsync(cut, "Next");
        cut.WaitForAssertion(() => Assert.EndsWith("Services and providers", Selected(cut), StringComparison.Ordinal), Patience);
        await ClickAsync(cut, "Skip, do this later");
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Finish setup")), Patience);

        await ClickAsync(cut, "Finish setup");

        cut.WaitForAssertion(() => Assert.True(Business.SetupDone), Patience);
        var stored = await StoredAsync();
        Assert.Equal(("Harbour Physio", "Europe/Berlin", "EUR"), (stored.Name, stored.TimeZone, stored.Currency));
        Assert.Equal((false, new TimeOnly(10, 0)), (stored.On(DayOfWeek.Sunday).Open, stored.On(DayOfWeek.Monday).Opens));
        Assert.Equal(navigation.BaseUri, navigation.Uri);
    }

    [Fact]
    public void SetupRedirect_CalendarBeforeSetupIsDone_GoesToSetup()
    {
        var navigation = Services.GetRequiredService<BunitNavigationManager>();

        Render<SetupRedirect>(p => p.Add(r => r.PageType, typeof(CalendarPage)).AddChildContent("<p>calendar</p>"));

        Assert.Equal(navigation.BaseUri + "setup", navigation.Uri);
    }

    [Fact]
    public void SetupRedirect_WallDisplayBeforeSetupIsDone_Stays()
    {
        var navigation = Services.GetRequiredService<BunitNavigationManager>();

        var cut = Render<SetupRedirect>(p => p.Add(r => r.PageType, typeof(WallDisplay)).AddChildContent("<p>wall</p>"));

        Assert.Equal(navigation.BaseUri, navigation.Uri);
        Assert.Contains("wall", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetupRedirect_CalendarOnceSetupIsDone_Stays()
    {
        await Business.CompleteSetupAsync();
        var navigation = Services.GetRequiredService<BunitNavigationManager>();

        var cut = Render<SetupRedirect>(p => p.Add(r => r.PageType, typeof(CalendarPage)).AddChildContent("<p>calendar</p>"));

        Assert.Equal(navigation.BaseUri, navigation.Uri);
        Assert.Contains("calendar", cut.Markup, StringComparison.Ordinal);
    }
}
