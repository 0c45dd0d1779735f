using Bunit;
using FrontDesk.Dashboard.Business;
using FrontDesk.Dashboard.Components.Settings;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FrontDesk.Tests.Component.Components.Settings;

/// <summary>Settings › Business: inline errors for bad values, nothing saved then; a good save applies and is announced.</summary>
public sealed class BusinessSettingsPageTests : NewInstallationTestContext
{
    private IRenderedComponent<IComponent> RenderPage() => RenderWithProviders<BusinessSettingsPage>();

    private static Task SaveAsync(IRenderedComponent<IComponent> cut) => cut.Button("Save business settings").ClickAsync(new MouseEventArgs());

    [Fact]
    public async Task Save_BadZoneCurrencyAndCulture_InlineErrorsAndNothingChanges()
    {
        var cut = RenderPage();
        await cut.TypeAsync("Time zone", "Nowhere/Town");
        await cut.TypeAsync("Currency", "ZZZ");
        await cut.TypeAsync("Culture", "xx-XX");

        await SaveAsync(cut);

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("\"Nowhere/Town\" is not a known time zone", cut.Markup, StringComparison.Ordinal);
            Assert.Contains("\"ZZZ\" is not an ISO 4217 currency code", cut.Markup, StringComparison.Ordinal);
            Assert.Contains("\"xx-XX\" is not a known culture name", cut.Markup, StringComparison.Ordinal);
        }, Patience);
        var stored = await StoredAsync();
        Assert.Equal((TestClinic.TimeZoneId, TestClinic.Currency), (stored.TimeZone, stored.Currency));
        Assert.Equal("Nowhere/Town", cut.Input("Time zone").GetAttribute("value"));
        Assert.Empty(Feed.Published.OfType<BusinessProfileChangedLive>());
    }

    [Fact]
    public async Task Save_ClosingBeforeOpening_InlineErrorOnThatDayAndNothingChanges()
    {
        var cut = RenderPage();
        await cut.TypeAsync("Friday opens", "17:00");
        await cut.TypeAsync("Friday closes", "08:30");

        await SaveAsync(cut);

        cut.WaitForAssertion(() => Assert.Contains("On Friday the business must close after it opens (17:00).", cut.Markup, StringComparison.Ordinal), Patience);
        Assert.Equal(new TimeOnly(8, 0), (await StoredAsync()).On(DayOfWeek.Friday).Opens);
    }

    [Fact]
    public async Task Save_NewNameAndClosedSunday_StoredCurrentAndAnnounced()
    {
        var cut = RenderPage();
        await cut.TypeAsync("Business name", "Harbour Physio");
        await cut.Input("Open on Sunday").ChangeAsync(new ChangeEventArgs { Value = false });

        await SaveAsync(cut);

        cut.WaitForAssertion(() => Assert.Contains("Business settings saved.", cut.Markup, StringComparison.Ordinal), Patience);
        var stored = await StoredAsync();
        Assert.Equal(("Harbour Physio", false), (stored.Name, stored.On(DayOfWeek.Sunday).Open));
        Assert.Equal("Harbour Physio", Business.Current.Name);
        Assert.Single(Feed.Published.OfType<BusinessProfileChangedLive>());
    }
}
