using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Unit.Dashboard.Support;
using Microsoft.EntityFrameworkCore;
using static FrontDesk.Tests.Unit.Dashboard.Support.PackageDesk;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Dashboard.Calendar;

/// <summary>Booking, converting, moving, releasing and checking out appointments paid from packages, on a real SQLite file.</summary>
public sealed class AppointmentServicePackageTests : IAsyncLifetime
{
    private PackageDesk _desk = null!;

    public async Task InitializeAsync() => _desk = await OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task BookAsync_GreenCircle_TurnsItOrangeForTheAppointment()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync());

        var booked = await _desk.BookAsync(_desk.Laser, At(1, 10), record.Id, session: 3);

        var stored = await _desk.RecordAsync(record.Id);
        var session = stored.Sessions.Single(s => s.Number == 3);
        Assert.Equal((SessionState.Booked, booked.Id), (session.State, session.AppointmentId));
        Assert.Equal((record.Id, 3, 80m), (booked.PackageRecordId!.Value, booked.PackageSession!.Value, booked.PackageCovers));
        Assert.Equal(LedgerKind.Hold, stored.Ledger[^1].Kind);
    }

    [Fact]
    public async Task CheckOutAsync_CourseSession_ChargesNothingAndCreditsTheInvoice()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync());
        var booked = await _desk.BookAsync(_desk.Laser, At(1, 10), record.Id, session: 1);

        var done = await _desk.CheckOutAsync(booked.Id, pay: 0m);

        var invoice = await _desk.InvoiceOfAsync(booked.Id);
        Assert.Equal(AppointmentStatus.Completed, done.Status);
        Assert.Equal(0m, invoice.Total.Amount);
        Assert.Empty(invoice.Payments);
        var credit = Assert.Single(invoice.Lines, l => l.Kind == InvoiceLineKind.PackageCredit);
        Assert.Equal((-80m, record.Id), (credit.UnitPrice, credit.PackageRecordId!.Value));
        Assert.Contains("session 1", credit.Description);
        Assert.Equal(SessionState.Redeemed, (await _desk.RecordAsync(record.Id)).Sessions.Single(s => s.Number == 1).State);
    }

    [Fact]
    public async Task CheckOutAsync_CourseSessionWithAPayment_IsRefusedAsOverpaid()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync());
        var booked = await _desk.BookAsync(_desk.Laser, At(1, 10), record.Id);

        var error = await Assert.ThrowsAsync<DomainException>(() => _desk.CheckOutAsync(booked.Id, pay: 80m));

        Assert.Contains("over", error.Message);
        Assert.Equal(SessionState.Booked, (await _desk.RecordAsync(record.Id)).Sessions.Single(s => s.Number == 1).State);
    }

    [Fact]
    public async Task CheckOutAsync_AmountCredit_120ThenA200ServiceLeaves20ToPay()
    {
        var credit = await _desk.SellAsync(await _desk.AddBalanceAsync(PackageValueType.Amount, 300m, 250m));
        var first = await _desk.BookAsync(_desk.Massage, At(1, 10), credit.Id);
        await _desk.CheckOutAsync(first.Id, pay: 0m);
        Assert.Equal(180m, (await _desk.RecordAsync(credit.Id)).Available);

        var second = await _desk.BookAsync(_desk.LongMassage, At(2, 10), credit.Id);
        var due = await _desk.Appointments.AmountDueAsync(second.Id);
        await _desk.CheckOutAsync(second.Id, pay: due);

        Assert.Equal(20m, due);
        var invoice = await _desk.InvoiceOfAsync(second.Id);
        Assert.Equal(-180m, Assert.Single(invoice.Lines, l => l.Kind == InvoiceLineKind.PackageCredit).UnitPrice);
        Assert.Equal(20m, invoice.Paid.Amount);
        var stored = await _desk.RecordAsync(credit.Id);
        Assert.Equal((0m, 0m, 300m), (stored.Available, stored.Held, stored.Used));
    }

    [Fact]
    public async Task CheckOutAsync_MinutesShortOfTheService_LeavesTheRestToPay()
    {
        var minutes = await _desk.SellAsync(await _desk.AddBalanceAsync(PackageValueType.Minutes, 60m, 100m, name: "An hour of massage"));

        var booked = await _desk.BookAsync(_desk.LongMassage, At(1, 10), minutes.Id); // 90 min, 200 GBP
        var due = await _desk.Appointments.AmountDueAsync(booked.Id);
        await _desk.CheckOutAsync(booked.Id, pay: due);

        Assert.Equal(133.33m, booked.PackageCovers);
        Assert.Equal(66.67m, due);
        var stored = await _desk.RecordAsync(minutes.Id);
        Assert.Equal((0m, 0m, 60m), (stored.Available, stored.Held, stored.Used));
    }

    [Fact]
    public async Task AttachPackageAsync_SingleBookingBeforeCheckOut_IsThenPaidFromTheCourse()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync());
        var single = await _desk.BookAsync(_desk.Laser, At(1, 10));
        Assert.Equal(80m, await _desk.Appointments.AmountDueAsync(single.Id));
        _desk.Clock.SetUtcNow(At(1, 9, 50));
        await _desk.Appointments.CheckInAsync(single.Id, Callers.Rita);

        var converted = await _desk.Appointments.AttachPackageAsync(new AttachPackage(single.Id, record.Id, 2, Callers.Rita));

        Assert.Equal((record.Id, 2), (converted.PackageRecordId!.Value, converted.PackageSession!.Value));
        Assert.Equal(0m, await _desk.Appointments.AmountDueAsync(single.Id));
        await _desk.CheckOutAsync(single.Id, pay: 0m);
        Assert.Equal(SessionState.Redeemed, (await _desk.RecordAsync(record.Id)).Sessions.Single(s => s.Number == 2).State);
    }

    [Fact]
    public async Task AttachPackageAsync_AfterCheckOut_IsRefusedAndNothingIsHeld()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync());
        var single = await _desk.BookAsync(_desk.Laser, At(1, 10));
        await _desk.CheckOutAsync(single.Id, pay: 80m);

        var error = await Assert.ThrowsAsync<DomainException>(() => _desk.Appointments.AttachPackageAsync(new AttachPackage(single.Id, record.Id, null, Callers.Rita)));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
        var stored = await _desk.RecordAsync(record.Id);
        Assert.Equal((5m, 0m), (stored.Available, stored.Held));
    }

    [Fact]
    public async Task AttachPackageAsync_AnotherClientsRecord_IsRefused()
    {
        var bobs = await _desk.SellAsync(await _desk.AddCourseAsync(), to: _desk.Bob);
        var alices = await _desk.BookAsync(_desk.Laser, At(1, 10));

        var error = await Assert.ThrowsAsync<DomainException>(() => _desk.Appointments.AttachPackageAsync(new AttachPackage(alices.Id, bobs.Id, null, Callers.Rita)));

        Assert.Contains("another client", error.Message);
        Assert.Equal(5m, (await _desk.RecordAsync(bobs.Id)).Available);
    }

    [Fact]
    public async Task DetachPackageAsync_BookedSession_GoesBackGreenAndTheFullPriceIsDue()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync());
        var booked = await _desk.BookAsync(_desk.Laser, At(1, 10), record.Id);

        var single = await _desk.Appointments.DetachPackageAsync(booked.Id, Callers.Rita);

        Assert.Null(single.PackageRecordId);
        Assert.Equal(80m, await _desk.Appointments.AmountDueAsync(booked.Id));
        Assert.Equal(5m, (await _desk.RecordAsync(record.Id)).Available);
    }

    [Fact]
    public async Task MarkNoShowAsync_BookedSession_GivesItBack()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync());
        var booked = await _desk.BookAsync(_desk.Laser, At(0, 10), record.Id, session: 1);
        _desk.Clock.SetUtcNow(At(0, 10, 15));

        var noShow = await _desk.Appointments.MarkNoShowAsync(booked.Id, Callers.Rita);

        Assert.Equal(AppointmentStatus.NoShow, noShow.Status);
        Assert.Null(noShow.PackageRecordId);
        var stored = await _desk.RecordAsync(record.Id);
        Assert.Equal((SessionState.Free, (Guid?)null), (stored.Sessions.Single(s => s.Number == 1).State, stored.Sessions.Single(s => s.Number == 1).AppointmentId));
        Assert.Equal(LedgerKind.Release, stored.Ledger[^1].Kind);
    }

    [Fact]
    public async Task CancelAsync_WithRedemptionAtBooking_GivesTheRedeemedSessionBack()
    {
        await _desk.Settings.SaveAsync(new PackageSettings(RedemptionPolicy.AtBooking, false), Callers.Desk);
        var record = await _desk.SellAsync(await _desk.AddCourseAsync());
        var booked = await _desk.BookAsync(_desk.Laser, At(1, 10), record.Id, session: 1);
        Assert.Equal(SessionState.Redeemed, (await _desk.RecordAsync(record.Id)).Sessions.Single(s => s.Number == 1).State);

        await _desk.Appointments.CancelAsync(booked.Id, "client rang", Callers.Rita);

        var stored = await _desk.RecordAsync(record.Id);
        Assert.Equal((5m, 0m, 0m), (stored.Available, stored.Held, stored.Used));
    }

    [Fact]
    public async Task CancelRecord_WithABookedSession_ReleasesItAndTheAppointmentBecomesSingle()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync());
        var booked = await _desk.BookAsync(_desk.Laser, At(1, 10), record.Id);

        var cancelled = await _desk.Packages.CancelAsync(record.Id, "client moved away", Callers.Rita);

        Assert.Equal(RecordStatus.Cancelled, cancelled.Status);
        var appointment = await _desk.AppointmentAsync(booked.Id);
        Assert.Null(appointment!.PackageRecordId);
        Assert.Equal(AppointmentStatus.Booked, appointment.Status);
        Assert.Equal(80m, await _desk.Appointments.AmountDueAsync(booked.Id));
        await _desk.CheckOutAsync(booked.Id, pay: 80m);
        await _desk.AssertLedgersBalanceAsync();
    }

    [Fact]
    public async Task CancelRecord_WithRedemptionAtBooking_LeavesItsOpenAppointmentCheckoutable()
    {
        await _desk.Settings.SaveAsync(new PackageSettings(RedemptionPolicy.AtBooking, false), Callers.Desk);
        var record = await _desk.SellAsync(await _desk.AddCourseAsync());
        var booked = await _desk.BookAsync(_desk.Laser, At(1, 10), record.Id);

        await _desk.Packages.CancelAsync(record.Id, "client moved away", Callers.Rita);
        var due = await _desk.Appointments.AmountDueAsync(booked.Id);
        var done = await _desk.CheckOutAsync(booked.Id, pay: due);

        Assert.Equal(AppointmentStatus.Completed, done.Status);
        Assert.Equal(80m, due); // a cancelled record pays for nothing that was not yet checked out
        var stored = await _desk.RecordAsync(record.Id);
        Assert.Equal((RecordStatus.Cancelled, 0m), (stored.Status, stored.Available));
        await _desk.AssertLedgersBalanceAsync();
    }

    [Fact]
    public async Task MoveAsync_IntoAFreezeConfirmed_DropsTheRecordAndGivesTheSessionBack()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync());
        var booked = await _desk.BookAsync(_desk.Laser, At(1, 10), record.Id);
        var monday = DateOnly.FromDateTime(Monday.Date);
        await _desk.Packages.FreezeAsync(record.Id, monday.AddDays(5), monday.AddDays(7), Callers.Rita);

        var moved = await _desk.Appointments.MoveAsync(new MoveAppointment(booked.Id, At(6, 10), null, false, Callers.Rita) { DropPackage = true });

        Assert.Null(moved.PackageRecordId);
        Assert.Equal(At(6, 10), moved.Start);
        var stored = await _desk.RecordAsync(record.Id);
        Assert.Equal((5m, 0m), (stored.Available, stored.Held));
    }

    [Fact]
    public async Task MoveAsync_PastTheExpiryConfirmed_DropsTheRecord()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync(expiry: new Expiry(10, ExpiryUnit.Days)));
        var booked = await _desk.BookAsync(_desk.Laser, At(9, 10), record.Id);

        var moved = await _desk.Appointments.MoveAsync(new MoveAppointment(booked.Id, At(11, 10), null, false, Callers.Rita) { DropPackage = true });

        Assert.Null(moved.PackageRecordId);
        Assert.Equal(5m, (await _desk.RecordAsync(record.Id)).Available);
    }

    [Fact]
    public async Task MoveAsync_ToAnotherValidDay_KeepsTheSameCircle()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync());
        var booked = await _desk.BookAsync(_desk.Laser, At(1, 10), record.Id, session: 4);

        var moved = await _desk.Appointments.MoveAsync(new MoveAppointment(booked.Id, At(3, 15), null, false, Callers.Rita));

        Assert.Equal((record.Id, 4), (moved.PackageRecordId!.Value, moved.PackageSession!.Value));
        Assert.Equal(booked.Id, (await _desk.RecordAsync(record.Id)).Sessions.Single(s => s.Number == 4).AppointmentId);
    }

    [Fact]
    public async Task BookAsync_FromAFrozenRecord_IsRefusedAndNoAppointmentIsSaved()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync());
        var monday = DateOnly.FromDateTime(Monday.Date);
        await _desk.Packages.FreezeAsync(record.Id, monday.AddDays(1), monday.AddDays(3), Callers.Rita);

        var error = await Assert.ThrowsAsync<DomainException>(() => _desk.BookAsync(_desk.Laser, At(2, 10), record.Id));

        Assert.Contains("frozen", error.Message);
        await using var db = await _desk.ContextAsync();
        Assert.Equal(0, await db.Appointments.CountAsync());
    }

    [Fact]
    public async Task CheckOutAsync_SingleServiceCoveredByAPackageWithDiscount_TakesTheDiscountOff()
    {
        await _desk.SellAsync(await _desk.AddBalanceAsync(PackageValueType.Amount, 100m, 90m, name: "Spa club", discount: 10m));
        var single = await _desk.BookAsync(_desk.Massage, At(1, 10));

        var due = await _desk.Appointments.AmountDueAsync(single.Id);
        await _desk.CheckOutAsync(single.Id, pay: due);

        Assert.Equal(108m, due);
        var invoice = await _desk.InvoiceOfAsync(single.Id);
        Assert.Equal(-12m, Assert.Single(invoice.Lines, l => l.Kind == InvoiceLineKind.Discount).UnitPrice);
    }

    [Fact]
    public async Task EveryCommand_ChangingABalance_WritesLedgerRowsThatEqualTheBalances()
    {
        var course = await _desk.SellAsync(await _desk.AddCourseAsync());
        var credit = await _desk.SellAsync(await _desk.AddBalanceAsync(PackageValueType.Amount, 300m, 250m));
        var rows = 2;
        async Task Step(Func<Task> command, int newRows)
        {
            await command();
            var records = await _desk.AssertLedgersBalanceAsync();
            rows += newRows;
            Assert.Equal(rows, records.Sum(r => r.Ledger.Count));
        }

        AppointmentView a = null!, b = null!, c = null!;
        await Step(async () => a = await _desk.BookAsync(_desk.Laser, At(0, 9), course.Id), 1);
        await Step(async () => b = await _desk.BookAsync(_desk.Massage, At(1, 10), credit.Id), 1);
        await Step(async () => c = await _desk.BookAsync(_desk.LongMassage, At(2, 10)), 0);
        await Step(() => _desk.Appointments.AttachPackageAsync(new AttachPackage(c.Id, credit.Id, null, Callers.Rita)), 1);
        await Step(() => _desk.CheckOutAsync(b.Id, 0m), 1);
        await Step(async () => { _desk.Clock.SetUtcNow(At(0, 9, 30)); await _desk.Appointments.MarkNoShowAsync(a.Id, Callers.Rita); }, 1);
        await Step(() => _desk.Appointments.CancelAsync(c.Id, null, Callers.Rita), 1);
        await Step(() => _desk.Packages.AdjustAsync(course.Id, 2m, "goodwill", Callers.Rita), 1);
        await Step(() => _desk.Packages.TransferAsync(credit.Id, _desk.Bob.Id.Value, Callers.Rita), 2);
        await Step(() => _desk.Packages.CancelAsync(course.Id, "closed", Callers.Rita), 1);
    }

    [Fact]
    public async Task ExpireDueAsync_AfterTheLastDay_LapsesTheFreeBalanceOnce()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync(expiry: new Expiry(10, ExpiryUnit.Days)));
        await _desk.BookAsync(_desk.Laser, At(5, 10), record.Id);
        _desk.Clock.SetUtcNow(At(11, 1));

        var first = await _desk.Packages.ExpireDueAsync();
        var second = await _desk.Packages.ExpireDueAsync();

        Assert.Equal((1, 0), (first, second));
        var stored = await _desk.RecordAsync(record.Id);
        Assert.Equal((0m, 1m), (stored.Available, stored.Held));
        Assert.Equal(LedgerKind.Expire, stored.Ledger[^1].Kind);
    }
}
