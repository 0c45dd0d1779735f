using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Memberships;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Memberships;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Memberships;

/// <summary>The membership service against a real SQLite file, including many desks at once.</summary>
public sealed class MembershipServiceTests : IAsyncLifetime
{
    private SqliteDatabase _db = null!;
    private readonly Clinic _clinic = new();

    private MembershipService Service => _db.Services.GetRequiredService<MembershipService>();
    private MembershipQueries Queries => _db.Services.GetRequiredService<MembershipQueries>();

    public async Task InitializeAsync()
    {
        _db = await SqliteDatabase.CreateAsync(A.Now);
        await _clinic.SeedAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<ProductView> TypeAsync(int stock, int? visits = 5)
    {
        var type = await Service.CreateProductAsync(new SaveProduct("Massage x5", 200m, new MembershipTermsInput(30, ValidityStart.Sale, [_clinic.Massage.Id.Value], visits, null), Callers.Desk));
        if (stock > 0)
        {
            await Service.ReceiveAsync([new StockLine(type.Id, stock)], "Printer", Callers.Desk);
        }
        return type;
    }

    private Task<InventoryDocumentView> SellAsync(Guid productId, string? code, bool generate = false, Guid? holder = null, decimal amount = 200m) =>
        Service.SellAsync(new SellProducts(null, null, [new SellLine(productId, 1, code, generate, holder)], [new PaymentLine(PaymentMethod.Card, amount)], Callers.Desk));

    private static async Task<(T? Result, DomainException? Error)[]> AllAtOnceAsync<T>(int count, Func<int, Task<T>> attempt) where T : class
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            try
            {
                return ((T?)await attempt(i), (DomainException?)null);
            }
            catch (DomainException e)
            {
                return (null, e);
            }
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }

    [Fact]
    public async Task SellAsync_TypedCode_StoresMembershipAndTakesStock()
    {
        var type = await TypeAsync(stock: 3);

        var sale = await SellAsync(type.Id, " 4821-1130 ");

        Assert.Equal("4821-1130", Assert.Single(sale.Lines).Code);
        Assert.Equal(2, (await Queries.ProductAsync(type.Id))!.Stock);
        var membership = await Queries.ByCodeAsync("4821-1130");
        Assert.True(membership.HolderClientId is null);
        Assert.Equal(5, membership.VisitsLeft);
    }

    [Fact]
    public async Task SellAsync_DuplicateCodeOtherCase_ConflictAndNothingChanged()
    {
        var type = await TypeAsync(stock: 3);
        await SellAsync(type.Id, "gift-01");

        var error = await Assert.ThrowsAsync<DomainException>(() => SellAsync(type.Id, "GIFT-01 "));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
        Assert.Contains("already used", error.Message);
        Assert.Equal(2, (await Queries.ProductAsync(type.Id))!.Stock);
    }

    [Fact]
    public async Task SellAsync_GenerateCode_GivesUnambiguousUniqueCodes()
    {
        var type = await TypeAsync(stock: 5);

        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            codes.Add(Assert.Single((await SellAsync(type.Id, null, generate: true)).Lines).Code!);
        }

        Assert.Equal(5, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(codes, c => Assert.All(c, ch => Assert.Contains(ch, MembershipCode.GeneratorAlphabet)));
    }

    [Fact]
    public async Task SellAsync_NotEnoughStock_RefusedAsRule()
    {
        var type = await TypeAsync(stock: 0);

        var error = await Assert.ThrowsAsync<DomainException>(() => SellAsync(type.Id, "AAA1"));

        Assert.Equal(DomainErrorKind.RuleBroken, error.Kind);
        Assert.Equal(0, await _db.QueryAsync(db => db.Memberships.CountAsync()));
    }

    [Fact]
    public async Task SellAsync_NegativeStockAllowedBySetting_SellsWithWarning()
    {
        var type = await TypeAsync(stock: 0);
        await Service.SaveSettingsAsync(new InventorySettings(true), Callers.Desk);

        var sale = await SellAsync(type.Id, "AAA1");

        Assert.NotNull(sale.Warning);
        Assert.Equal(-1, (await Queries.ProductAsync(type.Id))!.Stock);
    }

    [Fact]
    public async Task SellAsync_ManyDesksForTheLastUnits_StockNeverBelowZero()
    {
        var type = await TypeAsync(stock: 3);

        var outcomes = await AllAtOnceAsync(16, i => SellAsync(type.Id, $"DESK-{i:00}"));

        Assert.Equal(3, outcomes.Count(o => o.Result is not null));
        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.Equal(DomainErrorKind.RuleBroken, o.Error!.Kind));
        Assert.Equal(0, (await Queries.ProductAsync(type.Id))!.Stock);
        Assert.Equal(3, await _db.QueryAsync(db => db.Memberships.CountAsync()));
    }

    [Fact]
    public async Task SellAsync_TwoDesksTypeTheSameCodeAtOnce_OneSuccessOneClearRefusal()
    {
        var type = await TypeAsync(stock: 10);

        var outcomes = await AllAtOnceAsync(8, i => SellAsync(type.Id, i % 2 == 0 ? "same-code" : "SAME-CODE"));

        Assert.Single(outcomes, o => o.Result is not null);
        Assert.All(outcomes.Where(o => o.Error is not null), o =>
        {
            Assert.Equal(DomainErrorKind.Conflict, o.Error!.Kind);
            Assert.Contains("already", o.Error.Message);
        });
        Assert.Equal(9, (await Queries.ProductAsync(type.Id))!.Stock);
    }

    [Fact]
    public async Task SellAsync_Sale_AnnouncesStockAndAmountOnTheLiveFeed()
    {
        var type = await TypeAsync(stock: 2);

        await SellAsync(type.Id, "LIVE1");

        var announced = _db.Feed.Published.OfType<InventoryChangedLive>().Last();
        Assert.Equal(InventoryOperation.SaleOfProduct, announced.Operation);
        Assert.Equal(1, Assert.Single(announced.Products).Stock);
        Assert.Equal(1, announced.MembershipsSold);
    }

    [Fact]
    public async Task UseAsync_BookedCoveredAppointment_KeepsVisitInHistory()
    {
        var type = await TypeAsync(stock: 1);
        await SellAsync(type.Id, "USE1");
        var appointment = await _db.Appointments.BookAsync(new BookAppointment(_clinic.Olivia.Id.Value, _clinic.Massage.Id.Value, _clinic.AllDay.Id.Value, A.At(7, 10), false, null, Callers.Desk));

        var view = await Service.UseAsync("use1", appointment.Id, Callers.Desk);

        var visit = Assert.Single(view.History);
        Assert.Equal(appointment.Id, visit.AppointmentId);
        Assert.Equal(Callers.Desk.Actor.DisplayName, visit.By);
        Assert.Equal(4, view.VisitsLeft);
    }

    [Fact]
    public async Task CheckOut_AfterAMembershipVisitWasUsed_NothingToPayAndTheVisitNamedOnTheSale()
    {
        var type = await TypeAsync(stock: 1);
        await SellAsync(type.Id, "PAYS1");
        var appointment = await _db.Appointments.BookAsync(new BookAppointment(_clinic.Olivia.Id.Value, _clinic.Massage.Id.Value, _clinic.AllDay.Id.Value, A.At(7, 10), false, null, Callers.Desk));
        await Service.UseAsync("pays1", appointment.Id, Callers.Desk);
        var sales = _db.Services.GetRequiredService<FrontDesk.Dashboard.Sales.ISaleService>();

        Assert.Equal(0m, await _db.Appointments.AmountDueAsync(appointment.Id));
        var sale = await sales.CreateAsync(new FrontDesk.Dashboard.Sales.CreateSale(null, appointment.Id, [], null, null, [], Callers.Desk));

        Assert.Equal((60m, -60m, 0m, true), (sale.Subtotal, sale.Credits, sale.Total, sale.IsPaid));
        Assert.Contains(sale.Lines, l => l.Kind == nameof(InvoiceLineKind.MembershipCredit) && l.Description == "Paid from membership PAYS1");
    }

    [Fact]
    public async Task CheckOut_WithoutAMembershipVisit_ChargesThePrice()
    {
        var type = await TypeAsync(stock: 1);
        await SellAsync(type.Id, "UNUSED1");
        var appointment = await _db.Appointments.BookAsync(new BookAppointment(_clinic.Olivia.Id.Value, _clinic.Massage.Id.Value, _clinic.AllDay.Id.Value, A.At(7, 10), false, null, Callers.Desk));

        Assert.Equal(60m, await _db.Appointments.AmountDueAsync(appointment.Id));
    }

    private Task<AppointmentView> BookMassageAsync(int hour) =>
        _db.Appointments.BookAsync(new BookAppointment(_clinic.Olivia.Id.Value, _clinic.Massage.Id.Value, _clinic.AllDay.Id.Value, A.At(7, hour), false, null, Callers.Desk));

    [Fact]
    public async Task CheckOutAsync_FullyPaidByAMembershipVisit_CompletedWithNoPaymentAndTheReceiptNamesTheMembership()
    {
        var type = await TypeAsync(stock: 1);
        await SellAsync(type.Id, "DRAWER1");
        var appointment = await BookMassageAsync(10);
        await Service.UseAsync("drawer1", appointment.Id, Callers.Desk);

        var done = await _db.Appointments.CheckOutAsync(new CheckOutAppointment(appointment.Id, [], Callers.Desk));

        Assert.Equal(FrontDesk.Domain.Calendar.AppointmentStatus.Completed, done.Status);
        var receipt = await _db.Services.GetRequiredService<FrontDesk.Dashboard.Sales.Receipts.ReceiptService>().ReceiptAsync(done.InvoiceId!.Value);
        Assert.Contains(receipt.Lines, l => l.Description == "Paid from membership DRAWER1" && l.Amount == -60m);
    }

    [Fact]
    public async Task CancelAsync_AppointmentThatUsedAVisit_GivesTheVisitBackWithAReturnedHistoryRow()
    {
        var type = await TypeAsync(stock: 1);
        await SellAsync(type.Id, "BACK1");
        var appointment = await BookMassageAsync(10);
        await Service.UseAsync("BACK1", appointment.Id, Callers.Desk);

        await _db.Appointments.CancelAsync(appointment.Id, "client ill", Callers.Rita);

        var membership = await Queries.ByCodeAsync("BACK1");
        Assert.Equal((0, 5), (membership.VisitsUsed, membership.VisitsLeft!.Value));
        var visit = Assert.Single(membership.History);
        Assert.Equal((appointment.Id, A.Now, Callers.Rita.Actor.DisplayName), (visit.AppointmentId, visit.ReturnedAt!.Value, visit.ReturnedBy));
        Assert.Null(await Queries.ForAppointmentAsync(appointment.Id));
    }

    [Fact]
    public async Task GiveBackAsync_VisitUsedBeforeCheckOut_ReturnedTheServiceIsDueAgainAndOpenScreensAreTold()
    {
        var type = await TypeAsync(stock: 1);
        await SellAsync(type.Id, "UNDO1");
        var appointment = await BookMassageAsync(10);
        await Service.UseAsync("UNDO1", appointment.Id, Callers.Desk);
        Assert.Equal(0m, await _db.Appointments.AmountDueAsync(appointment.Id));

        var view = await Service.GiveBackAsync(" undo1 ", appointment.Id, Callers.Rita);

        Assert.Equal((0, 5), (view.VisitsUsed, view.VisitsLeft!.Value));
        var visit = Assert.Single((await Queries.ByCodeAsync("UNDO1")).History);
        Assert.Equal((appointment.Id, A.Now, Callers.Rita.Actor.DisplayName), (visit.AppointmentId, visit.ReturnedAt!.Value, visit.ReturnedBy));
        Assert.Null(await Queries.ForAppointmentAsync(appointment.Id));
        Assert.Equal(60m, await _db.Appointments.AmountDueAsync(appointment.Id));
        Assert.Contains(_db.Feed.Published.OfType<MembershipChangedLive>(), e => e.Code == "UNDO1" && e.What.Contains("gave back a visit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GiveBackAsync_ThenUsedAgain_OneVisitCounts()
    {
        var type = await TypeAsync(stock: 1);
        await SellAsync(type.Id, "UNDO2");
        var appointment = await BookMassageAsync(10);
        await Service.UseAsync("UNDO2", appointment.Id, Callers.Desk);
        await Service.GiveBackAsync("UNDO2", appointment.Id, Callers.Desk);

        var view = await Service.UseAsync("UNDO2", appointment.Id, Callers.Desk);

        Assert.Equal((1, 4), (view.VisitsUsed, view.VisitsLeft!.Value));
        Assert.Equal(0m, await _db.Appointments.AmountDueAsync(appointment.Id));
    }

    [Fact]
    public async Task GiveBackAsync_NoVisitUsedOnThatAppointment_ConflictAndNothingChanges()
    {
        var type = await TypeAsync(stock: 1);
        await SellAsync(type.Id, "UNDO3");
        var used = await BookMassageAsync(10);
        var other = await BookMassageAsync(12);
        await Service.UseAsync("UNDO3", used.Id, Callers.Desk);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Service.GiveBackAsync("UNDO3", other.Id, Callers.Desk));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Equal("No visit of membership UNDO3 is used on this appointment.", refused.Message);
        var membership = await Queries.ByCodeAsync("UNDO3");
        Assert.Equal(1, membership.VisitsUsed);
        Assert.Null(Assert.Single(membership.History).ReturnedAt);
    }

    [Fact]
    public async Task GiveBackAsync_AfterCheckOut_RefusedTheVisitPaidForIt()
    {
        var type = await TypeAsync(stock: 1);
        await SellAsync(type.Id, "UNDO4");
        var appointment = await BookMassageAsync(10);
        await Service.UseAsync("UNDO4", appointment.Id, Callers.Desk);
        await _db.Appointments.CheckOutAsync(new CheckOutAppointment(appointment.Id, [], Callers.Desk));

        var refused = await Assert.ThrowsAsync<DomainException>(() => Service.GiveBackAsync("UNDO4", appointment.Id, Callers.Desk));

        Assert.Equal(DomainErrorKind.RuleBroken, refused.Kind);
        Assert.Contains("checked out", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await Queries.ByCodeAsync("UNDO4")).VisitsUsed);
    }

    [Fact]
    public async Task GiveBackAsync_NoShow_RefusedTheMissedAppointmentKeepsItsVisit()
    {
        var type = await TypeAsync(stock: 1);
        await SellAsync(type.Id, "UNDO5");
        var appointment = await BookMassageAsync(10);
        await Service.UseAsync("UNDO5", appointment.Id, Callers.Desk);
        _db.Clock.SetUtcNow(A.At(7, 10, 30));
        await _db.Appointments.MarkNoShowAsync(appointment.Id, Callers.Desk);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Service.GiveBackAsync("UNDO5", appointment.Id, Callers.Desk));

        Assert.Equal(DomainErrorKind.RuleBroken, refused.Kind);
        Assert.Equal(1, (await Queries.ByCodeAsync("UNDO5")).VisitsUsed);
    }

    [Fact]
    public async Task CancelAsync_AppointmentThatUsedAVisit_TellsOpenScreensTheMembershipChanged()
    {
        var type = await TypeAsync(stock: 1);
        await SellAsync(type.Id, "LIVE1");
        var appointment = await BookMassageAsync(10);
        await Service.UseAsync("LIVE1", appointment.Id, Callers.Desk);

        await _db.Appointments.CancelAsync(appointment.Id, null, Callers.Desk);

        Assert.Contains(_db.Feed.Published.OfType<MembershipChangedLive>(), e => e.Code == "LIVE1" && e.What.Contains("gave back visit 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CancelAsync_Refused_TheVisitStaysUsed()
    {
        var type = await TypeAsync(stock: 1);
        await SellAsync(type.Id, "KEPT2");
        var appointment = await BookMassageAsync(10);
        await Service.UseAsync("KEPT2", appointment.Id, Callers.Desk);
        await _db.Appointments.CheckOutAsync(new CheckOutAppointment(appointment.Id, [], Callers.Desk));

        await Assert.ThrowsAsync<DomainException>(() => _db.Appointments.CancelAsync(appointment.Id, null, Callers.Desk));

        Assert.Equal(1, (await Queries.ByCodeAsync("KEPT2")).VisitsUsed);
    }

    [Fact]
    public async Task MarkNoShowAsync_AppointmentThatUsedAVisit_KeepsTheVisitUsed()
    {
        var type = await TypeAsync(stock: 1);
        await SellAsync(type.Id, "MISSED1");
        var appointment = await BookMassageAsync(10);
        await Service.UseAsync("MISSED1", appointment.Id, Callers.Desk);
        _db.Clock.SetUtcNow(A.At(7, 10, 30));

        await _db.Appointments.MarkNoShowAsync(appointment.Id, Callers.Desk);

        var membership = await Queries.ByCodeAsync("MISSED1");
        Assert.Equal(1, membership.VisitsUsed);
        Assert.Null(Assert.Single(membership.History).ReturnedAt);
    }

    [Fact]
    public async Task UseAsync_VisitGivenBackByACancellation_CanBeUsedOnAnotherAppointment()
    {
        var type = await TypeAsync(stock: 1, visits: 1);
        await SellAsync(type.Id, "AGAIN1");
        var cancelled = await BookMassageAsync(10);
        await Service.UseAsync("AGAIN1", cancelled.Id, Callers.Desk);
        await _db.Appointments.CancelAsync(cancelled.Id, null, Callers.Desk);
        var next = await BookMassageAsync(12);

        var view = await Service.UseAsync("AGAIN1", next.Id, Callers.Desk);

        Assert.Equal((1, 0), (view.VisitsUsed, view.VisitsLeft!.Value));
        Assert.Equal(0m, await _db.Appointments.AmountDueAsync(next.Id));
    }

    [Fact]
    public async Task UseAsync_AppointmentAlreadyUsesAnotherMembership_RefusedAndNoSecondVisit()
    {
        var type = await TypeAsync(stock: 2);
        await SellAsync(type.Id, "FIRST1");
        await SellAsync(type.Id, "SECOND1");
        var appointment = await _db.Appointments.BookAsync(new BookAppointment(_clinic.Olivia.Id.Value, _clinic.Massage.Id.Value, _clinic.AllDay.Id.Value, A.At(7, 10), false, null, Callers.Desk));
        await Service.UseAsync("FIRST1", appointment.Id, Callers.Desk);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Service.UseAsync("SECOND1", appointment.Id, Callers.Desk));

        Assert.Contains("FIRST1", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await Queries.ByCodeAsync("SECOND1")).VisitsUsed);
    }

    [Fact]
    public async Task UseAsync_AppointmentAlreadyCheckedOut_RefusedAndNoVisit()
    {
        var type = await TypeAsync(stock: 1);
        await SellAsync(type.Id, "LATE1");
        var appointment = await _db.Appointments.BookAsync(new BookAppointment(_clinic.Olivia.Id.Value, _clinic.Massage.Id.Value, _clinic.AllDay.Id.Value, A.At(7, 10), false, null, Callers.Desk));
        await _db.Services.GetRequiredService<FrontDesk.Dashboard.Sales.ISaleService>().CreateAsync(
            new FrontDesk.Dashboard.Sales.CreateSale(null, appointment.Id, [], null, null, [new PaymentLine(PaymentMethod.Card, 60m)], Callers.Desk));

        var refused = await Assert.ThrowsAsync<DomainException>(() => Service.UseAsync("LATE1", appointment.Id, Callers.Desk));

        Assert.Contains("already checked out", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await Queries.ByCodeAsync("LATE1")).VisitsUsed);
    }

    [Fact]
    public async Task UseAsync_ServiceNotCovered_RefusedAndNoVisit()
    {
        var type = await TypeAsync(stock: 1);
        await SellAsync(type.Id, "USE2");
        var appointment = await _db.Appointments.BookAsync(new BookAppointment(_clinic.Olivia.Id.Value, _clinic.Laser.Id.Value, _clinic.AllDay.Id.Value, A.At(7, 11), false, null, Callers.Desk));

        await Assert.ThrowsAsync<DomainException>(() => Service.UseAsync("USE2", appointment.Id, Callers.Desk));

        Assert.Equal(0, (await Queries.ByCodeAsync("USE2")).VisitsUsed);
    }

    [Fact]
    public async Task AssignAsync_BearerMembership_ShowsOnHolderProfile()
    {
        var type = await TypeAsync(stock: 1);
        await SellAsync(type.Id, "GIFT9");

        await Service.AssignAsync("gift9", _clinic.Noah.Id.Value, Callers.Desk);

        var held = Assert.Single(await Queries.ClientMembershipsAsync(_clinic.Noah.Id.Value));
        Assert.Equal("GIFT9", held.Code);
        Assert.Equal(_clinic.Noah.Name, held.HolderName);
    }

    [Fact]
    public async Task ReportAsync_TwoTypesSold_TotalsPerTypeWithCodesAndCsv()
    {
        var type = await TypeAsync(stock: 2);
        await SellAsync(type.Id, "REP1", holder: _clinic.Olivia.Id.Value);
        await SellAsync(type.Id, "REP2");

        var report = await Queries.ReportAsync(A.Now.AddDays(-1), A.Now.AddDays(1));
        var csv = await Queries.ReportCsvAsync(A.Now.AddDays(-1), A.Now.AddDays(1));

        var total = Assert.Single(report.ByType);
        Assert.Equal((2, 400m), (total.Sold, total.Amount));
        Assert.Equal(["REP1", "REP2"], report.Sales.Select(s => s.Code));
        Assert.Equal(_clinic.Olivia.Name, report.Sales[0].HolderName);
        Assert.Contains("REP2,Massage x5,,,200.00,GBP", csv);
    }

    [Fact]
    public async Task SellAsync_WritesAuditRowsInTheSameTransaction()
    {
        var type = await TypeAsync(stock: 1);

        await SellAsync(type.Id, "AUD1");

        var types = await _db.QueryAsync(db => db.AuditTrail.Where(e => e.Command == FrontDesk.Dashboard.Security.Permissions.SellProducts).Select(e => e.ObjectType).ToListAsync());
        Assert.Contains(nameof(Membership), types);
        Assert.Contains(nameof(Product), types);
        Assert.Contains(nameof(InventoryDocument), types);
    }
}
