using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Components.Sales;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Domain.Sales;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

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

        var link = cut.Role("button", "Download CSV: every line sold");
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

    /// <summary>A massage sold at another desk now, to Jane (or a walk-in), with these payments.</summary>
    private Task<SaleView> SellMassageAsync(Guid? client, params PaymentLine[] payments) =>
        Services.GetRequiredService<ISaleService>().CreateAsync(new CreateSale(client, null,
            [new SaleLineInput(SaleItemType.Service, Seed.MassageId, ProviderId: Seed.ProviderId)], null, null, payments, TestCallers.Manager(OtherDesk)));

    private static string TodayRevenueCell(IRenderedComponent<IComponent> cut, DateOnly today)
    {
        var headers = cut.Role("table", "Sales by day").QuerySelectorAll("thead th").Select(h => h.TextContent.Trim()).ToList();
        var row = cut.Rows("Sales by day").Single(r => r[0] == today.ToString("ddd d MMM yyyy"));
        return row[headers.FindIndex(h => h == "Revenue")];
    }

    [Fact]
    public void Render_SalesByDay_HasAColumnForEveryKindOfRevenueTipsOwedAndMoney()
    {
        var cut = RenderSales();

        cut.WaitForAssertion(() => Assert.Equal(7, cut.Rows("Sales by day").Count), Patience);
        var headers = cut.Role("table", "Sales by day").QuerySelectorAll("thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(
            ["Day", "Services", "Packages", "Products", "Memberships", "Quote sales", "Refunds", "Revenue", "Tips (not revenue)", "Owed", "Cash", "Card", "Sales"],
            headers);
    }

    [Fact]
    public void Render_SalesByDay_DownloadAsksForTheDaysTableOfThePeriod()
    {
        var cut = RenderSales();

        var link = cut.Role("button", "Download CSV: Sales by day");

        Assert.Equal($"/downloads/sales-days.csv?from={Clock.Today.AddDays(-6):yyyy-MM-dd}&to={Clock.Today:yyyy-MM-dd}", link.GetAttribute("href"));
    }

    [Fact]
    public async Task LiveSale_AtAnotherDesk_TodaysRowAndTheDaysTotalFollowWithoutAReload()
    {
        var cut = RenderSales();
        cut.WaitForAssertion(() => Assert.Equal("0.00", TodayRevenueCell(cut, Clock.Today)), Patience);

        await SellMassageAsync(null, new PaymentLine(PaymentMethod.Card, Seed.MassagePrice));

        cut.WaitForAssertion(() => Assert.Equal(Seed.MassagePrice.ToString("0.00"), TodayRevenueCell(cut, Clock.Today)), Patience);
        Assert.True(cut.HasRole("group", $"Total of the days: {Seed.MassagePrice:0.00} GBP"));
    }

    [Fact]
    public async Task LiveSale_HalfPaid_RevenueIsTheSaleAndOwedTheRest()
    {
        var cut = RenderSales();

        await SellMassageAsync(Seed.JaneId, new PaymentLine(PaymentMethod.Cash, 20m));

        var owed = Seed.MassagePrice - 20m;
        cut.WaitForAssertion(() => Assert.True(cut.HasRole("group", $"Owed: {owed:0.00} GBP")), Patience);
        Assert.True(cut.HasRole("group", $"Revenue: {Seed.MassagePrice:0.00} GBP"));
        Assert.True(cut.HasRole("group", "Cash / card: 20.00 / 0.00"));
    }

    [Fact]
    public async Task LiveSale_TotalOfTheDays_EqualsTheReviewOfTheSamePeriod()
    {
        var cut = RenderSales();
        await SellMassageAsync(Seed.JaneId, new PaymentLine(PaymentMethod.Cash, 20m));
        await SellMassageAsync(null, new PaymentLine(PaymentMethod.Card, Seed.MassagePrice));

        var review = await Services.GetRequiredService<SalesReport>().ReviewAsync(Clock.Today.AddDays(-6), Clock.Today);

        Assert.Equal(2 * Seed.MassagePrice, review.Current.Revenue.Total);
        cut.WaitForAssertion(() => Assert.True(cut.HasRole("group", $"Total of the days: {review.Current.Revenue.Total:0.00} GBP")), Patience);
    }

    [Fact]
    public void NewSale_Clicked_OpensTheSaleWindowForAWalkIn()
    {
        var cut = RenderSales();

        _ = cut.InvokeAsync(() => cut.Button("New sale").ClickAsync(new MouseEventArgs())); // not awaited: the click ends when the window closes

        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Confirm sale")), Patience);
        Assert.Contains("New sale", cut.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("New sale ·", cut.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AsReceptionist_NewSaleOffered()
    {
        SignInAs(StaffRole.Receptionist);

        var cut = RenderSales();

        Assert.True(cut.HasButton("New sale"));
    }
}
