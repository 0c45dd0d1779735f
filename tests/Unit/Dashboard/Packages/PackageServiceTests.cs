using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Unit.Dashboard.Support;
using Microsoft.EntityFrameworkCore;
using static FrontDesk.Tests.Unit.Dashboard.Support.PackageDesk;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Dashboard.Packages;

/// <summary>Selling, assigning, paying, freezing, transferring and reporting packages through the service, on a real SQLite file.</summary>
public sealed class PackageServiceTests : IAsyncLifetime
{
    private PackageDesk _desk = null!;

    public async Task InitializeAsync() => _desk = await OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private async Task<(int Records, int Invoices)> CountAsync()
    {
        await using var db = await _desk.ContextAsync();
        return (await db.PackageRecords.CountAsync(), await db.Invoices.CountAsync());
    }

    [Fact]
    public async Task AcquireAsync_Paid_CreatesAPaidInvoiceAndAGreenRecord()
    {
        var course = await _desk.AddCourseAsync(sessions: 6, price: 300m);

        var record = await _desk.SellAsync(course);

        Assert.True(record.IsPaid);
        Assert.Equal(6, record.Sessions.Count);
        Assert.All(record.Sessions, s => Assert.Equal(SessionState.Free, s.State));
        await using var db = await _desk.ContextAsync();
        var invoice = await db.Invoices.SingleAsync();
        Assert.Equal((InvoiceStatus.Paid, 300m), (invoice.Status, invoice.Total.Amount));
        Assert.Equal(record.Id, Assert.Single(invoice.Lines).PackageRecordId);
    }

    [Fact]
    public async Task AcquireAsync_PaymentShort_IsRefusedAndSavesNothing()
    {
        var course = await _desk.AddCourseAsync(price: 250m);

        var error = await Assert.ThrowsAsync<DomainException>(() => _desk.Packages.AcquireAsync(
            new AcquirePackage(_desk.Alice.Id.Value, course.Id.Value, AcquisitionMode.Paid, null, [new PaymentLine(PaymentMethod.Cash, 200m)], Callers.Rita)));

        Assert.Contains("short", error.Message);
        Assert.Equal((0, 0), await CountAsync());
    }

    [Fact]
    public async Task AcquireAsync_DisabledTemplate_IsRefusedAndSoldRecordsStayAsTheyWere()
    {
        var course = await _desk.AddCourseAsync();
        var sold = await _desk.SellAsync(course);
        await _desk.Packages.SetTemplateActiveAsync(course.Id.Value, false, Callers.Rita);

        var error = await Assert.ThrowsAsync<DomainException>(() => _desk.SellAsync(course, to: _desk.Bob));

        Assert.Equal(DomainErrorKind.RuleBroken, error.Kind);
        var stored = await _desk.RecordAsync(sold.Id);
        Assert.Equal((RecordStatus.Active, 5m, sold.Version), (stored.Status, stored.Available, stored.Version));
        Assert.NotNull((await _desk.BookAsync(_desk.Laser, At(1, 10), sold.Id)).PackageRecordId);
    }

    [Fact]
    public async Task AcquireAsync_NotForSaleAsComplimentary_GivesItWithoutAnInvoice()
    {
        var gift = await _desk.AddCourseAsync(forSale: false, name: "Welcome laser");

        var record = await _desk.Packages.AcquireAsync(new AcquirePackage(_desk.Alice.Id.Value, gift.Id.Value, AcquisitionMode.Complimentary, "opening week", null, Callers.Rita));

        Assert.Equal(AcquisitionMode.Complimentary, record.Mode);
        Assert.Equal((1, 0), await CountAsync());
    }

    [Fact]
    public async Task AcquireAsync_NotForSaleOnAnInvoice_IsRefused()
    {
        var gift = await _desk.AddCourseAsync(forSale: false, name: "Welcome laser");

        var error = await Assert.ThrowsAsync<DomainException>(() => _desk.SellAsync(gift));

        Assert.Contains("not for sale", error.Message);
        Assert.Equal((0, 0), await CountAsync());
    }

    [Fact]
    public async Task PayAsync_UnpaidRecord_SettlesItsOpenInvoice()
    {
        var course = await _desk.AddCourseAsync(price: 250m);
        var unpaid = await _desk.Packages.AcquireAsync(new AcquirePackage(_desk.Alice.Id.Value, course.Id.Value, AcquisitionMode.Unpaid, null, null, Callers.Rita));
        Assert.False(unpaid.IsPaid);

        var paid = await _desk.Packages.PayAsync(unpaid.Id, [new PaymentLine(PaymentMethod.Card, 250m)], Callers.Rita);

        Assert.True(paid.IsPaid);
        await using var db = await _desk.ContextAsync();
        Assert.Equal(InvoiceStatus.Paid, (await db.Invoices.SingleAsync()).Status);
        Assert.Equal(LedgerKind.Payment, (await _desk.RecordAsync(unpaid.Id)).Ledger[^1].Kind);
    }

    [Fact]
    public async Task TransferAsync_Course_BothHistoriesShowIt()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync());
        await _desk.BookAsync(_desk.Laser, At(1, 10), record.Id);

        var (from, to) = await _desk.Packages.TransferAsync(record.Id, _desk.Bob.Id.Value, Callers.Rita);

        Assert.Equal(_desk.Bob.Id.Value, to.ClientId);
        Assert.Equal(4, to.Sessions.Count(s => s.State == SessionState.Free));
        Assert.Equal(0, from.Sessions.Count(s => s.State == SessionState.Free));
        var sent = (await _desk.Queries.HistoryAsync(from.Id))[^1];
        var got = Assert.Single(await _desk.Queries.HistoryAsync(to.Id));
        Assert.Equal((LedgerKind.TransferOut, -4m), (sent.Kind, sent.AvailableDelta));
        Assert.Equal((LedgerKind.TransferIn, 4m), (got.Kind, got.AvailableDelta));
        Assert.Single(await _desk.Queries.ClientRecordsAsync(_desk.Bob.Id.Value));
        await _desk.AssertLedgersBalanceAsync();
    }

    [Fact]
    public async Task FreezeAsync_OverABookedAppointment_IsRefused()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync(expiry: new Expiry(30, ExpiryUnit.Days)));
        await _desk.BookAsync(_desk.Laser, At(3, 10), record.Id);
        var monday = DateOnly.FromDateTime(Monday.Date);

        var error = await Assert.ThrowsAsync<DomainException>(() => _desk.Packages.FreezeAsync(record.Id, monday.AddDays(2), monday.AddDays(4), Callers.Rita));

        Assert.Contains("move or cancel it before freezing", error.Message);
        Assert.Empty((await _desk.RecordAsync(record.Id)).Freezes);
    }

    [Fact]
    public async Task FreezeAsync_SevenDays_MovesTheExpiryAndGreysTheRecordOutInTheDrawer()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync(expiry: new Expiry(30, ExpiryUnit.Days)));
        var monday = DateOnly.FromDateTime(Monday.Date);

        var frozen = await _desk.Packages.FreezeAsync(record.Id, monday.AddDays(2), monday.AddDays(8), Callers.Rita);
        var options = await _desk.Queries.OptionsAsync(_desk.Alice.Id.Value, _desk.Laser.Id.Value, _desk.Amira.Id.Value, At(4, 10), At(4, 11), 80m);

        Assert.Equal(record.ExpiresOn!.Value.AddDays(7), frozen.ExpiresOn);
        Assert.StartsWith("frozen", Assert.Single(options).Refusal);
    }

    [Fact]
    public async Task CancelAsync_Twice_TheSecondIsRefusedAndItStaysCancelled()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync());
        await _desk.Packages.CancelAsync(record.Id, "refunded", Callers.Rita);

        var error = await Assert.ThrowsAsync<DomainException>(() => _desk.Packages.CancelAsync(record.Id, "again", Callers.Rita));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
        Assert.Equal(RecordStatus.Cancelled, (await _desk.RecordAsync(record.Id)).Status);
        await Assert.ThrowsAsync<DomainException>(() => _desk.BookAsync(_desk.Laser, At(1, 10), record.Id));
    }

    [Fact]
    public async Task LiabilityAsync_PastDates_ReplaysWhatWasUnredeemedThen()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync(sessions: 5, price: 250m));
        var booked = await _desk.BookAsync(_desk.Laser, At(1, 10), record.Id);
        _desk.Clock.SetUtcNow(At(1, 11));
        await _desk.CheckOutAsync(booked.Id, 0m);
        _desk.Clock.SetUtcNow(At(2, 9));

        var atSale = await _desk.Queries.LiabilityAsync(Monday);
        var beforeSale = await _desk.Queries.LiabilityAsync(Monday.AddSeconds(-1));
        var now = await _desk.Queries.LiabilityAsync(At(2, 9));

        Assert.Equal((250m, 1), (atSale.Total, atSale.Records));
        Assert.Equal(0m, beforeSale.Total);
        Assert.Equal(200m, now.Total);
    }

    [Fact]
    public async Task AcquireAsync_SameIdempotencyKeyTwice_SellsOnceAndReturnsTheSameRecord()
    {
        var course = await _desk.AddCourseAsync();

        var first = await _desk.SellAsync(course, key: "sale-42");
        var second = await _desk.SellAsync(course, key: "sale-42");

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Sessions.Count, second.Sessions.Count);
        Assert.Equal((1, 1), await CountAsync());
    }

    [Fact]
    public async Task CheckOutAsync_SameIdempotencyKeyTwice_OneInvoiceAndTheSameResult()
    {
        var record = await _desk.SellAsync(await _desk.AddBalanceAsync(PackageValueType.Amount, 100m, 90m));
        var booked = await _desk.BookAsync(_desk.LongMassage, At(1, 10), record.Id);

        var first = await _desk.CheckOutAsync(booked.Id, 100m, key: "pay-7");
        var second = await _desk.CheckOutAsync(booked.Id, 100m, key: "pay-7");

        Assert.Equal(first.InvoiceId, second.InvoiceId);
        Assert.Equal(first.Status, second.Status);
        await using var db = await _desk.ContextAsync();
        Assert.Equal(1, await db.Invoices.CountAsync(i => i.AppointmentId != null));
        Assert.Equal(100m, (await _desk.RecordAsync(record.Id)).Used);
    }

    [Fact]
    public async Task IdempotencyKey_ReusedForAnotherCommand_IsAConflictAndChangesNothing()
    {
        var course = await _desk.AddCourseAsync();
        var record = await _desk.SellAsync(course, key: "k-1");

        var error = await Assert.ThrowsAsync<DomainException>(() => _desk.BookAsync(_desk.Laser, At(1, 10), record.Id, key: "k-1"));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
        await using var db = await _desk.ContextAsync();
        Assert.Equal(0, await db.Appointments.CountAsync());
        Assert.Equal(5m, (await _desk.RecordAsync(record.Id)).Available);
    }
}
