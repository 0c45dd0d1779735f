using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Memberships;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Unit.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Sales;

/// <summary>
/// The "Sales by day" table, the review's tiles and the live board on one seeded mix (services
/// with a tip, products, a package on account, a sale paid half now and half the next day, a
/// refund): one rule, so the same period gives the same figures whichever way it is read.
/// </summary>
public sealed class SalesByDayTests : IAsyncLifetime
{
    private static readonly DateOnly Jan5 = new(2030, 1, 5);
    private static readonly DateOnly Jan6 = new(2030, 1, 6);
    private SqliteDatabase _db = null!;
    private readonly Clinic _clinic = new();

    private ISaleService Sales => _db.Services.GetRequiredService<ISaleService>();
    private SalesReport Report => _db.Services.GetRequiredService<SalesReport>();

    public async Task InitializeAsync()
    {
        _db = await SqliteDatabase.CreateAsync(A.At(5, 8));
        await _clinic.SeedAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Guid Olivia => _clinic.Olivia.Id.Value;

    private Task<SaleView> MassageAsync(Guid? client, TipInput? tip, params PaymentLine[] payments) =>
        Sales.CreateAsync(new CreateSale(client, null, [new SaleLineInput(SaleItemType.Service, _clinic.Massage.Id.Value, ProviderId: _clinic.AllDay.Id.Value)], null, tip, payments, Callers.Desk));

    /// <summary>Half now (30 cash on the 5th), the rest the next day (30 card on the 6th).</summary>
    private async Task<SaleView> HalfNowHalfLaterAsync()
    {
        _db.Clock.SetUtcNow(A.At(5, 12));
        var sale = await MassageAsync(Olivia, null, new PaymentLine(PaymentMethod.Cash, 30m));
        _db.Clock.SetUtcNow(A.At(6, 10));
        await Sales.PayAsync(new PaySale(sale.Id, [new PaymentLine(PaymentMethod.Card, 30m)], Callers.Desk));
        return sale;
    }

    /// <summary>The 5th: a massage with a tip, cream, the half-paid massage; the 6th: its rest, a package on account, a refund of the first massage.</summary>
    private async Task SeedMixAsync()
    {
        var memberships = _db.Services.GetRequiredService<MembershipService>();
        var cream = await memberships.CreateProductAsync(new SaveProduct("Hand cream", 12.50m, null, Callers.Desk));
        await memberships.ReceiveAsync([new StockLine(cream.Id, 5)], "Supplier", Callers.Desk);
        _db.Clock.SetUtcNow(A.At(5, 10));
        var tipped = await MassageAsync(Olivia, new TipInput(5m, _clinic.AllDay.Id.Value), new PaymentLine(PaymentMethod.Card, 65m));
        _db.Clock.SetUtcNow(A.At(5, 11));
        await Sales.CreateAsync(new CreateSale(null, null, [new SaleLineInput(SaleItemType.Product, cream.Id, 2)], null, null, [new PaymentLine(PaymentMethod.Cash, 25m)], Callers.Desk));
        await HalfNowHalfLaterAsync();
        var packages = _db.Services.GetRequiredService<PackageService>();
        var course = await packages.CreateTemplateAsync(new SaveTemplate("Massage x5", PackageKind.Course, PackageValueType.Sessions,
            [new PackageLineView(_clinic.Massage.Id.Value, 5)], [], false, 0m, 250m, 0m, true, null, null, ExpiryUnit.Days, null, Callers.Desk));
        _db.Clock.SetUtcNow(A.At(6, 11));
        await packages.AcquireAsync(new AcquirePackage(_clinic.Noah.Id.Value, course.Id, AcquisitionMode.Unpaid, null, null, Callers.Desk));
        _db.Clock.SetUtcNow(A.At(6, 12));
        await Sales.RefundAsync(new RefundSale(tipped.Id, [new RefundLineInput(1, 1)], null, "Unhappy with the massage", Callers.Desk));
    }

    [Fact]
    public async Task DaysAsync_SeededMix_TotalEqualsTheTilesOfThePeriod()
    {
        await SeedMixAsync();

        var days = await Report.DaysAsync(Jan5, Jan6);
        var review = await Report.ReviewAsync(Jan5, Jan6);

        Assert.Equal(review.Current, SalesReport.Total(days));
        Assert.Equal((60m + 60m + 25m + 250m - 60m, -60m, 250m, 5m), (review.Current.Revenue.Total, review.Current.Revenue.Refunds, review.Current.Owed, review.Current.Tips));
    }

    [Fact]
    public async Task DaysAsync_SeededMix_EachDayEqualsTheTilesOfThatDay()
    {
        await SeedMixAsync();

        var days = await Report.DaysAsync(Jan5, Jan6);

        Assert.Equal((await Report.ReviewAsync(Jan5, Jan5)).Current, days[0].Figures);
        Assert.Equal((await Report.ReviewAsync(Jan6, Jan6)).Current, days[1].Figures);
    }

    [Fact]
    public async Task TotalsAsync_LiveBoardOfToday_EqualsTheReviewOfToday()
    {
        await SeedMixAsync();
        var clock = _db.Services.GetRequiredService<BusinessClock>();
        var (from, to) = clock.Range(clock.Today, 1);

        var board = await _db.Services.GetRequiredService<SalesQueries>().TotalsAsync(from, to);
        var review = (await Report.ReviewAsync(clock.Today, clock.Today)).Current;

        Assert.Equal(review.Revenue, board.Revenue);
        Assert.Equal((review.Cash, review.Card, review.Owed, review.Tips), (board.Cash, board.Card, board.Owed, board.Tips));
    }

    [Fact]
    public async Task DaysAsync_HalfPaidSale_CountsAsSoldOnItsDayWithTheBalanceOwed()
    {
        _db.Clock.SetUtcNow(A.At(5, 12));
        await MassageAsync(Olivia, null, new PaymentLine(PaymentMethod.Cash, 30m));

        var day = Assert.Single(await Report.DaysAsync(Jan5, Jan5)).Figures;

        Assert.Equal((60m, 30m, 0m, 30m), (day.Revenue.Total, day.Cash, day.Card, day.Owed));
    }

    [Fact]
    public async Task DaysAsync_RestPaidNextDay_MoneyOnThatDayRevenueStaysOnTheSaleDay()
    {
        await HalfNowHalfLaterAsync();

        var days = await Report.DaysAsync(Jan5, Jan6);

        Assert.Equal((60m, 30m, 0m, 0m), (days[0].Figures.Revenue.Total, days[0].Figures.Cash, days[0].Figures.Card, days[0].Figures.Owed));
        Assert.Equal((0m, 0m, 30m, 0m), (days[1].Figures.Revenue.Total, days[1].Figures.Cash, days[1].Figures.Card, days[1].Figures.Owed));
    }

    [Fact]
    public async Task ReportAsync_ByKind_RefundIsItsOwnNegativeRow()
    {
        await SeedMixAsync();

        var report = await Report.ReportAsync(Jan5, Jan6, SalesGrouping.Kind);

        Assert.Equal(-60m, Assert.Single(report.Rows, r => r.Label == SalesRevenue.Refunds).Amount);
        Assert.Equal(report.Current.Revenue.Total, report.Rows.Sum(r => r.Amount));
    }

    [Fact]
    public async Task DaysCsv_SeededMix_OneRowPerDayThenTheTotal()
    {
        await SeedMixAsync();
        var days = await Report.DaysAsync(Jan5, Jan6);

        var rows = SalesReport.DaysCsv(days, "GBP").TrimEnd('\n').Split('\n');

        Assert.Equal(4, rows.Length);
        Assert.StartsWith("2030-01-05,", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("total,", rows[3], StringComparison.Ordinal);
        Assert.Equal("335.00", rows[3].Split(',')[7]);
    }

    [Fact]
    public async Task ReportAsync_ByProduct_OneRowPerProductWhereverSoldWithItsRefundTakenOff()
    {
        var memberships = _db.Services.GetRequiredService<MembershipService>();
        var cream = await memberships.CreateProductAsync(new SaveProduct("Hand cream", 12.50m, null, Callers.Desk));
        await memberships.ReceiveAsync([new StockLine(cream.Id, 5)], "Supplier", Callers.Desk);
        _db.Clock.SetUtcNow(A.At(5, 10));
        var sale = await Sales.CreateAsync(new CreateSale(Olivia, null, [new SaleLineInput(SaleItemType.Product, cream.Id, 2)], null, null, [new PaymentLine(PaymentMethod.Cash, 25m)], Callers.Desk));
        await memberships.SellAsync(new SellProducts(null, null, [new SellLine(cream.Id, 1, null, false, null)], [new PaymentLine(PaymentMethod.Card, 12.50m)], Callers.Desk));
        await Sales.RefundAsync(new RefundSale(sale.Id, [new RefundLineInput(1, 1)], null, "Allergic", Callers.Desk));

        var report = await Report.ReportAsync(Jan5, Jan5, SalesGrouping.Product);

        var row = Assert.Single(report.Rows);
        Assert.Equal(("Hand cream", 25m), (row.Label, row.Amount));
    }

    [Fact]
    public async Task ReportAsync_ByKind_AMembershipTypeCountsAsMembershipsAndACreamAsProducts()
    {
        var memberships = _db.Services.GetRequiredService<MembershipService>();
        var cream = await memberships.CreateProductAsync(new SaveProduct("Hand cream", 12.50m, null, Callers.Desk));
        var pass = await memberships.CreateProductAsync(new SaveProduct("Massage pass", 100m, new MembershipTermsInput(60, FrontDesk.Domain.Memberships.ValidityStart.Sale, [_clinic.Massage.Id.Value], 5, null), Callers.Desk));
        await memberships.ReceiveAsync([new StockLine(cream.Id, 5), new StockLine(pass.Id, 1)], "Supplier", Callers.Desk);
        _db.Clock.SetUtcNow(A.At(5, 10));
        await memberships.SellAsync(new SellProducts(null, null, [new SellLine(cream.Id, 2, null, false, null), new SellLine(pass.Id, 1, "PASS-1", false, null)],
            [new PaymentLine(PaymentMethod.Card, 125m)], Callers.Desk));

        var report = await Report.ReportAsync(Jan5, Jan5, SalesGrouping.Kind);

        Assert.Equal(100m, Assert.Single(report.Rows, r => r.Label == SalesRevenue.Memberships).Amount);
        Assert.Equal(25m, Assert.Single(report.Rows, r => r.Label == SalesRevenue.Products).Amount);
    }
}
