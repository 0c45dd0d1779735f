using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Memberships;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Memberships;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Sales;

/// <summary>The sale service against a real SQLite file: sales, check-outs, later payments, refunds.</summary>
public sealed class SaleServiceTests : IAsyncLifetime
{
    private static readonly Caller Receptionist = Caller.Staff("rec-1", "Rita", StaffRole.Receptionist);
    private SqliteDatabase _db = null!;
    private readonly Clinic _clinic = new();

    private ISaleService Sales => _db.Services.GetRequiredService<ISaleService>();
    private MembershipService Memberships => _db.Services.GetRequiredService<MembershipService>();

    public async Task InitializeAsync()
    {
        _db = await SqliteDatabase.CreateAsync(A.At(7, 7));
        await _clinic.SeedAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Guid Olivia => _clinic.Olivia.Id.Value;

    private async Task<ProductView> CreamAsync(int stock)
    {
        var product = await Memberships.CreateProductAsync(new SaveProduct("Hand cream", 12.50m, null, Callers.Desk));
        await Memberships.ReceiveAsync([new StockLine(product.Id, stock)], "Supplier", Callers.Desk);
        return product;
    }

    private async Task<AppointmentView> BookAsync(Guid? recordId = null)
    {
        var start = A.At(7, 10);
        var booked = await _db.Appointments.BookAsync(new BookAppointment(Olivia, _clinic.Massage.Id.Value, _clinic.AllDay.Id.Value, start, false, null, Callers.Desk) { PackageRecordId = recordId });
        _db.Clock.SetUtcNow(start.AddMinutes(50));
        return booked;
    }

    private static CreateSale Sale(Guid? client, IReadOnlyList<SaleLineInput> lines, params PaymentLine[] payments) =>
        new(client, null, lines, null, null, payments, Callers.Desk);

    [Fact]
    public async Task CreateAsync_ProductLine_StockDownNumberedAndRevenueCountedOnce()
    {
        var cream = await CreamAsync(stock: 5);

        var sale = await Sales.CreateAsync(Sale(null, [new SaleLineInput(SaleItemType.Product, cream.Id, 2)], new PaymentLine(PaymentMethod.Card, 25m)));

        Assert.Equal("INV0001", sale.Number);
        Assert.True(sale.IsPaid);
        var product = await _db.Services.GetRequiredService<MembershipQueries>().ProductAsync(cream.Id);
        Assert.Equal(3, product!.Stock);
        var (from, to) = (A.At(7, 0), A.At(8, 0));
        var totals = await _db.Services.GetRequiredService<SalesQueries>().TotalsAsync(from, to);
        Assert.Equal(25m, totals.Revenue.Products);
        Assert.Equal(25m, totals.Card);
    }

    [Fact]
    public async Task CreateAsync_TooFewInStock_RefusedAndNothingSaved()
    {
        var cream = await CreamAsync(stock: 1);
        var before = DatabaseFingerprint.Of(_db.FilePath);

        await Assert.ThrowsAsync<DomainException>(() => Sales.CreateAsync(Sale(null, [new SaleLineInput(SaleItemType.Product, cream.Id, 2)], new PaymentLine(PaymentMethod.Card, 25m))));

        Assert.Equal(before, DatabaseFingerprint.Of(_db.FilePath));
    }

    [Fact]
    public async Task CreateAsync_AppointmentPartlyPaid_CompletedAndBalanceOwedOnProfile()
    {
        var booked = await BookAsync();

        var sale = await Sales.CreateAsync(new CreateSale(null, booked.Id, [], null, null, [new PaymentLine(PaymentMethod.Card, 20m)], Callers.Desk));

        Assert.Equal(40m, sale.Balance);
        var appointment = await _db.Calendar.FindAsync(booked.Id);
        Assert.Equal(FrontDesk.Domain.Calendar.AppointmentStatus.Completed, appointment!.Status);
        var file = await _db.Services.GetRequiredService<ClientFileQueries>().FileAsync(Olivia);
        Assert.Equal(40m, file!.Owed);
        Assert.Single(await Sales.OpenForClientAsync(Olivia));
    }

    [Fact]
    public async Task PayAsync_RestNextWeek_SalePaid()
    {
        var sale = await Sales.CreateAsync(Sale(Olivia, [new SaleLineInput(SaleItemType.Service, _clinic.Massage.Id.Value)], new PaymentLine(PaymentMethod.Cash, 30m)));
        _db.Clock.Advance(TimeSpan.FromDays(7));

        var paid = await Sales.PayAsync(new PaySale(sale.Id, [new PaymentLine(PaymentMethod.Card, 30m)], Callers.Desk));

        Assert.True(paid.IsPaid);
        Assert.Empty(await Sales.OpenForClientAsync(Olivia));
    }

    [Fact]
    public async Task CreateAsync_WalkInPartlyPaid_RefusedAndNothingSaved()
    {
        var before = DatabaseFingerprint.Of(_db.FilePath);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Sales.CreateAsync(Sale(null, [new SaleLineInput(SaleItemType.Service, _clinic.Massage.Id.Value)], new PaymentLine(PaymentMethod.Cash, 30m))));

        Assert.Equal(DomainErrorKind.RuleBroken, refused.Kind);
        Assert.Equal(before, DatabaseFingerprint.Of(_db.FilePath));
    }

    [Fact]
    public async Task RefundAsync_AppointmentPaidFromPackage_SessionGivenBackInLedger()
    {
        var packages = _db.Services.GetRequiredService<PackageService>();
        var template = await packages.CreateTemplateAsync(new SaveTemplate("Massage x5", PackageKind.Course, PackageValueType.Sessions,
            [new PackageLineView(_clinic.Massage.Id.Value, 5)], [], false, 0m, 250m, 0m, true, null, null, ExpiryUnit.Days, null, Callers.Desk));
        var record = await packages.AcquireAsync(new AcquirePackage(Olivia, template.Id, AcquisitionMode.Paid, null, [new PaymentLine(PaymentMethod.Card, 250m)], Callers.Desk));
        var booked = await BookAsync(record.Id);
        var sale = await Sales.CreateAsync(new CreateSale(null, booked.Id, [], null, null, [], Callers.Desk));

        var refund = await Sales.RefundAsync(new RefundSale(sale.Id, [new RefundLineInput(1, 1)], null, "Treatment not done", Callers.Desk));

        Assert.Equal(SaleKind.Refund, refund.Kind);
        Assert.Equal(0m, refund.Total);
        await using var db = await _db.Services.GetRequiredService<IDbContextFactory<FrontDesk.Dashboard.Data.DashboardDbContext>>().CreateDbContextAsync();
        var after = await db.PackageRecords.AsNoTracking().SingleAsync(r => r.Id == new PackageRecordId(record.Id));
        Assert.Equal(5m, after.Available);
        Assert.Equal(0m, after.Used);
        Assert.Equal(after.Ledger.Sum(e => e.UsedDelta), after.Used);
        Assert.Contains(after.Ledger, e => e.Kind == LedgerKind.Release && e.Note.Contains("refunded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefundAsync_Product_StockBackAndMoneyBack()
    {
        var cream = await CreamAsync(stock: 5);
        var sale = await Sales.CreateAsync(Sale(null, [new SaleLineInput(SaleItemType.Product, cream.Id, 2)], new PaymentLine(PaymentMethod.Cash, 25m)));

        var refund = await Sales.RefundAsync(new RefundSale(sale.Id, [new RefundLineInput(1, 1)], null, "Allergy", Callers.Desk));

        Assert.Equal(-12.50m, refund.Paid);
        Assert.Equal(4, (await _db.Services.GetRequiredService<MembershipQueries>().ProductAsync(cream.Id))!.Stock);
        Assert.Equal(1, (await Sales.FindAsync(sale.Id))!.Lines[0].RefundedQuantity);
    }

    [Fact]
    public async Task RefundAsync_Receptionist_ForbiddenAndNothingSaved()
    {
        var cream = await CreamAsync(stock: 5);
        var sale = await Sales.CreateAsync(Sale(null, [new SaleLineInput(SaleItemType.Product, cream.Id, 1)], new PaymentLine(PaymentMethod.Cash, 12.50m)));
        var before = DatabaseFingerprint.Of(_db.FilePath);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Sales.RefundAsync(new RefundSale(sale.Id, [new RefundLineInput(1, 1)], null, "Allergy", Receptionist)));

        Assert.Equal(DomainErrorKind.Forbidden, refused.Kind);
        Assert.Equal(before, DatabaseFingerprint.Of(_db.FilePath));
    }

    [Fact]
    public async Task RefundAsync_MembershipWithVisitUsed_RefusedAndNothingSaved()
    {
        var type = await Memberships.CreateProductAsync(new SaveProduct("Massage x5", 200m, new MembershipTermsInput(30, ValidityStart.Sale, [_clinic.Massage.Id.Value], 5, null), Callers.Desk));
        await Memberships.ReceiveAsync([new StockLine(type.Id, 2)], "Printer", Callers.Desk);
        var sale = await Sales.CreateAsync(Sale(Olivia, [new SaleLineInput(SaleItemType.Membership, type.Id, Code: "OLIVIA-1")], new PaymentLine(PaymentMethod.Card, 200m)));
        var booked = await BookAsync();
        await Memberships.UseAsync("OLIVIA-1", booked.Id, Callers.Desk);
        var before = DatabaseFingerprint.Of(_db.FilePath);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Sales.RefundAsync(new RefundSale(sale.Id, [new RefundLineInput(1, 1)], null, "Changed mind", Callers.Desk)));

        Assert.Contains("visit", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, DatabaseFingerprint.Of(_db.FilePath));
    }

    [Fact]
    public async Task CreateAsync_DuplicateMembershipCode_ConflictAndNothingSaved()
    {
        var type = await Memberships.CreateProductAsync(new SaveProduct("Massage x5", 200m, new MembershipTermsInput(30, ValidityStart.Sale, [_clinic.Massage.Id.Value], 5, null), Callers.Desk));
        await Memberships.ReceiveAsync([new StockLine(type.Id, 2)], "Printer", Callers.Desk);
        await Sales.CreateAsync(Sale(Olivia, [new SaleLineInput(SaleItemType.Membership, type.Id, Code: "GIFT-1")], new PaymentLine(PaymentMethod.Card, 200m)));
        var before = DatabaseFingerprint.Of(_db.FilePath);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Sales.CreateAsync(Sale(Olivia, [new SaleLineInput(SaleItemType.Membership, type.Id, Code: "gift-1")], new PaymentLine(PaymentMethod.Card, 200m))));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Equal(before, DatabaseFingerprint.Of(_db.FilePath));
    }

    [Fact]
    public async Task CreateAsync_Sale_PublishedLiveForTheSalesScreen()
    {
        var sale = await Sales.CreateAsync(Sale(Olivia, [new SaleLineInput(SaleItemType.Service, _clinic.Massage.Id.Value)], new PaymentLine(PaymentMethod.Card, 60m)));

        Assert.Contains(_db.Feed.Published, e => e is SaleRecordedLive s && s.Sale.Id == sale.Id);
    }

    [Fact]
    public async Task PreviewAsync_Discounted_PricedAndNothingSaved()
    {
        var before = DatabaseFingerprint.Of(_db.FilePath);

        var preview = await Sales.PreviewAsync(new CreateSale(Olivia, null, [new SaleLineInput(SaleItemType.Service, _clinic.Massage.Id.Value)], new DiscountInput(DiscountType.Percent, 10m, "Loyal"), null, [], Callers.Desk));

        Assert.Equal(54m, preview.Total);
        Assert.Equal(-6m, preview.Discounts);
        Assert.Equal(before, DatabaseFingerprint.Of(_db.FilePath));
    }

    [Fact]
    public async Task ForClientAsync_SaleThenRefundOfOneLine_NewestFirstWithWhatWasRefunded()
    {
        var sale = await Sales.CreateAsync(Sale(Olivia, [new SaleLineInput(SaleItemType.Service, _clinic.Massage.Id.Value), new SaleLineInput(SaleItemType.Service, _clinic.Laser.Id.Value)],
            new PaymentLine(PaymentMethod.Card, 60m + _clinic.Laser.Price.Amount)));
        _db.Clock.Advance(TimeSpan.FromHours(1));
        var refund = await Sales.RefundAsync(new RefundSale(sale.Id, [new RefundLineInput(1, 1)], null, "Treatment not done", Callers.Desk));

        var page = await Sales.ForClientAsync(Olivia, 10);

        Assert.Equal([refund.Id, sale.Id], page.Sales.Select(s => s.Id));
        Assert.False(page.More);
        Assert.Equal(sale.Number, page.Sales[0].RefundOfNumber);
        Assert.Equal([1, 0], page.Sales[1].Lines.Select(l => l.RefundedQuantity));
        Assert.Equal(60m, page.Sales[1].MoneyBack);
    }

    [Fact]
    public async Task ForClientAsync_MoreThanTheLimit_NewestOnlyAndSaysThereIsMore()
    {
        var sales = new List<SaleView>();
        for (var i = 0; i < 3; i++)
        {
            sales.Add(await Sales.CreateAsync(Sale(Olivia, [new SaleLineInput(SaleItemType.Service, _clinic.Massage.Id.Value)], new PaymentLine(PaymentMethod.Card, 60m))));
            _db.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        var page = await Sales.ForClientAsync(Olivia, 2);

        Assert.Equal([sales[2].Id, sales[1].Id], page.Sales.Select(s => s.Id));
        Assert.True(page.More);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ClientSalesPage.MaxLimit + 1)]
    public async Task ForClientAsync_LimitOutOfBounds_RefusedAsOutOfRange(int limit)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Sales.ForClientAsync(Olivia, limit));

        Assert.Equal(DomainErrorKind.OutOfRange, refused.Kind);
    }

    [Fact]
    public async Task ForClientAsync_UnknownClient_NotFound()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Sales.ForClientAsync(Guid.NewGuid(), 10));

        Assert.Equal(DomainErrorKind.NotFound, refused.Kind);
    }

    [Fact]
    public async Task FindAsync_AppointmentPaidFromPackage_ServiceLineShowsWhatTheCreditPaid()
    {
        var packages = _db.Services.GetRequiredService<PackageService>();
        var template = await packages.CreateTemplateAsync(new SaveTemplate("Massage x5", PackageKind.Course, PackageValueType.Sessions,
            [new PackageLineView(_clinic.Massage.Id.Value, 5)], [], false, 0m, 250m, 0m, true, null, null, ExpiryUnit.Days, null, Callers.Desk));
        var record = await packages.AcquireAsync(new AcquirePackage(Olivia, template.Id, AcquisitionMode.Paid, null, [new PaymentLine(PaymentMethod.Card, 250m)], Callers.Desk));
        var booked = await BookAsync(record.Id);
        var sale = await Sales.CreateAsync(new CreateSale(null, booked.Id, [], null, null, [], Callers.Desk));

        var found = await Sales.FindAsync(sale.Id);

        Assert.Equal(-60m, found!.Lines.Single(l => l.Kind == "Service").Credit);
    }
}
