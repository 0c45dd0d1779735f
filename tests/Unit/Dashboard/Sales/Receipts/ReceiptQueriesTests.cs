using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Quotes;
using FrontDesk.Dashboard.Sales.Receipts;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Sales.Receipts;

/// <summary>The receipt of a sale read from the database: client, lines, what remains on the prepaid things it used.</summary>
public sealed class ReceiptQueriesTests : IAsyncLifetime
{
    private SqliteDatabase _db = default!;
    private readonly Clinic _clinic = new();

    public async Task InitializeAsync()
    {
        _db = await SqliteDatabase.CreateAsync(A.At(7, 7));
        await _clinic.SeedAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ReceiptQueries Queries => _db.Services.GetRequiredService<ReceiptQueries>();

    [Fact]
    public async Task BuildAsync_CheckOutFromACourse_SaysHowManySessionsAreLeft()
    {
        var invoice = await ReceiptSales.CheckOutFromCourseAsync(_db, _clinic);

        var receipt = await Queries.BuildAsync(invoice);

        Assert.Contains(new ReceiptRemaining("Massage x10", "9 of 10 sessions left"), receipt!.Remaining);
        Assert.Equal((60m, -60m, 0m), (receipt.Subtotal, receipt.Credits, receipt.Total));
        Assert.Equal(ReceiptLineKind.Credit, receipt.Lines[1].Kind);
    }

    [Fact]
    public async Task BuildAsync_PaidCheckOut_NamesTheClientAndBusinessButNeverThePhone()
    {
        var invoice = await ReceiptSales.PaidMassageAsync(_db, _clinic);

        var receipt = await Queries.BuildAsync(invoice);

        Assert.Equal(("Olivia Smith", "Front Desk Live", ReceiptKind.Sale), (receipt!.ClientName, receipt.BusinessName, receipt.Kind));
        Assert.StartsWith("INV", receipt.Number, StringComparison.Ordinal); // a check-out takes the next invoice number
        Assert.DoesNotContain("07700", ReceiptEmail.Text(receipt), StringComparison.Ordinal);
        Assert.Equal([new ReceiptPayment("Card", 60m)], receipt.Payments);
    }

    [Fact]
    public async Task BuildAsync_RefundOfADiscountedLine_ShowsWhatWentBackWithTheSaleNumberAndReason()
    {
        var sales = _db.Services.GetRequiredService<FrontDesk.Dashboard.Sales.ISaleService>();
        var sale = await sales.CreateAsync(new FrontDesk.Dashboard.Sales.CreateSale(_clinic.Olivia.Id.Value, null,
            [new FrontDesk.Dashboard.Sales.SaleLineInput(FrontDesk.Dashboard.Sales.SaleItemType.Service, _clinic.Massage.Id.Value, 2,
                Discount: new FrontDesk.Dashboard.Sales.DiscountInput(FrontDesk.Dashboard.Sales.DiscountType.Percent, 10m, "Loyal client"))],
            null, null, [new PaymentLine(PaymentMethod.Card, 108m)], Callers.Desk));
        var refund = await sales.RefundAsync(new FrontDesk.Dashboard.Sales.RefundSale(sale.Id, [new FrontDesk.Dashboard.Sales.RefundLineInput(1, 1)], null, "Treatment not done", Callers.Desk));

        var receipt = await Queries.BuildAsync(refund.Id);

        Assert.Equal((ReceiptKind.Refund, "Refund", sale.Number, "Treatment not done"), (receipt!.Kind, receipt.Title, receipt.RefundOf, receipt.Reason));
        Assert.Equal((-60m, 6m, -54m), (receipt.Subtotal, receipt.Discounts, receipt.Total));
        Assert.Equal([new ReceiptPayment("Card", -54m)], receipt.Payments);
    }

    [Fact]
    public async Task BuildAsync_SaleDiscountWithReason_PrintedOnceWithItsReasonAfterTheLines()
    {
        var sales = _db.Services.GetRequiredService<FrontDesk.Dashboard.Sales.ISaleService>();
        var sale = await sales.CreateAsync(new FrontDesk.Dashboard.Sales.CreateSale(_clinic.Olivia.Id.Value, null,
            [new FrontDesk.Dashboard.Sales.SaleLineInput(FrontDesk.Dashboard.Sales.SaleItemType.Service, _clinic.Massage.Id.Value, 1,
                Discount: new FrontDesk.Dashboard.Sales.DiscountInput(FrontDesk.Dashboard.Sales.DiscountType.Amount, 5m, "Late start")),
             new FrontDesk.Dashboard.Sales.SaleLineInput(FrontDesk.Dashboard.Sales.SaleItemType.Service, _clinic.Massage.Id.Value, 1)],
            new FrontDesk.Dashboard.Sales.DiscountInput(FrontDesk.Dashboard.Sales.DiscountType.Percent, 10m, "Birthday"), null,
            [new PaymentLine(PaymentMethod.Card, 103.5m)], Callers.Desk));

        var receipt = await Queries.BuildAsync(sale.Id);

        var discounts = receipt!.Lines.Where(l => l.Kind == ReceiptLineKind.Discount).Select(l => (l.Description, l.Amount)).ToList();
        Assert.Equal([("Discount: Late start", -5m), ("Discount on the sale: Birthday", -11.5m)], discounts);
        Assert.Equal(103.5m, receipt.Total);
    }

    [Fact]
    public async Task BuildAsync_SingleServicesSold_ListsThePrepaidCreditsLeft()
    {
        var sold = await _db.Services.GetRequiredService<QuoteService>().SellServicesAsync(new SellServices(
            _clinic.Olivia.Id.Value, [_clinic.Massage.Id.Value, _clinic.Massage.Id.Value], [new PaymentLine(PaymentMethod.Card, 120m)], Callers.Desk));

        var receipt = await Queries.BuildAsync(sold.InvoiceId);

        Assert.Contains(new ReceiptRemaining("Prepaid Swedish massage", "2 sessions left"), receipt!.Remaining);
        Assert.StartsWith("INV", receipt.Number, StringComparison.Ordinal); // every sale takes an invoice number
    }

    [Fact]
    public async Task BuildAsync_TaxConfigured_ShowsIt()
    {
        await _db.Services.GetRequiredService<ReceiptSettingsService>().SaveAsync(new ReceiptSettings("1 High Street\nLeeds", "0113 496 0000", "VAT", 20m, true), Callers.Desk);
        var invoice = await ReceiptSales.PaidMassageAsync(_db, _clinic);

        var receipt = await Queries.BuildAsync(invoice);

        Assert.Equal(new ReceiptTax("VAT", 20m, true, 10m), receipt!.Tax);
        Assert.Equal(("1 High Street\nLeeds", "0113 496 0000"), (receipt.BusinessAddress, receipt.BusinessPhone));
    }

    [Fact]
    public async Task BuildAsync_UnknownSale_IsNull()
    {
        Assert.Null(await Queries.BuildAsync(Guid.NewGuid()));
    }
}

/// <summary>Sales made through the application services, for the receipt tests.</summary>
internal static class ReceiptSales
{
    /// <summary>Olivia's massage booked and checked out, paid by card; the sale's id.</summary>
    public static async Task<Guid> PaidMassageAsync(SqliteDatabase db, Clinic clinic, int hour = 9)
    {
        var booked = await db.Appointments.BookAsync(new BookAppointment(clinic.Olivia.Id.Value, clinic.Massage.Id.Value, clinic.AllDay.Id.Value, A.At(7, hour), false, null, Callers.Desk));
        await db.Appointments.CheckOutAsync(new CheckOutAppointment(booked.Id, [new PaymentLine(PaymentMethod.Card, 60m)], Callers.Desk));
        return await InvoiceOfAsync(db, booked.Id);
    }

    /// <summary>Olivia buys "Massage x10", books a massage from it and is checked out; the check-out's sale id.</summary>
    public static async Task<Guid> CheckOutFromCourseAsync(SqliteDatabase db, Clinic clinic)
    {
        var packages = db.Services.GetRequiredService<PackageService>();
        var course = await packages.CreateTemplateAsync(new SaveTemplate("Massage x10", PackageKind.Course, PackageValueType.Sessions,
            [new PackageLineView(clinic.Massage.Id.Value, 10)], [], false, 0m, 500m, 0m, true, null, null, ExpiryUnit.Days, null, Callers.Desk));
        var record = await packages.AcquireAsync(new AcquirePackage(clinic.Olivia.Id.Value, course.Id, AcquisitionMode.Paid, null, [new PaymentLine(PaymentMethod.Card, 500m)], Callers.Desk));
        var booked = await db.Appointments.BookAsync(new BookAppointment(clinic.Olivia.Id.Value, clinic.Massage.Id.Value, clinic.AllDay.Id.Value, A.At(7, 10), false, null, Callers.Desk)
        {
            PackageRecordId = record.Id,
        });
        await db.Appointments.CheckOutAsync(new CheckOutAppointment(booked.Id, [], Callers.Desk));
        return await InvoiceOfAsync(db, booked.Id);
    }

    private static Task<Guid> InvoiceOfAsync(SqliteDatabase db, Guid appointment) => db.QueryAsync(async context =>
    {
        var id = new AppointmentId(appointment);
        return (await context.Invoices.AsNoTracking().SingleAsync(i => i.AppointmentId == id)).Id.Value;
    });
}
