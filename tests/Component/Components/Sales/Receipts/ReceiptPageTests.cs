using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Components.Sales.Receipts;
using FrontDesk.Dashboard.Sales.Receipts;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Components.Sales.Receipts;

/// <summary>The print page of a receipt against the clinic database: lines, totals, payments, print and email.</summary>
public sealed class ReceiptPageTests : ClinicTestContext
{
    /// <summary>Jane's massage tomorrow, checked out and paid by card; the sale's id.</summary>
    private async Task<Guid> PaidMassageAsync()
    {
        var booked = await BookJaneAsync();
        await AppointmentService.CheckOutAsync(new CheckOutAppointment(booked.Id, [new PaymentLine(PaymentMethod.Card, 60m)], TestCallers.Manager(OtherDesk)));
        await using var db = Clinic.OpenDatabase(Services);
        var id = new AppointmentId(booked.Id);
        return (await db.Invoices.AsNoTracking().SingleAsync(i => i.AppointmentId == id)).Id.Value;
    }

    private IRenderedComponent<IComponent> RenderReceipt(Guid sale)
    {
        var cut = Render(MudQueries.WithProviders<ReceiptPage>(("SaleId", sale)));
        cut.WaitForAssertion(() => Assert.DoesNotContain("Loading the receipt", cut.Markup, StringComparison.Ordinal), Patience);
        return cut;
    }

    [Fact]
    public async Task Render_PaidSale_ShowsTheLineTheTotalAndThePayment()
    {
        var cut = RenderReceipt(await PaidMassageAsync());

        Assert.True(cut.HasRole("row", "Swedish massage 60: 60.00 GBP"), cut.Markup);
        Assert.True(cut.HasRole("row", "Total: 60.00 GBP"));
        Assert.True(cut.HasRole("row", "Card: 60.00 GBP"));
        Assert.Contains("Client: Jane Cooper", cut.Role("document", $"Receipt {await LastSaleNumberAsync()}").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_TaxIncluded_ShowsTheTaxContainedUnderTheTotal()
    {
        await Services.GetRequiredService<ReceiptSettingsService>().SaveAsync(new ReceiptSettings(null, null, "VAT", 20m, true), TestCallers.Manager(OtherDesk));

        var cut = RenderReceipt(await PaidMassageAsync());

        Assert.True(cut.HasRole("row", "Includes VAT 20%: 10.00 GBP"));
    }

    [Fact]
    public async Task Print_Clicked_AsksTheBrowserToPrint()
    {
        JSInterop.SetupVoid("print");
        var cut = RenderReceipt(await PaidMassageAsync());

        await cut.Role("button", "Print").ClickAsync(new());

        JSInterop.VerifyInvoke("print");
    }

    [Fact]
    public async Task EmailReceipt_NoSmtpConfigured_SaysWhatIsMissingInline()
    {
        var cut = RenderReceipt(await PaidMassageAsync());

        await cut.Role("button", "Email receipt").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("Smtp:Host, Smtp:From are missing", cut.AlertText(), StringComparison.Ordinal), Patience);
    }

    [Fact]
    public void Render_UnknownSale_SaysSo()
    {
        var cut = RenderReceipt(Guid.NewGuid());

        Assert.Equal("No sale has that id: the receipt cannot be shown.", cut.AlertText());
    }

    [Fact]
    public async Task PdfLinks_PointAtTheScreenDownloads()
    {
        var sale = await PaidMassageAsync();
        var cut = RenderReceipt(sale);

        Assert.Equal($"/downloads/sales/{sale}/receipt.pdf?paper=a4", cut.Role("button", "Download PDF (A4)").GetAttribute("href"));
        Assert.Equal($"/downloads/sales/{sale}/receipt.pdf?paper=roll80", cut.Role("button", "Download PDF (80 mm till roll)").GetAttribute("href"));
    }

    /// <summary>The number the last sale took from the Invoice numbering sequence (a check-out takes one).</summary>
    private async Task<string> LastSaleNumberAsync()
    {
        await using var db = Clinic.OpenDatabase(Services);
        return (await db.Invoices.AsNoTracking().ToListAsync()).OrderBy(i => i.IssuedAt).Last().Number ?? throw new InvalidOperationException("The check-out took no number.");
    }
}
