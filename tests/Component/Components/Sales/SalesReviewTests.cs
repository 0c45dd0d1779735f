using Bunit;
using FrontDesk.Dashboard.Components.Sales;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Components.Sales;

/// <summary>The manager's review on the sales screen: the period picker, the breakdowns and the sales behind a row.</summary>
public sealed class SalesReviewTests : ClinicTestContext
{
    private DateOnly Yesterday => Clock.Today.AddDays(-1);

    /// <summary>A massage sold to Jane yesterday at noon, paid by card.</summary>
    private async Task<Guid> SellYesterdayAsync()
    {
        var at = Clock.StartOf(Yesterday).AddHours(12);
        var invoice = Invoice.ForCredits(InvoiceId.New(), new ClientId(Seed.JaneId), "GBP",
            [(Seed.MassageName, new ServiceId(Seed.MassageId), 1, Seed.MassagePrice)], InvoiceLineKind.Service, at);
        invoice.Settle([(PaymentMethod.Card, Seed.MassagePrice)], at, Actor.Staff("desk-2", "Second desk"));
        await using var db = await Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        db.Add(invoice);
        await db.SaveChangesAsync();
        return invoice.Id.Value;
    }

    private IRenderedComponent<IComponent> RenderSales()
    {
        var cut = Render(MudQueries.WithProviders<SalesPage>());
        cut.WaitForAssertion(() => Assert.True(cut.HasRole("group", "Today's figures")), Patience);
        return cut;
    }

    private IRenderedComponent<IComponent> RenderYesterday()
    {
        var cut = RenderSales();
        cut.Button("Yesterday").Click();
        cut.WaitForAssertion(() => Assert.True(cut.HasRole("group", "Figures for the period")), Patience);
        return cut;
    }

    [Fact]
    public void PickYesterday_StaticReportWithoutLiveFigures()
    {
        var cut = RenderYesterday();

        Assert.Equal("Sales report", cut.Find("h1").TextContent);
        Assert.Contains($"Report for {Yesterday:dddd d MMMM yyyy}", cut.Markup);
        Assert.False(cut.HasRole("group", "Today's figures"));
        Assert.Equal("true", cut.Button("Yesterday").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task PickYesterday_TilesShowItsSalesAgainstTheDayBefore()
    {
        await SellYesterdayAsync();

        var cut = RenderYesterday();

        cut.WaitForAssertion(() => Assert.True(cut.HasRole("group", $"Revenue: {Seed.MassagePrice:0.00} GBP")), Patience);
        Assert.Contains("new: previous period 0.00", cut.Role("group", $"Revenue: {Seed.MassagePrice:0.00} GBP").TextContent);
    }

    [Fact]
    public async Task PickToday_AfterYesterday_LiveAgain()
    {
        var cut = RenderYesterday();

        cut.Button("Today").Click();

        cut.WaitForAssertion(() => Assert.True(cut.HasRole("group", "Today's figures")), Patience);
        Assert.Equal("Today's sales", cut.Find("h1").TextContent);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task ServiceRow_Clicked_ListsTheSaleWithItsReceipt()
    {
        var id = await SellYesterdayAsync();
        var cut = RenderYesterday();

        cut.WaitForAssertion(() => cut.Button($"Show the sales of {Seed.MassageName}").Click(), Patience);

        cut.WaitForAssertion(() =>
        {
            var rows = cut.Rows($"Sales behind {Seed.MassageName} (by service), {Yesterday:dddd d MMMM yyyy}");
            var row = Assert.Single(rows);
            Assert.Equal($"{Seed.MassagePrice:0.00}", row[4]);
        }, Patience);
        Assert.Equal($"/sales/{id}/receipt", cut.Role("link", $"Receipt {SalesReport.ShortNumber(id)}").GetAttribute("href"));
        // The list has its own file: the same row of the same breakdown and period.
        Assert.StartsWith($"{ScreenDownloads.SalesBehindCsv}?from={Yesterday:yyyy-MM-dd}&to={Yesterday:yyyy-MM-dd}&groupBy=service&key=",
            cut.Role("button", "Download CSV: the sales listed").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void ProviderTable_Download_AsksForThatBreakdownOfThePeriod()
    {
        var cut = RenderYesterday();

        var link = cut.Role("button", "Download CSV: By provider");

        Assert.Equal(ScreenDownloads.SalesReport(Yesterday, Yesterday, SalesGrouping.Provider), link.GetAttribute("href"));
    }
}
