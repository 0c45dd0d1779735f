using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Components.Sales;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FrontDesk.Tests.Component.Components.Sales;

public sealed class CheckOutDialogTests : SalesTestContext
{
    private Task<SaleView?>? _result;

    /// <summary>Opens the check-out window as the drawer or the profile would, and waits for it to show.</summary>
    private async Task<IRenderedComponent<IComponent>> OpenAsync(CheckOutRequest request)
    {
        var cut = RenderWithProviders<EmptyScreen>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await cut.InvokeAsync(() => { _result = CheckOutDialog.ShowAsync(dialogs, request); }); // not awaited: it ends when the window closes
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Confirm sale")), Patience);
        return cut;
    }

    private Task<IRenderedComponent<IComponent>> OpenForAppointmentAsync() =>
        OpenAsync(new CheckOutRequest(Guid.NewGuid(), Seed.JaneId, "Jane Cooper") { ProviderId = Seed.ProviderId });

    private Task<IRenderedComponent<IComponent>> OpenWalkInAsync() => OpenAsync(CheckOutRequest.WalkIn);

    private static string Total(IRenderedComponent<IComponent> cut) =>
        cut.FindAll(".totals dd.total").SingleOrDefault()?.TextContent.Trim() ?? "(no total)";

    private async Task AddProductAsync(IRenderedComponent<IComponent> cut, int line, string option)
    {
        await ClickAsync(cut, "Add product");
        await ChooseAsync(cut, $"Line {line} product", option);
        PauseTyping();
    }

    [Fact]
    public async Task Open_ForAppointment_ShowsItsLineAsTheServicePricesIt()
    {
        var cut = await OpenForAppointmentAsync();

        cut.WaitForAssertion(() => Assert.Equal("60.00 GBP", Total(cut)), Patience);
        Assert.Equal("Swedish massage 60", TableRows(cut, "Sale lines").Single()[0]);
        var preview = Assert.Single(SaleService.Previews);
        Assert.Equal(Seed.JaneId, preview.ClientId);
        Assert.Empty(preview.Lines);
        Assert.Equal("60.00", cut.Input("Payment 1 amount").GetAttribute("value"));
    }

    [Fact]
    public async Task AddLine_ProductChosen_PricesTheSaleWithThatLine()
    {
        var oil = await ProductAsync("Massage oil", 12m, stock: 3);
        var cut = await OpenForAppointmentAsync();
        cut.WaitForAssertion(() => Assert.Equal("60.00 GBP", Total(cut)), Patience);

        await AddProductAsync(cut, 2, $"Massage oil · 12.00 GBP · 3 in stock");

        cut.WaitForAssertion(() => Assert.Equal("72.00 GBP", Total(cut)), Patience);
        var line = Assert.Single(SaleService.Previews[^1].Lines);
        Assert.Equal((SaleItemType.Product, oil.Id, 1), (line.Type, line.ItemId, line.Quantity));
    }

    [Fact]
    public async Task AddLine_ProductOutOfStock_SaysSoInTheChoice()
    {
        await ProductAsync("Massage oil", 12m, stock: 0);
        var cut = await OpenWalkInAsync();
        await ClickAsync(cut, "Add product");

        await ChooseAsync(cut, "Line 1 product", "Massage oil · 12.00 GBP · out of stock");

        Assert.Equal("Massage oil · 12.00 GBP · out of stock", Shown(cut, "Line 1 product"));
    }

    [Fact]
    public async Task Quantity_Changed_PricesTheNewQuantity()
    {
        await ProductAsync("Massage oil", 12m);
        var cut = await OpenWalkInAsync();
        await AddProductAsync(cut, 1, "Massage oil · 12.00 GBP · 10 in stock");

        await TypeAsync(cut, "Line 1 quantity", "3");
        PauseTyping();

        cut.WaitForAssertion(() => Assert.Equal("36.00 GBP", Total(cut)), Patience);
        Assert.Equal(3, SaleService.Previews[^1].Lines.Single().Quantity);
    }

    [Fact]
    public async Task MembershipLine_Added_HasQuantityOneAndNoQuantityField()
    {
        await MembershipTypeAsync();
        var cut = await OpenWalkInAsync();

        await ClickAsync(cut, "Add membership");

        Assert.Single(cut.FindAll("[aria-label='Line 1 quantity 1 (each membership is its own line)']"));
        Assert.DoesNotContain(cut.FindAll("input"), i => i.GetAttribute("aria-label") == "Line 1 quantity");
    }

    [Fact]
    public async Task RemoveLine_ProductRemoved_PricesWithoutIt()
    {
        await ProductAsync("Massage oil", 12m);
        var cut = await OpenForAppointmentAsync();
        await AddProductAsync(cut, 2, "Massage oil · 12.00 GBP · 10 in stock");
        cut.WaitForAssertion(() => Assert.Equal("72.00 GBP", Total(cut)), Patience);

        await ClickAsync(cut, "Remove line 2");
        PauseTyping();

        cut.WaitForAssertion(() => Assert.Equal("60.00 GBP", Total(cut)), Patience);
        Assert.Empty(SaleService.Previews[^1].Lines);
    }

    [Fact]
    public async Task LineDiscount_WithoutReason_ShowsInlineErrorAndSendsNothing()
    {
        await ProductAsync("Massage oil", 20m);
        var cut = await OpenWalkInAsync();
        await AddProductAsync(cut, 1, "Massage oil · 20.00 GBP · 10 in stock");
        cut.WaitForAssertion(() => Assert.Equal("20.00 GBP", Total(cut)), Patience);
        var previews = SaleService.Previews.Count;

        await ClickAsync(cut, "Discount on line 1");
        await TypeAsync(cut, "Line 1 discount value", "5");
        PauseTyping();
        await ClickAsync(cut, "Confirm sale");

        cut.WaitForAssertion(() => Assert.Equal("Give a reason for the discount on line 1.", Dialog(cut).AlertText()), Patience);
        Assert.Empty(SaleService.Creates);
        Assert.DoesNotContain(SaleService.Previews.Skip(previews), p => p.Lines.Any(l => l.Discount is not null));
        Assert.False(_result!.IsCompleted);
    }

    [Fact]
    public async Task LineDiscount_PercentWithReason_PricedWithTheDiscount()
    {
        await ProductAsync("Massage oil", 20m);
        var cut = await OpenWalkInAsync();
        await AddProductAsync(cut, 1, "Massage oil · 20.00 GBP · 10 in stock");

        await ClickAsync(cut, "Discount on line 1");
        await ClickAsync(cut, "Line 1 discount as a percent");
        await TypeAsync(cut, "Line 1 discount value", "10");
        await TypeAsync(cut, "Line 1 discount reason", "Regular client");
        PauseTyping();

        cut.WaitForAssertion(() => Assert.Equal("18.00 GBP", Total(cut)), Patience);
        Assert.Equal(new DiscountInput(DiscountType.Percent, 10m, "Regular client"), SaleService.Previews[^1].Lines.Single().Discount);
    }

    [Fact]
    public async Task Tip_WithProvider_PricedAndSentForThatProvider()
    {
        var cut = await OpenForAppointmentAsync();

        await TypeAsync(cut, "Tip amount", "5");
        PauseTyping();

        cut.WaitForAssertion(() => Assert.Equal("65.00 GBP", Total(cut)), Patience);
        Assert.Equal(new TipInput(5m, Seed.ProviderId), SaleService.Previews[^1].Tip);
    }

    [Fact]
    public async Task Preview_ServiceRefuses_ShowsItsMessageInline()
    {
        await ProductAsync("Massage oil", 12m);
        var cut = await OpenWalkInAsync();
        SaleService.Refusal = "Massage oil: only 0 in stock.";

        await AddProductAsync(cut, 1, "Massage oil · 12.00 GBP · 10 in stock");

        cut.WaitForAssertion(() => Assert.Equal("Massage oil: only 0 in stock.", Dialog(cut).AlertText()), Patience);
    }

    [Fact]
    public async Task Confirm_PartialPaymentWithoutClient_RefusedInlineAndNothingSent()
    {
        await ProductAsync("Massage oil", 30m);
        var cut = await OpenWalkInAsync();
        await AddProductAsync(cut, 1, "Massage oil · 30.00 GBP · 10 in stock");
        cut.WaitForAssertion(() => Assert.Equal("30.00 GBP", Total(cut)), Patience);

        await TypeAsync(cut, "Payment 1 amount", "10");
        await ClickAsync(cut, "Confirm sale");

        cut.WaitForAssertion(() => Assert.Contains("only a client can owe", Dialog(cut).AlertText()), Patience);
        Assert.Empty(SaleService.Creates);
        Assert.False(_result!.IsCompleted);
    }

    [Fact]
    public async Task Payments_LessThanTotalWithClient_SaysWhatTheClientWillOwe()
    {
        var cut = await OpenForAppointmentAsync();
        cut.WaitForAssertion(() => Assert.Equal("60.00 GBP", Total(cut)), Patience);

        await TypeAsync(cut, "Payment 1 amount", "25");

        Assert.Contains("The client will owe 35.00 GBP", cut.Find(".payment-outcome").TextContent);
    }

    [Fact]
    public async Task Payments_CashOverTheTotal_ShowsTheChange()
    {
        var cut = await OpenForAppointmentAsync();
        cut.WaitForAssertion(() => Assert.Equal("60.00 GBP", Total(cut)), Patience);

        await ChooseAsync(cut, "Payment 1 method", "Cash");
        await TypeAsync(cut, "Payment 1 amount", "100");

        Assert.Contains("Change 40.00 GBP", cut.Find(".payment-outcome").TextContent);
    }

    [Fact]
    public async Task Rest_SecondPaymentRow_FillsWhatTheFirstLeaves()
    {
        var cut = await OpenForAppointmentAsync();
        cut.WaitForAssertion(() => Assert.Equal("60.00 GBP", Total(cut)), Patience);
        await TypeAsync(cut, "Payment 1 amount", "45");

        await ClickAsync(cut, "Add payment");
        await ClickAsync(cut, "Payment 2: the rest");

        Assert.Equal("15.00", cut.Input("Payment 2 amount").GetAttribute("value"));
    }

    [Fact]
    public async Task Confirm_TwoMethods_SendsOneSaleWithBothPaymentsAndCloses()
    {
        var cut = await OpenForAppointmentAsync();
        cut.WaitForAssertion(() => Assert.Equal("60.00 GBP", Total(cut)), Patience);
        await TypeAsync(cut, "Payment 1 amount", "40");
        await ClickAsync(cut, "Add payment");
        await ClickAsync(cut, "Payment 2: the rest");

        await ClickAsync(cut, "Confirm sale");

        cut.WaitForAssertion(() => Assert.True(_result!.IsCompleted), Patience);
        var sent = Assert.Single(SaleService.Creates);
        Assert.Equal([new PaymentLine(PaymentMethod.Card, 40m), new PaymentLine(PaymentMethod.Cash, 20m)], sent.Payments);
        Assert.Equal("S-0001", (await _result!)!.Number);
        Assert.Contains(cut.Snackbars(), s => s.StartsWith("Sale S-0001 confirmed: 60.00 GBP.", StringComparison.Ordinal));
        Assert.Contains(cut.FindAll("a[href]"), a => a.TextContent == "Receipt" && a.GetAttribute("href") == $"/sales/{SaleService.Sales.Single().Id}/receipt");
    }

    [Fact]
    public async Task Confirm_DoubleClick_SendsExactlyOneSaleUnderTheWindowsKey()
    {
        var cut = await OpenForAppointmentAsync();
        cut.WaitForAssertion(() => Assert.Equal("60.00 GBP", Total(cut)), Patience);
        SaleService.HoldCreate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task first = Task.CompletedTask, second = Task.CompletedTask;

        // Two clicks that both reach the server before the button can show it is disabled.
        var confirm = cut.FindComponents<MudButton>().Single(b => b.Instance.UserAttributes.TryGetValue("aria-label", out var name) && (string?)name == "Confirm sale");
        await cut.InvokeAsync(() =>
        {
            first = confirm.Instance.OnClick.InvokeAsync(new MouseEventArgs());
            second = confirm.Instance.OnClick.InvokeAsync(new MouseEventArgs());
        });
        cut.WaitForAssertion(() => Assert.True(cut.Button("Confirm sale").HasAttribute("disabled")), Patience);
        SaleService.HoldCreate.SetResult();
        await Task.WhenAll(first, second);

        cut.WaitForAssertion(() => Assert.True(_result!.IsCompleted), Patience);
        var sent = Assert.Single(SaleService.Creates);
        Assert.NotNull(sent.IdempotencyKey);
        Assert.Equal(sent.IdempotencyKey, Assert.Single(SaleService.CreateScopeKeys));
    }

    [Fact]
    public async Task Confirm_ServiceRefuses_ShowsItsMessageAndStaysOpenToTryAgain()
    {
        var cut = await OpenForAppointmentAsync();
        cut.WaitForAssertion(() => Assert.Equal("60.00 GBP", Total(cut)), Patience);
        SaleService.Refusal = "This appointment was already checked out at another desk.";

        await ClickAsync(cut, "Confirm sale");

        cut.WaitForAssertion(() => Assert.Equal("This appointment was already checked out at another desk.", Dialog(cut).AlertText()), Patience);
        Assert.False(_result!.IsCompleted);
        Assert.False(cut.Button("Confirm sale").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Confirm_RetryAfterRefusal_SendsTheSameKey()
    {
        var cut = await OpenForAppointmentAsync();
        cut.WaitForAssertion(() => Assert.Equal("60.00 GBP", Total(cut)), Patience);
        SaleService.Refusal = "The card machine is offline.";
        await ClickAsync(cut, "Confirm sale");
        cut.WaitForAssertion(() => Assert.NotNull(Dialog(cut).AlertText()), Patience);

        SaleService.Refusal = null;
        await ClickAsync(cut, "Confirm sale");

        cut.WaitForAssertion(() => Assert.True(_result!.IsCompleted), Patience);
        Assert.Equal(2, SaleService.Creates.Count);
        Assert.Equal(SaleService.Creates[0].IdempotencyKey, SaleService.Creates[1].IdempotencyKey);
    }

    [Fact]
    public async Task Confirm_MembershipWithoutCode_AsksForTheCodeAndSendsNothing()
    {
        var card = await MembershipTypeAsync();
        var cut = await OpenWalkInAsync();
        await ClickAsync(cut, "Add membership");
        await ChooseAsync(cut, "Line 1 membership", "Massage card · 200.00 GBP · 5 in stock");
        PauseTyping();
        cut.WaitForAssertion(() => Assert.Equal("200.00 GBP", Total(cut)), Patience);

        await ClickAsync(cut, "Confirm sale");

        cut.WaitForAssertion(() => Assert.Equal("Type the code of the membership on line 1, or choose Generate.", Dialog(cut).AlertText()), Patience);
        Assert.Empty(SaleService.Creates);
        Assert.Equal(card.Id, SaleService.Previews[^1].Lines.Single().ItemId);
    }

    [Fact]
    public async Task Confirm_MembershipGenerated_SendsQuantityOneAndGenerate()
    {
        await MembershipTypeAsync();
        var cut = await OpenWalkInAsync();
        await ClickAsync(cut, "Add membership");
        await ChooseAsync(cut, "Line 1 membership", "Massage card · 200.00 GBP · 5 in stock");
        await ClickAsync(cut, "Generate code for line 1");
        PauseTyping();
        cut.WaitForAssertion(() => Assert.Equal("200.00 GBP", Total(cut)), Patience);

        await ClickAsync(cut, "Confirm sale");

        cut.WaitForAssertion(() => Assert.True(_result!.IsCompleted), Patience);
        var line = Assert.Single(Assert.Single(SaleService.Creates).Lines);
        Assert.Equal((SaleItemType.Membership, 1, true, (string?)null), (line.Type, line.Quantity, line.GenerateCode, line.Code));
    }
}
