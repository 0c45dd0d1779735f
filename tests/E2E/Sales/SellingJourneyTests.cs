using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Sales;

/// <summary>
/// Issue 14's "Done means", in real browsers, one week of selling at the desk: a receptionist
/// checks Ada's massage out with two hand creams, 10% off the sale, a tip for Tess and card plus
/// cash, and opens the receipt to print; Bea pays half of her facial and the rest later at another
/// desk; a quote of 5 prescribed facials is sold 2 now and 3 later; a manager refunds the creams;
/// and the manager's report for this week shows each of these in its provider, kind and payment
/// method. Everything people do is done on the screens; the API only sets the clinic up (stock,
/// the quote template, the appointments). The app's clock cannot be moved in E2E (TimeProvider.System),
/// so "the rest next week" is paid later in the same run.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class SellingJourneyTests(BrowserFixture browser, ClinicServer server) : IClassFixture<ClinicServer>
{
    private const string Cream = "E2E hand cream";
    private const decimal CreamPrice = 10m;
    private const string QuoteTemplate = "E2E facial course";
    private const decimal QuoteSessionPrice = 30m;
    private const string QuoteDescription = "Five facials prescribed for Ada";

    private static readonly ClinicService Massage = ClinicServer.Massage; // 60.00, Tess
    private static readonly ClinicService Facial = ClinicServer.Facial; // 35.00, Uma

    [Fact]
    public async Task SellingWeek_CheckOutPartPaymentQuoteAndRefund_ReceiptProfileAndWeeklyReportShowEachInItsProviderAndMethod()
    {
        using var api = server.Api;
        using var http = server.CreateClient();
        var ada = await api.CreateClientAsync("Ada Seller", "07700 900601");
        var bea = await api.CreateClientAsync("Bea Halfpay", "07700 900602");
        var creamId = await CreateProductAsync(http, Cream, CreamPrice);
        await ReceiveAsync(http, creamId, 5);
        await CreateQuoteTemplateAsync(http, QuoteTemplate, Facial, 5, QuoteSessionPrice);
        await api.BookAsync(ada.Id, Massage, ClinicServer.Tess, ClinicServer.TodayAt(new TimeOnly(9, 0)));
        await api.BookAsync(bea.Id, Facial, ClinicServer.Uma, ClinicServer.TodayAt(new TimeOnly(10, 0)));

        await using var desk = await browser.NewPersonAsync("receptionist", server.BaseAddress, StaffRole.Receptionist);
        await using var secondDesk = await browser.NewPersonAsync("receptionist-2", server.BaseAddress, StaffRole.Receptionist);
        await using var manager = await browser.NewPersonAsync("manager", server.BaseAddress, StaffRole.Manager);

        var adaSale = await CheckOutWithProductDiscountTipAndTwoMethodsAsync(desk);
        await OpenAndCheckTheReceiptAsync(desk, adaSale);
        var beaSale = await CheckOutPayingHalfAsync(desk, bea.Id);
        await PayTheRestLaterAsync(secondDesk, bea.Id, beaSale);
        await SellAQuoteTwoNowAndThreeLaterAsync(desk, ada.Id);
        await RefundTheCreamsAsync(manager, ada.Id, adaSale);
        await CheckTheWeekOnTheSalesReportAsync(manager, adaSale);
    }

    /// <summary>
    /// Step 1: Ada's massage (60.00, Tess) with 2 hand creams (2 x 10.00), 10% off the sale (8.00:
    /// 6.00 off the massage, 2.00 off the creams), a 5.00 tip for Tess: 77.00, paid 50.00 by card
    /// and the rest (27.00) in cash. Returns the sale's number.
    /// </summary>
    private static async Task<string> CheckOutWithProductDiscountTipAndTwoMethodsAsync(Person desk)
    {
        var calendar = new CalendarDesk(desk);
        await calendar.OpenAsync();
        await calendar.OpenAppointmentAsync("Ada Seller");
        await calendar.AppointmentDrawer.GetByRole(AriaRole.Button, new() { Name = "Check out", Exact = true }).ClickAsync();
        var checkOut = desk.Page.GetByRole(AriaRole.Dialog, new() { Name = "Check out · Ada Seller" });
        await Expect(checkOut.GetByLabel("Total 60.00 GBP", new() { Exact = true })).ToBeVisibleAsync();

        // The massage is line 1; a product line (line 2): two hand creams.
        await checkOut.GetByRole(AriaRole.Button, new() { Name = "Add product", Exact = true }).ClickAsync();
        await Selects.ChooseAsync(desk.Page, checkOut.GetByRole(AriaRole.Combobox, new() { Name = "Line 2 product" }), $"{Cream} · 10.00 GBP · 5 in stock");
        await FillNumberAsync(checkOut.GetByRole(AriaRole.Spinbutton, new() { Name = "Line 2 quantity" }), 2);
        await Expect(checkOut.GetByLabel("Total 80.00 GBP", new() { Exact = true })).ToBeVisibleAsync();

        // 10% off the whole sale, with a reason.
        await checkOut.GetByRole(AriaRole.Button, new() { Name = "Discount on the sale" }).ClickAsync();
        var saleDiscount = checkOut.GetByRole(AriaRole.Group, new() { Name = "Sale discount", Exact = true });
        await saleDiscount.GetByRole(AriaRole.Button, new() { Name = "Sale discount as a percent" }).ClickAsync();
        await FillNumberAsync(saleDiscount.GetByRole(AriaRole.Spinbutton, new() { Name = "Sale discount value" }), 10);
        var reason = saleDiscount.GetByRole(AriaRole.Textbox, new() { Name = "Sale discount reason" });
        await reason.FillAsync("Loyal client");
        await reason.BlurAsync();

        // A tip for Tess (the appointment's provider is who the tip is for unless changed).
        await FillNumberAsync(checkOut.GetByRole(AriaRole.Spinbutton, new() { Name = "Tip amount" }), 5);
        await Expect(checkOut.GetByRole(AriaRole.Combobox, new() { Name = "Tip provider" })).ToHaveValueAsync(ClinicServer.Tess.Name);

        // The totals as priced: 80.00 - 8.00 + 5.00 = 77.00.
        var totals = checkOut.GetByRole(AriaRole.Region, new() { Name = "Bill" });
        await Expect(checkOut.GetByLabel("Total 77.00 GBP", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(totals.Locator("dl[aria-label='Totals']")).ToContainTextAsync("Subtotal80.00 GBPDiscounts-8.00 GBPTip5.00 GBPTotal77.00 GBP");
        var lines = checkOut.GetByRole(AriaRole.Table, new() { Name = "Sale lines" });
        // Each line at what it costs after its share of the sale's discount.
        await Expect(lines.GetByRole(AriaRole.Row).Filter(new() { HasText = Massage.Name }).GetByRole(AriaRole.Cell)).ToHaveTextAsync([$"{Massage.Name} · {ClinicServer.Tess.Name}", "1", "54.00"]);
        await Expect(lines.GetByRole(AriaRole.Row).Filter(new() { HasText = Cream }).GetByRole(AriaRole.Cell)).ToHaveTextAsync([Cream, "2", "18.00"]);
        await Expect(checkOut.GetByRole(AriaRole.Spinbutton, new() { Name = "Payment 1 amount" })).ToHaveValueAsync("77.00");

        // Two methods: 50.00 by card, the rest in cash.
        await FillNumberAsync(checkOut.GetByRole(AriaRole.Spinbutton, new() { Name = "Payment 1 amount" }), 50);
        await checkOut.GetByRole(AriaRole.Button, new() { Name = "Add payment", Exact = true }).ClickAsync();
        // The added row is cash (the receipt below shows the methods as kept).
        await checkOut.GetByRole(AriaRole.Button, new() { Name = "Payment 2: the rest", Exact = true }).ClickAsync();
        await Expect(checkOut.GetByRole(AriaRole.Spinbutton, new() { Name = "Payment 2 amount" })).ToHaveValueAsync("27.00");
        await Expect(checkOut.GetByText("Paying 77.00 GBP", new() { Exact = true })).ToBeVisibleAsync();
        await desk.ScreenshotAsync("70-check-out-product-discount-tip-two-methods");

        await checkOut.GetByRole(AriaRole.Button, new() { Name = "Confirm sale" }).ClickAsync();
        await Expect(checkOut).ToBeHiddenAsync();
        await Expect(calendar.DrawerStatus).ToHaveAccessibleNameAsync("Status: Checked out");
        return await SaleNumberAsync(desk.Page, new Regex(@"Sale (\S+) confirmed: 77\.00 GBP\."));
    }

    /// <summary>Step 1, continued: the snackbar's Receipt link opens the receipt in a new tab, ready to print.</summary>
    private static async Task OpenAndCheckTheReceiptAsync(Person desk, string number)
    {
        var receiptTab = await desk.Page.RunAndWaitForPopupAsync(() =>
            desk.Page.GetByRole(AriaRole.Link, new() { Name = "Receipt", Exact = true }).ClickAsync());
        var receipt = receiptTab.GetByRole(AriaRole.Document, new() { Name = $"Receipt {number}", Exact = true });
        await Expect(receipt).ToBeVisibleAsync();
        await Expect(receipt.GetByText("Front Desk Live", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(receipt.GetByLabel("Client", new() { Exact = true })).ToHaveTextAsync("Client: Ada Seller");
        // Every row of the receipt is named "what: amount" (lines, then totals, then payments).
        foreach (var row in new[]
                 {
                     $"{Massage.Name}: 60.00 GBP", $"{Cream}: 20.00 GBP", "Discount on the sale: Loyal client: -8.00 GBP",
                     "Subtotal: 80.00 GBP", "Discounts: -8.00 GBP", "Tip: 5.00 GBP", "Total: 77.00 GBP",
                     "Card: 50.00 GBP", "Cash: 27.00 GBP",
                 })
        {
            await Expect(receipt.GetByRole(AriaRole.Row, new() { Name = row, Exact = true })).ToBeVisibleAsync();
        }
        await Expect(receipt.GetByRole(AriaRole.Row, new() { Name = $"{Cream}: 20.00 GBP", Exact = true }).GetByRole(AriaRole.Cell))
            .ToHaveTextAsync([Cream, "2", "10.00 GBP", "20.00 GBP"]);
        await Expect(receipt.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("^Balance owed") })).ToHaveCountAsync(0);
        // Printing is the browser's own dialog: the button is there, it is not pressed.
        await Expect(receiptTab.GetByRole(AriaRole.Toolbar, new() { Name = "Receipt actions" }).GetByRole(AriaRole.Button, new() { Name = "Print", Exact = true })).ToBeEnabledAsync();
        await Artifacts.ScreenshotAsync(receiptTab, "71-receipt-receptionist");
        await receiptTab.CloseAsync();
    }

    /// <summary>Step 2: Bea's facial (35.00, Uma): she pays half (17.50 by card) and owes the other half.</summary>
    private static async Task<string> CheckOutPayingHalfAsync(Person desk, Guid beaId)
    {
        var calendar = new CalendarDesk(desk);
        await calendar.OpenAsync();
        await calendar.OpenAppointmentAsync("Bea Halfpay");
        await calendar.AppointmentDrawer.GetByRole(AriaRole.Button, new() { Name = "Check out", Exact = true }).ClickAsync();
        var checkOut = desk.Page.GetByRole(AriaRole.Dialog, new() { Name = "Check out · Bea Halfpay" });
        await Expect(checkOut.GetByLabel("Total 35.00 GBP", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(checkOut.GetByRole(AriaRole.Spinbutton, new() { Name = "Payment 1 amount" })).ToHaveValueAsync("35.00");
        await FillNumberAsync(checkOut.GetByRole(AriaRole.Spinbutton, new() { Name = "Payment 1 amount" }), 17.50m);
        await Expect(checkOut.GetByText("Paying 17.50 GBP · The client will owe 17.50 GBP", new() { Exact = true })).ToBeVisibleAsync();
        await desk.ScreenshotAsync("72-check-out-paying-half");
        await checkOut.GetByRole(AriaRole.Button, new() { Name = "Confirm sale" }).ClickAsync();
        await Expect(checkOut).ToBeHiddenAsync();
        var number = await SaleNumberAsync(desk.Page, new Regex(@"Sale (\S+) confirmed: 35\.00 GBP\. Bea Halfpay owes 17\.50 GBP\."));

        // Her profile says what she owes, on which sale.
        await calendar.AppointmentDrawer.GetByRole(AriaRole.Link, new() { Name = "Bea Halfpay: open client profile" }).ClickAsync();
        await Expect(desk.Page).ToHaveURLAsync(new Regex($"/clients/{beaId}$"));
        var owed = desk.Page.GetByRole(AriaRole.Region, new() { Name = "What is owed", Exact = true });
        var row = owed.GetByRole(AriaRole.Table, new() { Name = "Open sales" }).GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Expect(row.GetByRole(AriaRole.Cell)).ToHaveTextAsync(new Regex[] { new($"^{Regex.Escape(number)}$"), new(@"\d{4}$"), new("^35.00 GBP$"), new("^17.50 GBP$"), new("^17.50 GBP$"), new("Take payment") });
        await Expect(desk.Page.GetByRole(AriaRole.Region, new() { Name = "Contact details" })).ToContainTextAsync("Owes17.50 GBP");
        await desk.ScreenshotAsync("73-profile-what-is-owed");
        return number;
    }

    /// <summary>Step 2, continued: later, at another desk, Bea pays the rest in cash; nothing is owed any more.</summary>
    private static async Task PayTheRestLaterAsync(Person desk, Guid beaId, string number)
    {
        await OpenAsync(desk.Page, $"/clients/{beaId}");
        var owed = desk.Page.GetByRole(AriaRole.Region, new() { Name = "What is owed", Exact = true });
        await owed.GetByRole(AriaRole.Button, new() { Name = $"Take payment for {number}", Exact = true }).ClickAsync();
        var dialog = desk.Page.GetByRole(AriaRole.Dialog, new() { Name = $"Take payment · {number}" });
        await Expect(dialog).ToContainTextAsync("Bea Halfpay owes 17.50 GBP of 35.00 GBP.");
        await Expect(dialog.GetByRole(AriaRole.Spinbutton, new() { Name = "Payment 1 amount" })).ToHaveValueAsync("17.50");
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Payment 1 method" }).ClickAsync();
        await desk.Page.GetByRole(AriaRole.Option, new() { Name = "Cash", Exact = true }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Take payment", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(desk.Page.GetByText($"Payment taken on {number}: 17.50 GBP. Paid in full.")).ToBeVisibleAsync();
        await Expect(owed).ToContainTextAsync("Nothing is owed.");
        await Expect(desk.Page.GetByRole(AriaRole.Region, new() { Name = "Contact details" })).ToContainTextAsync("OwesNothing");
        await desk.ScreenshotAsync("74-rest-paid-later");
    }

    /// <summary>
    /// Step 4: on Ada's profile the receptionist adds a quote from the template (5 facials at 30.00),
    /// confirms it, sells 2 (60.00 by card), later the other 3 (90.00 in cash): prescribed 5, sold 5,
    /// remaining 0, and nothing more can be sold from it.
    /// </summary>
    private static async Task SellAQuoteTwoNowAndThreeLaterAsync(Person desk, Guid adaId)
    {
        await OpenAsync(desk.Page, $"/clients/{adaId}");
        var quotes = desk.Page.GetByRole(AriaRole.Region, new() { Name = "Quotes and prepaid services" });
        await quotes.GetByRole(AriaRole.Button, new() { Name = "Add quote", Exact = true }).ClickAsync();
        var form = quotes.GetByRole(AriaRole.Form, new() { Name = "New quote" });
        await form.GetByRole(AriaRole.Combobox, new() { Name = "Quote template" }).ClickAsync();
        await desk.Page.GetByRole(AriaRole.Option, new() { Name = QuoteTemplate, Exact = true }).ClickAsync();
        // The template fills the expiry (start, today, plus its 90 days of validity).
        var expiry = ClinicServer.Today.AddDays(90).ToDateTime(TimeOnly.MinValue).ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        await Expect(form.GetByRole(AriaRole.Textbox, new() { Name = "Expiry date" })).ToHaveValueAsync(expiry);
        var description = form.GetByRole(AriaRole.Textbox, new() { Name = "Description" });
        await description.FillAsync(QuoteDescription);
        await description.BlurAsync();
        await Expect(description).ToHaveValueAsync(QuoteDescription);
        await form.GetByRole(AriaRole.Button, new() { Name = "OK", Exact = true }).ClickAsync();
        await Expect(quotes.GetByRole(AriaRole.Status)).ToHaveTextAsync("Quote added as a draft: confirm it to sell from it.");

        var label = $"Quote: {QuoteDescription}";
        var quote = quotes.GetByRole(AriaRole.Article, new() { Name = label, Exact = true });
        // The quote's item: service, price, prescribed, sold, remaining.
        var item = quote.GetByRole(AriaRole.Row).Filter(new() { HasText = Facial.Name });
        await Expect(item.GetByRole(AriaRole.Cell)).ToHaveTextAsync([Facial.Name, "30.00 GBP", "5", "0", "5"]);
        await Expect(quote.GetByRole(AriaRole.Button, new() { Name = $"Sell from {label}" })).ToHaveCountAsync(0);
        await quote.GetByRole(AriaRole.Button, new() { Name = $"Confirm {label}", Exact = true }).ClickAsync();
        await Expect(quotes.GetByRole(AriaRole.Status)).ToHaveTextAsync("Quote confirmed.");

        // Two now, by card.
        await quote.GetByRole(AriaRole.Button, new() { Name = $"Sell from {label}", Exact = true }).ClickAsync();
        await FillNumberAsync(quote.GetByRole(AriaRole.Spinbutton, new() { Name = $"Quantity of {Facial.Name} to sell" }), 2);
        await Expect(quote.GetByRole(AriaRole.Spinbutton, new() { Name = "Payment 1 amount" })).ToHaveValueAsync("60.00");
        await Expect(quote.GetByRole(AriaRole.Combobox, new() { Name = "Payment 1 method" })).ToContainTextAsync("Card");
        await Expect(quote).ToContainTextAsync("Due 60.00 GBP · paying 60.00 GBP");
        await quote.GetByRole(AriaRole.Button, new() { Name = "Take payment and sell", Exact = true }).ClickAsync();
        await Expect(quotes.GetByRole(AriaRole.Status)).ToHaveTextAsync("Sold 2 prepaid services for 60.00 GBP.");
        await Expect(item.GetByRole(AriaRole.Cell)).ToHaveTextAsync([Facial.Name, "30.00 GBP", "5", "2", "3"]);
        await desk.ScreenshotAsync("75-quote-two-sold");

        // The other three later, in cash.
        await quote.GetByRole(AriaRole.Button, new() { Name = $"Sell from {label}", Exact = true }).ClickAsync();
        await FillNumberAsync(quote.GetByRole(AriaRole.Spinbutton, new() { Name = $"Quantity of {Facial.Name} to sell" }), 3);
        await Expect(quote.GetByRole(AriaRole.Spinbutton, new() { Name = "Payment 1 amount" })).ToHaveValueAsync("90.00");
        await Selects.ChooseAsync(desk.Page, quote.GetByRole(AriaRole.Combobox, new() { Name = "Payment 1 method" }), "Cash");
        await Expect(quote).ToContainTextAsync("Due 90.00 GBP · paying 90.00 GBP");
        await quote.GetByRole(AriaRole.Button, new() { Name = "Take payment and sell", Exact = true }).ClickAsync();
        await Expect(quotes.GetByRole(AriaRole.Status)).ToHaveTextAsync("Sold 3 prepaid services for 90.00 GBP.");
        await Expect(item.GetByRole(AriaRole.Cell)).ToHaveTextAsync([Facial.Name, "30.00 GBP", "5", "5", "0"]);
        // Nothing remains: the quote offers no more selling; the five prepaid facials are Ada's.
        await Expect(quote.GetByRole(AriaRole.Button, new() { Name = $"Sell from {label}" })).ToHaveCountAsync(0);
        await Expect(quotes.GetByRole(AriaRole.Row).Filter(new() { HasText = "Available" }).Filter(new() { HasText = Facial.Name })).ToHaveCountAsync(5);
        await desk.ScreenshotAsync("76-quote-all-sold");
    }

    /// <summary>
    /// Step 3: a manager refunds one line of Ada's sale, the two hand creams (20.00 less their
    /// 2.00 share of the discount: 18.00), from the Sales section of her profile; the money goes
    /// back the way it was paid, cash first.
    /// </summary>
    private static async Task RefundTheCreamsAsync(Person manager, Guid adaId, string number)
    {
        await OpenAsync(manager.Page, $"/clients/{adaId}");
        var sales = manager.Page.GetByRole(AriaRole.Region, new() { Name = "Sales", Exact = true });
        await sales.GetByRole(AriaRole.Button, new() { Name = $"Refund {number}", Exact = true }).ClickAsync();
        var dialog = manager.Page.GetByRole(AriaRole.Dialog, new() { Name = $"Refund · {number}" });
        await FillNumberAsync(dialog.GetByRole(AriaRole.Spinbutton, new() { Name = "Refund quantity of line 2" }), 2);
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Refund reason" }).FillAsync("Allergic to the cream");
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Refund reason" }).BlurAsync();
        // The creams' value after their share of the discount, all of it back as money (the sale was paid).
        await Expect(dialog).ToContainTextAsync("Refunding 18.00 GBP of the lines' value; about 18.00 GBP goes back as money");
        await manager.ScreenshotAsync("77-refund-one-line");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Refund", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        var refund = await SaleNumberAsync(manager.Page, new Regex($@"Refund (\S+) of {Regex.Escape(number)}: 18\.00 GBP\."));

        var refundTab = await manager.Page.RunAndWaitForPopupAsync(() =>
            manager.Page.GetByRole(AriaRole.Link, new() { Name = "Receipt", Exact = true }).ClickAsync());
        var document = refundTab.GetByRole(AriaRole.Document, new() { Name = $"Refund {refund}", Exact = true });
        await Expect(document).ToContainTextAsync($"Refund of receipt {number}");
        await Expect(document.GetByRole(AriaRole.Row, new() { Name = "Total refunded: -18.00 GBP", Exact = true })).ToBeVisibleAsync();
        await Expect(document.GetByRole(AriaRole.Row, new() { Name = "Cash: -18.00 GBP", Exact = true })).ToBeVisibleAsync();
        await refundTab.CloseAsync();
    }

    /// <summary>
    /// Step 5: the manager's report for this week. Revenue: Tess 54.00 over two documents (Ada's
    /// sale: massage 54.00 and creams 18.00, both after their discount share, sold at her
    /// appointment with Tess; the refund of the creams, -18.00; the tip 5.00 beside it, not
    /// revenue), Uma 35.00 (Bea's facial, counted once paid in full), no provider 150.00 (the
    /// quote's credits, 60.00 + 90.00, sold from the profile). Money by method:
    /// card 50.00 + 17.50 + 60.00 = 127.50; cash 27.00 + 17.50 + 90.00 - 18.00 = 116.50.
    /// </summary>
    private static async Task CheckTheWeekOnTheSalesReportAsync(Person manager, string adaSale)
    {
        await OpenAsync(manager.Page, "/sales");
        var period = manager.Page.GetByRole(AriaRole.Group, new() { Name = "Period", Exact = true });
        await period.GetByRole(AriaRole.Button, new() { Name = "This week", Exact = true }).ClickAsync();
        await Expect(period.GetByRole(AriaRole.Button, new() { Name = "This week", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(manager.Page.GetByRole(AriaRole.Heading, new() { Name = "Sales report", Exact = true })).ToBeVisibleAsync();

        var figures = manager.Page.GetByRole(AriaRole.Group, new() { Name = "Figures for the period" });
        await Expect(figures.GetByRole(AriaRole.Group, new() { Name = "Revenue: 239.00 GBP", Exact = true })).ToBeVisibleAsync();
        await Expect(figures.GetByRole(AriaRole.Group, new() { Name = "Tips (not revenue): 5.00 GBP", Exact = true })).ToBeVisibleAsync();
        await Expect(figures.GetByRole(AriaRole.Group, new() { Name = "Quote sales: 150.00 GBP", Exact = true })).ToBeVisibleAsync();
        await Expect(figures.GetByRole(AriaRole.Group, new() { Name = "Cash / card: 116.50 / 127.50", Exact = true })).ToBeVisibleAsync();

        // Provider: sales, amount, previous period, change, tips.
        var byProvider = manager.Page.GetByRole(AriaRole.Table, new() { Name = "By provider", Exact = true });
        await ExpectRowAsync(byProvider, ClinicServer.Tess.Name, "2", "54.00", "0.00", "new", "5.00");
        await ExpectRowAsync(byProvider, ClinicServer.Uma.Name, "1", "35.00", "0.00", "new", "0.00");
        await ExpectRowAsync(byProvider, "No provider", "2", "150.00", "0.00", "new", "0.00");

        // Payment method: payments (documents), amount; the refund's cash counts against cash.
        var byMethod = manager.Page.GetByRole(AriaRole.Table, new() { Name = "By payment method", Exact = true });
        await ExpectRowAsync(byMethod, "Card", "3", "127.50", "0.00", "new");
        await ExpectRowAsync(byMethod, "Cash", "4", "116.50", "0.00", "new");

        // Kind: the creams count as sold (18.00 after their discount share) and their refund as a
        // refund of its own (-18.00); the quote is its own kind.
        var byKind = manager.Page.GetByRole(AriaRole.Table, new() { Name = "By kind", Exact = true });
        await ExpectRowAsync(byKind, "Services", "2", "89.00", "0.00", "new");
        await ExpectRowAsync(byKind, "Quote sales", "2", "150.00", "0.00", "new");
        await ExpectRowAsync(byKind, "Products", "1", "18.00", "0.00", "new");
        await ExpectRowAsync(byKind, "Refunds", "1", "-18.00", "0.00", "new");
        await manager.ScreenshotAsync("78-sales-report-this-week");

        // The sales behind Tess's row: Ada's sale (72.00 of it is Tess's row) and the refund of the creams.
        await byProvider.GetByRole(AriaRole.Button, new() { Name = $"Show the sales of {ClinicServer.Tess.Name}", Exact = true }).ClickAsync();
        var behind = manager.Page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Sales behind " + Regex.Escape(ClinicServer.Tess.Name)) });
        await Expect(behind.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ada Seller" })).ToHaveCountAsync(2);
        await Expect(behind.GetByRole(AriaRole.Row).Filter(new() { Has = manager.Page.GetByRole(AriaRole.Link, new() { Name = $"Receipt {adaSale}", Exact = true }) }))
            .ToContainTextAsync("72.00");
        await Expect(behind.GetByRole(AriaRole.Row).Filter(new() { HasText = "Refund:" })).ToContainTextAsync("-18.00");
        await manager.ScreenshotAsync("79-sales-behind-tess");
    }

    /// <summary>A breakdown's row, by its first cell's button ("Show the sales of X"), cell by cell.</summary>
    private static Task ExpectRowAsync(ILocator table, string label, params string[] cells) =>
        Expect(table.GetByRole(AriaRole.Row).Filter(new() { Has = table.Page.GetByRole(AriaRole.Button, new() { Name = $"Show the sales of {label}", Exact = true }) })
            .GetByRole(AriaRole.Cell)).ToHaveTextAsync([label, .. cells]);

    /// <summary>The number of the sale a snackbar announces (the first group of <paramref name="message"/>).</summary>
    private static async Task<string> SaleNumberAsync(IPage page, Regex message)
    {
        var text = page.GetByText(message);
        await Expect(text).ToBeVisibleAsync();
        var match = message.Match(await text.InnerTextAsync());
        Assert.True(match.Success, $"The snackbar says: {await text.InnerTextAsync()}");
        return match.Groups[1].Value;
    }

    /// <summary>Types a number and leaves the field, as the numeric fields take their value on change.</summary>
    private static async Task FillNumberAsync(ILocator field, decimal value)
    {
        await field.FillAsync(value.ToString(value == decimal.Truncate(value) ? "0" : "0.00", CultureInfo.InvariantCulture));
        await field.BlurAsync();
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await Expect(page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();
    }

    private static async Task<Guid> CreateProductAsync(HttpClient http, string name, decimal price)
    {
        using var created = await http.PostAsJsonAsync("api/v1/products", new { name, price, isMembership = false });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task ReceiveAsync(HttpClient http, Guid productId, int quantity)
    {
        using var arrived = await http.PostAsJsonAsync("api/v1/inventory/arrivals", new { lines = new[] { new { productId, quantity } } });
        Assert.True(arrived.IsSuccessStatusCode, await arrived.Content.ReadAsStringAsync());
    }

    private static async Task CreateQuoteTemplateAsync(HttpClient http, string name, ClinicService service, int quantity, decimal price)
    {
        using var created = await http.PostAsJsonAsync("api/v1/quote-templates", new { name, items = new[] { new { serviceId = service.Id, quantity, price } }, validityDays = 90 });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
    }
}
