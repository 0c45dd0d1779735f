using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Components.Sales;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Tests.Component.Components.Sales;

/// <summary>The managers' live sales screen against the clinic database and the fake feed.</summary>
public sealed class SalesPageTests : ClinicTestContext
{
    private IRenderedComponent<IComponent> RenderSales()
    {
        var cut = Render(MudQueries.WithProviders<SalesPage>());
        cut.WaitForAssertion(() => Assert.True(cut.HasRole("group", "Today's figures")), Patience);
        return cut;
    }

    [Fact]
    public void Render_QuietDay_ShowsEachFigureAsANamedTile()
    {
        var cut = RenderSales();

        Assert.True(cut.HasRole("group", "Revenue: 0.00 GBP"));
        Assert.True(cut.HasRole("group", "Packages sold: 0"));
        Assert.True(cut.HasRole("group", "Unredeemed prepaid (liability): 0.00 GBP"));
    }

    [Fact]
    public void Render_DefaultPeriod_TableHasTheLastSevenDaysNewestFirst()
    {
        var cut = RenderSales();

        cut.WaitForAssertion(() => Assert.Equal(7, cut.Rows("Sales by day").Count), Patience);
        var days = cut.Rows("Sales by day").Select(r => r[0]).ToList();
        Assert.Equal(Clock.Today.ToString("ddd d MMM yyyy"), days[0]);
        Assert.Equal(Clock.Today.AddDays(-6).ToString("ddd d MMM yyyy"), days[6]);
    }

    [Fact]
    public void Render_DefaultPeriod_DownloadAsksForTheseSevenDays()
    {
        var cut = RenderSales();

        var link = cut.Role("button", "Download CSV");
        var (from, _) = Clock.Range(Clock.Today.AddDays(-6), 1);
        var (_, to) = Clock.Range(Clock.Today, 1);
        Assert.Equal(
            $"/downloads/sales.csv?from={Uri.EscapeDataString(from.ToString("yyyy-MM-ddTHH:mm:ssZ"))}&to={Uri.EscapeDataString(to.ToString("yyyy-MM-ddTHH:mm:ssZ"))}",
            link.GetAttribute("href"));
    }

    [Fact]
    public void Render_Chart_SaysInWordsWhatItShows()
    {
        var cut = RenderSales();

        Assert.True(cut.HasRole("figure", "Revenue by hour: today 0.00 GBP, same day last week 0.00 GBP"));
    }

    [Fact]
    public async Task LiveBooking_AtAnotherDesk_AppearsInTheFeed()
    {
        var cut = RenderSales();
        Assert.Empty(cut.Rows("Changes at every desk, newest first"));

        await BookJaneAsync();

        cut.WaitForAssertion(() =>
        {
            var row = Assert.Single(cut.Rows("Changes at every desk, newest first"));
            Assert.Equal("Second desk", row[1]);
            Assert.Equal($"booked Jane Cooper for {Seed.MassageName} with {Seed.ProviderName}", row[2]);
        }, Patience);
    }
}
