using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Components.Sales;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Domain.Sales;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FrontDesk.Tests.Component.Components.Sales;

public sealed class OwedSalesTests : SalesTestContext
{
    /// <summary>Jane's sale of a 60.00 massage and a 12.00 oil, 30.00 paid at another desk, 42.00 owed.</summary>
    private async Task<SaleView> JaneOwesAsync()
    {
        var oil = await ProductAsync("Massage oil", 12m);
        SaleService.Catalogue[Seed.MassageId] = (Seed.MassageName, 60m);
        return await SaleService.CreateAsync(new CreateSale(Seed.JaneId, null,
            [new SaleLineInput(SaleItemType.Service, Seed.MassageId, ProviderId: Seed.ProviderId), new SaleLineInput(SaleItemType.Product, oil.Id)],
            null, null, [new PaymentLine(PaymentMethod.Card, 30m)], TestCallers.Manager(OtherDesk)));
    }

    private IRenderedComponent<IComponent> RenderOwed()
    {
        var cut = RenderWithProviders<OwedSales>(p => p.Add(o => o.ClientId, Seed.JaneId));
        cut.WaitForAssertion(() => Assert.DoesNotContain("Loading…", cut.Markup), Patience);
        return cut;
    }

    [Fact]
    public async Task Render_SaleWithBalance_ListsWhatIsOwed()
    {
        var sale = await JaneOwesAsync();

        var cut = RenderOwed();

        var row = Assert.Single(TableRows(cut, "Open sales"));
        Assert.Equal([sale.Number!, "72.00 GBP", "30.00 GBP", "42.00 GBP"], new[] { row[0], row[2], row[3], row[4] });
    }

    [Fact]
    public async Task TakePayment_Rest_PaysTheBalanceAndTheListEmpties()
    {
        var sale = await JaneOwesAsync();
        var cut = RenderOwed();
        cut.Button($"Take payment for {sale.Number}").Click(); // not awaited: it waits for the dialog to close
        cut.WaitForAssertion(() => Assert.Equal("42.00", cut.Input("Payment 1 amount").GetAttribute("value")), Patience);

        await ChooseAsync(cut, "Payment 1 method", "Cash");
        await ClickAsync(cut, "Take payment");

        cut.WaitForAssertion(() => Assert.Contains("Nothing is owed.", cut.Markup), Patience);
        var pay = Assert.Single(SaleService.Pays);
        Assert.Equal((sale.Id, new PaymentLine(PaymentMethod.Cash, 42m)), (pay.SaleId, pay.Payments.Single()));
        Assert.NotNull(pay.IdempotencyKey);
    }

    [Fact]
    public async Task TakePayment_ServiceRefuses_ShowsItsMessageInTheWindow()
    {
        var sale = await JaneOwesAsync();
        var cut = RenderOwed();
        cut.Button($"Take payment for {sale.Number}").Click();
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Take payment")), Patience);
        SaleService.Refusal = "This sale was paid at another desk meanwhile.";

        await ClickAsync(cut, "Take payment");

        cut.WaitForAssertion(() => Assert.Equal("This sale was paid at another desk meanwhile.", cut.Find(".mud-dialog").AlertText()), Patience);
    }

    [Fact]
    public async Task LiveEvent_SaleRecordedForTheClientAtAnotherDesk_AppearsWithoutAnyClick()
    {
        var cut = RenderOwed();
        Assert.Contains("Nothing is owed.", cut.Markup);

        var sale = await JaneOwesAsync();
        Feed.Publish([new SaleRecordedLive(sale, DateTimeOffset.UtcNow, "Second desk")]);

        cut.WaitForAssertion(() => Assert.Single(TableRows(cut, "Open sales")), Patience);
    }

    [Fact]
    public async Task Render_Receptionist_HasNoRefund()
    {
        var sale = await JaneOwesAsync();
        SignInAs(StaffRole.Receptionist);

        var cut = RenderOwed();

        Assert.True(cut.HasButton($"Take payment for {sale.Number}"));
        Assert.False(cut.HasButton($"Refund {sale.Number}"));
    }

    [Fact]
    public async Task Render_Manager_OffersRefund()
    {
        var sale = await JaneOwesAsync();
        SignInAs(StaffRole.Manager);

        var cut = RenderOwed();

        Assert.True(cut.HasButton($"Refund {sale.Number}"));
    }

    [Fact]
    public async Task Refund_WithoutReason_RefusedInlineAndNothingSent()
    {
        var sale = await JaneOwesAsync();
        var cut = RenderOwed();
        cut.Button($"Refund {sale.Number}").Click();
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Refund")), Patience);

        await TypeAsync(cut, "Refund quantity of line 2", "1");
        await ClickAsync(cut, "Refund");

        cut.WaitForAssertion(() => Assert.Equal("Give the reason for the refund.", cut.Find(".mud-dialog").AlertText()), Patience);
        Assert.Empty(SaleService.Refunds);
    }

    [Fact]
    public async Task Refund_OneLineWithReason_SendsThatLineTheWayItWasPaid()
    {
        var sale = await JaneOwesAsync();
        var cut = RenderOwed();
        cut.Button($"Refund {sale.Number}").Click();
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Refund")), Patience);

        await TypeAsync(cut, "Refund quantity of line 2", "1");
        await TypeAsync(cut, "Refund reason", "Bottle leaked");
        await ClickAsync(cut, "Refund");

        cut.WaitForAssertion(() => Assert.Single(SaleService.Refunds), Patience);
        var refund = SaleService.Refunds.Single();
        Assert.Equal((sale.Id, "Bottle leaked", (IReadOnlyList<PaymentLine>?)null), (refund.SaleId, refund.Reason, refund.Payments));
        Assert.Equal([new RefundLineInput(2, 1)], refund.Lines);
    }
}
