using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Components.Sales;
using FrontDesk.Dashboard.Quotes;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Domain.Sales;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Components.Sales;

/// <summary>The client's "Sales" section over the real sale service: every sale and refund, and a manager's refund of a paid sale.</summary>
public sealed class ClientSalesTests : ClinicTestContext
{
    private ISaleService Sales => Services.GetRequiredService<ISaleService>();

    /// <summary>Jane's sale of a 60.00 massage and a 45.00 physio follow-up, paid in full by card at another desk.</summary>
    private Task<SaleView> JanePaidAsync() =>
        Sales.CreateAsync(new CreateSale(Seed.JaneId, null,
            [new SaleLineInput(SaleItemType.Service, Seed.MassageId, ProviderId: Seed.ProviderId), new SaleLineInput(SaleItemType.Service, Seed.PhysioId, ProviderId: Seed.ProviderId)],
            null, null, [new PaymentLine(PaymentMethod.Card, 105m)], TestCallers.Manager(OtherDesk)));

    private IRenderedComponent<IComponent> RenderSales()
    {
        var cut = RenderWithProviders<ClientSales>(p => p.Add(s => s.ClientId, Seed.JaneId));
        cut.WaitForAssertion(() => Assert.DoesNotContain("Loading sales…", cut.Markup), Patience);
        return cut;
    }

    /// <summary>The rows of "Sales of the client": number, date, kind, total, paid, state.</summary>
    private static IReadOnlyList<IReadOnlyList<string>> Rows(IRenderedComponent<IComponent> cut) =>
        cut.Role("table", "Sales of the client").QuerySelectorAll("tbody tr")
            .Select(r => (IReadOnlyList<string>)r.QuerySelectorAll("td").Take(6).Select(c => c.TextContent.Trim()).ToList()).ToList();

    private async Task OpenRefundAsync(IRenderedComponent<IComponent> cut, SaleView sale)
    {
        // Not awaited: the click's handler waits for the window to close.
        var button = cut.Button($"Refund {SaleStates.Name(sale, Clock)}");
        _ = cut.InvokeAsync(() => button.ClickAsync(new MouseEventArgs()));
        cut.WaitForAssertion(() => Assert.True(cut.HasRole("table", "Lines to refund")), Patience);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Render_PaidSale_ShowsItsRowWithReceipt()
    {
        var sale = await JanePaidAsync();

        var cut = RenderSales();

        var row = Assert.Single(Rows(cut));
        Assert.Equal([sale.Number!, "Sale", "105.00 GBP", "105.00 GBP", "Paid"], new[] { row[0], row[2], row[3], row[4], row[5] });
        Assert.Equal(SaleLinks.Receipt(sale.Id), cut.Role("link", $"Receipt of {sale.Number}").GetAttribute("href"));
    }

    [Fact]
    public async Task Render_ManagerAndPaidSale_OffersRefund()
    {
        var sale = await JanePaidAsync();
        SignInAs(StaffRole.Manager);

        var cut = RenderSales();

        Assert.True(cut.HasButton($"Refund {sale.Number}"));
    }

    [Fact]
    public async Task Render_ReceptionistAndPaidSale_HasNoRefund()
    {
        var sale = await JanePaidAsync();
        SignInAs(StaffRole.Receptionist);

        var cut = RenderSales();

        Assert.Single(Rows(cut));
        Assert.False(cut.HasButton($"Refund {sale.Number}"));
    }

    [Fact]
    public async Task Refund_OneLineOfPaidSale_AddsTheRefundRowAndTheSaleIsPartlyRefunded()
    {
        var sale = await JanePaidAsync();
        SignInAs(StaffRole.Manager);
        var cut = RenderSales();
        await OpenRefundAsync(cut, sale);

        await cut.InvokeAsync(() => cut.TypeAsync("Refund quantity of line 2", "1"));
        await cut.InvokeAsync(() => cut.TypeAsync("Refund reason", "Session not done"));
        await cut.InvokeAsync(() => Dialog(cut).Button("Refund").ClickAsync(new MouseEventArgs()));

        cut.WaitForAssertion(() => Assert.Equal(2, Rows(cut).Count), Patience);
        var rows = Rows(cut);
        Assert.Equal(["Refund", "-45.00 GBP", "-45.00 GBP", $"Refund of {sale.Number}"], rows[0].Skip(2));
        Assert.Equal([sale.Number!, "Partly refunded"], new[] { rows[1][0], rows[1][5] });
        var saved = await Sales.FindAsync(sale.Id);
        Assert.Equal([0, 1], saved!.Lines.Select(l => l.RefundedQuantity));
    }

    [Fact]
    public async Task Refund_WithoutReason_ShowsTheMessageInlineAndChangesNothing()
    {
        var sale = await JanePaidAsync();
        var cut = RenderSales();
        await OpenRefundAsync(cut, sale);

        await cut.InvokeAsync(() => cut.TypeAsync("Refund quantity of line 1", "1"));
        await cut.InvokeAsync(() => Dialog(cut).Button("Refund").ClickAsync(new MouseEventArgs()));

        cut.WaitForAssertion(() => Assert.Equal("Give the reason for the refund.", Dialog(cut).AlertText()), Patience);
        Assert.Single((await Sales.ForClientAsync(Seed.JaneId, 10)).Sales);
        Assert.Equal("Paid", Rows(cut).Single()[5]);
    }

    [Fact]
    public async Task Refund_LineAlreadyRefunded_CannotBeChosenAgain()
    {
        var sale = await JanePaidAsync();
        await Sales.RefundAsync(new RefundSale(sale.Id, [new RefundLineInput(1, 1)], null, "Massage not done", TestCallers.Manager(OtherDesk)));
        var cut = RenderSales();
        await OpenRefundAsync(cut, sale);

        Assert.True(cut.Input("Refund quantity of line 1").HasAttribute("disabled"));
        Assert.False(cut.Input("Refund quantity of line 2").HasAttribute("disabled"));
        Assert.Contains("Already refunded", cut.Role("table", "Lines to refund").TextContent);
    }

    [Fact]
    public async Task Render_EveryLineRefunded_SaysRefundedAndOffersNoRefund()
    {
        var sale = await JanePaidAsync();
        await Sales.RefundAsync(new RefundSale(sale.Id, [new RefundLineInput(1, 1), new RefundLineInput(2, 1)], null, "Closed that day", TestCallers.Manager(OtherDesk)));

        var cut = RenderSales();

        Assert.Equal("Refunded", Rows(cut).Single(r => r[0] == sale.Number)[5]);
        Assert.False(cut.HasButton($"Refund {sale.Number}"));
    }

    [Fact]
    public async Task Refund_ServiceRefuses_ShowsItsReasonInTheWindowAndChangesNothing()
    {
        // Single services sold as prepaid credits (a sale without a number) are not refunded here: the service says why.
        var credits = await Services.GetRequiredService<QuoteService>().SellServicesAsync(
            new SellServices(Seed.JaneId, [Seed.MassageId], [new PaymentLine(PaymentMethod.Card, 60m)], TestCallers.Manager(OtherDesk)));
        var sale = (await Sales.FindAsync(credits.InvoiceId))!;
        var cut = RenderSales();
        await OpenRefundAsync(cut, sale);

        await cut.InvokeAsync(() => cut.TypeAsync("Refund quantity of line 1", "1"));
        await cut.InvokeAsync(() => cut.TypeAsync("Refund reason", "Changed mind"));
        await cut.InvokeAsync(() => Dialog(cut).Button("Refund").ClickAsync(new MouseEventArgs()));

        cut.WaitForAssertion(() => Assert.Equal("Prepaid services sold as credits are not refunded here.", Dialog(cut).AlertText()), Patience);
        Assert.Single((await Sales.ForClientAsync(Seed.JaneId, 10)).Sales);
    }

    [Fact]
    public async Task LiveEvent_SaleAtAnotherDesk_AppearsWithoutAnyClick()
    {
        var cut = RenderSales();
        Assert.Contains("No sales yet.", cut.Markup);

        var sale = await JanePaidAsync();

        cut.WaitForAssertion(() => Assert.Equal(sale.Number, Rows(cut).Single()[0]), Patience);
    }

    [Fact]
    public async Task ShowMore_MoreThanAPage_ShowsAPageFirstThenTheRest()
    {
        SaleView? oldest = null;
        for (var i = 0; i < ClientSalesPage.PageSize + 1; i++)
        {
            var sale = await JanePaidAsync();
            oldest ??= sale;
        }
        var cut = RenderSales();
        Assert.Equal(ClientSalesPage.PageSize, Rows(cut).Count);
        Assert.DoesNotContain(Rows(cut), r => r[0] == oldest!.Number);

        await cut.InvokeAsync(() => cut.Button("Show more sales").ClickAsync(new MouseEventArgs()));

        cut.WaitForAssertion(() => Assert.Equal(ClientSalesPage.PageSize + 1, Rows(cut).Count), Patience);
        Assert.Equal(oldest!.Number, Rows(cut)[^1][0]);
        Assert.False(cut.HasButton("Show more sales"));
    }

    private static AngleSharp.Dom.IElement Dialog(IRenderedComponent<IComponent> cut) => cut.Find(".mud-dialog");
}
