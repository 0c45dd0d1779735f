using FrontDesk.Dashboard.Sales;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Unit.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Sales;

/// <summary>The manager's review on a seeded SQLite file (Europe/London, GBP).</summary>
public sealed class SalesReportTests : IAsyncLifetime
{
    private static readonly DateOnly Jan7 = new(2030, 1, 7);
    private SqliteDatabase _db = null!;
    private readonly Clinic _clinic = new();
    private readonly Service _facial = new(ServiceId.New(), "Facial", TimeSpan.FromMinutes(60), new Money(80m, "GBP"), "Skin", [], []);

    public async Task InitializeAsync()
    {
        _db = await SqliteDatabase.CreateAsync(A.At(1, 8));
        await _clinic.SeedAsync(_db);
        await _db.AddAsync(_facial);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private SalesReport Report => _db.Services.GetRequiredService<SalesReport>();

    /// <summary>An appointment at <paramref name="paidAt"/> checked out and paid at once; credits are negative lines.</summary>
    private async Task<Invoice> SellAsync(Service service, Provider provider, DateTimeOffset paidAt, PaymentMethod method, FrontDesk.Domain.Clients.Client? client = null, params InvoiceLine[] credits)
    {
        var appointment = Appointment.Book(AppointmentId.New(), (client ?? _clinic.Olivia).Id, service, provider, paidAt.AddHours(-1), A.London, true, [], null, paidAt.AddDays(-1), A.Desk);
        var invoice = Invoice.ForAppointment(InvoiceId.New(), appointment, service.Name, paidAt, credits);
        invoice.Settle(invoice.Total.IsZero ? [] : [(method, invoice.Total.Amount)], paidAt, A.Desk);
        await _db.AddAsync(appointment, invoice);
        return invoice;
    }

    private static SalesReportRow Row(SalesReportView report, string label) => Assert.Single(report.Rows, r => r.Label == label);

    [Fact]
    public async Task ReportAsync_ByProvider_SumsEachProvidersSales()
    {
        await SellAsync(_clinic.Massage, _clinic.AllDay, A.At(7, 10), PaymentMethod.Card);
        await SellAsync(_clinic.Laser, _clinic.Weekdays, A.At(7, 11), PaymentMethod.Cash);
        await SellAsync(_clinic.Massage, _clinic.Weekdays, A.At(8, 11), PaymentMethod.Cash);

        var report = await Report.ReportAsync(Jan7, Jan7.AddDays(1), SalesGrouping.Provider);

        Assert.Equal(60m, Row(report, "Alex Allday").Amount);
        Assert.Equal(150m, Row(report, "Wendy Weekday").Amount);
        Assert.Equal(2, Row(report, "Wendy Weekday").Sales);
        Assert.Equal(210m, report.Current.Revenue.Total);
    }

    [Fact]
    public async Task ReportAsync_ByService_SumsEachServiceAcrossProviders()
    {
        await SellAsync(_clinic.Massage, _clinic.AllDay, A.At(7, 10), PaymentMethod.Card);
        await SellAsync(_clinic.Massage, _clinic.Weekdays, A.At(7, 12), PaymentMethod.Card);
        await SellAsync(_clinic.Laser, _clinic.Weekdays, A.At(7, 14), PaymentMethod.Card);

        var report = await Report.ReportAsync(Jan7, Jan7, SalesGrouping.Service);

        Assert.Equal(120m, Row(report, "Swedish massage").Amount);
        Assert.Equal(90m, Row(report, "Laser hair removal").Amount);
    }

    [Fact]
    public async Task ReportAsync_ByCategory_GroupsServicesByTheirActivity()
    {
        await SellAsync(_clinic.Massage, _clinic.AllDay, A.At(7, 10), PaymentMethod.Card);
        await SellAsync(_clinic.Laser, _clinic.AllDay, A.At(7, 12), PaymentMethod.Card);
        await SellAsync(_facial, _clinic.AllDay, A.At(7, 14), PaymentMethod.Card);

        var report = await Report.ReportAsync(Jan7, Jan7, SalesGrouping.Category);

        Assert.Equal(150m, Row(report, "Massage").Amount);
        Assert.Equal(80m, Row(report, "Skin").Amount);
    }

    [Fact]
    public async Task ReportAsync_ByMethod_SumsThePaymentsOfEachMethod()
    {
        await SellAsync(_clinic.Massage, _clinic.AllDay, A.At(7, 10), PaymentMethod.Card);
        await SellAsync(_clinic.Laser, _clinic.AllDay, A.At(7, 12), PaymentMethod.Cash);
        await SellAsync(_facial, _clinic.AllDay, A.At(7, 14), PaymentMethod.Card);

        var report = await Report.ReportAsync(Jan7, Jan7, SalesGrouping.Method);

        Assert.Equal(140m, Row(report, "Card").Amount);
        Assert.Equal(90m, Row(report, "Cash").Amount);
        Assert.Equal(140m, report.Current.Card);
    }

    [Fact]
    public async Task ReportAsync_PreviousPeriod_IsTheDaysJustBeforeWithTheChange()
    {
        await SellAsync(_clinic.Massage, _clinic.AllDay, A.At(5, 10), PaymentMethod.Card); // Sat 5: previous period
        await SellAsync(_clinic.Laser, _clinic.AllDay, A.At(6, 10), PaymentMethod.Card);   // Sun 6: previous period
        await SellAsync(_clinic.Massage, _clinic.AllDay, A.At(4, 10), PaymentMethod.Card); // Fri 4: before both
        await SellAsync(_clinic.Massage, _clinic.AllDay, A.At(7, 10), PaymentMethod.Card); // Mon 7
        await SellAsync(_facial, _clinic.AllDay, A.At(8, 10), PaymentMethod.Card);         // Tue 8

        var report = await Report.ReportAsync(Jan7, Jan7.AddDays(1), SalesGrouping.Service);

        Assert.Equal((new DateOnly(2030, 1, 5), new DateOnly(2030, 1, 6)), (report.PreviousFrom, report.PreviousTo));
        Assert.Equal(150m, report.Previous.Revenue.Total);
        Assert.Equal(140m, report.Current.Revenue.Total);
        Assert.Equal(-6.7m, report.RevenueChangePercent);
        var massage = Row(report, "Swedish massage");
        Assert.Equal((60m, 60m, 0m), (massage.Amount, massage.Previous, massage.ChangePercent));
        Assert.Null(Row(report, "Facial").ChangePercent);
    }

    [Fact]
    public async Task ReportAsync_NegativeLine_SubtractsFromItsService()
    {
        var discount = new InvoiceLine("Loyalty: 10 off", _clinic.Massage.Id, 1, -10m, "GBP", InvoiceLineKind.Discount);
        await SellAsync(_clinic.Massage, _clinic.AllDay, A.At(7, 10), PaymentMethod.Card, null, discount);

        var report = await Report.ReportAsync(Jan7, Jan7, SalesGrouping.Service);

        Assert.Equal(50m, Row(report, "Swedish massage").Amount);
        Assert.Equal(50m, report.Current.Revenue.Total);
    }

    [Fact]
    public async Task ReportAsync_DayTheClocksGoForward_CountsItsOwn23Hours()
    {
        // Sunday 31 March 2030: London goes from 01:00 GMT to 02:00 BST; the day ends at 23:00 UTC.
        var day = new DateOnly(2030, 3, 31);
        await SellAsync(_clinic.Massage, _clinic.AllDay, new DateTimeOffset(2030, 3, 31, 0, 30, 0, TimeSpan.Zero), PaymentMethod.Card);  // 00:30 GMT
        await SellAsync(_clinic.Laser, _clinic.AllDay, new DateTimeOffset(2030, 3, 31, 22, 30, 0, TimeSpan.Zero), PaymentMethod.Card);  // 23:30 BST
        await SellAsync(_facial, _clinic.AllDay, new DateTimeOffset(2030, 3, 31, 23, 30, 0, TimeSpan.Zero), PaymentMethod.Card);        // 00:30 BST on 1 April

        var report = await Report.ReportAsync(day, day, SalesGrouping.Kind);
        var next = await Report.ReportAsync(day.AddDays(1), day.AddDays(1), SalesGrouping.Kind);

        Assert.Equal(150m, report.Current.Revenue.Total);
        Assert.Equal(80m, next.Current.Revenue.Total);
    }

    [Fact]
    public async Task ReportAsync_ByKind_RowsAddUpToTheRevenue()
    {
        await SellAsync(_clinic.Massage, _clinic.AllDay, A.At(7, 10), PaymentMethod.Card);
        await SellAsync(_facial, _clinic.Weekdays, A.At(7, 12), PaymentMethod.Cash);

        var report = await Report.ReportAsync(Jan7, Jan7, SalesGrouping.Kind);

        Assert.Equal(report.Current.Revenue.Total, report.Rows.Sum(r => r.Amount));
        Assert.Equal(140m, Row(report, "Services").Amount);
    }

    [Fact]
    public async Task SalesBehindAsync_ProviderRow_ListsItsSalesAddingUpToTheRow()
    {
        var first = await SellAsync(_clinic.Massage, _clinic.Weekdays, A.At(7, 10), PaymentMethod.Card, _clinic.Noah);
        var second = await SellAsync(_clinic.Laser, _clinic.Weekdays, A.At(7, 12), PaymentMethod.Cash, _clinic.Amelia);
        await SellAsync(_facial, _clinic.AllDay, A.At(7, 14), PaymentMethod.Card);
        var report = await Report.ReportAsync(Jan7, Jan7, SalesGrouping.Provider);
        var row = Row(report, "Wendy Weekday");

        var sales = await Report.SalesBehindAsync(Jan7, Jan7, SalesGrouping.Provider, row.Key);

        Assert.Equal([second.Id.Value, first.Id.Value], sales.Select(s => s.Id));
        Assert.Equal(row.Amount, sales.Sum(s => s.Amount));
        Assert.Equal(["Amelia Smith-Jones", "Noah Patel"], sales.Select(s => s.ClientName));
        Assert.Equal($"/sales/{second.Id.Value}/receipt", sales[0].ReceiptUrl);
        Assert.Equal(["Cash 90.00"], sales[0].Methods);
    }

    [Fact]
    public async Task SalesBehindAsync_MethodRow_ListsTheSalesPaidThatWay()
    {
        await SellAsync(_clinic.Massage, _clinic.AllDay, A.At(7, 10), PaymentMethod.Card);
        var cash = await SellAsync(_clinic.Laser, _clinic.AllDay, A.At(7, 12), PaymentMethod.Cash);

        var sales = await Report.SalesBehindAsync(Jan7, Jan7, SalesGrouping.Method, "Cash");

        Assert.Equal(cash.Id.Value, Assert.Single(sales).Id);
    }

    [Fact]
    public async Task ReportAsync_ToBeforeFrom_RefusedClearly()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Report.ReportAsync(Jan7, Jan7.AddDays(-1), SalesGrouping.Kind));

        Assert.Contains("must end on or after", refused.Message);
    }

    [Fact]
    public async Task ReportAsync_LongerThanMaxDays_RefusedClearly()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Report.ReportAsync(Jan7, Jan7.AddDays(SalesQueries.MaxDays), SalesGrouping.Kind));

        Assert.Contains($"at most {SalesQueries.MaxDays} days", refused.Message);
    }

    [Fact]
    public void Csv_LabelStartingLikeAFormula_IsNeutralised()
    {
        var report = new SalesReportView(Jan7, Jan7, Jan7.AddDays(-1), Jan7.AddDays(-1), "GBP", SalesPeriodFigures.Zero, SalesPeriodFigures.Zero, null, SalesGrouping.Service,
            [new SalesReportRow("x", "=HYPERLINK(\"http://evil\")", 1, 12.5m, 10m, 25m, 0m)]);

        var lines = SalesReport.Csv(report).Split('\n');

        Assert.Equal("service,sales,amount,previous_amount,change_percent,tips,currency,from,to", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://evil\"\")\",1,12.50,10.00,25.0,0.00,GBP,2030-01-07,2030-01-07", lines[1]);
    }

    [Theory]
    [InlineData("weekday")]
    [InlineData("1")]
    public void ParseGrouping_Unknown_RefusedNamingTheChoices(string value)
    {
        var refused = Assert.Throws<DomainException>(() => SalesReport.ParseGrouping(value));

        Assert.Contains("provider, service, category, method, kind, product", refused.Message);
    }
}
