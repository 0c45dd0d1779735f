using FrontDesk.Tests.Unit.Support;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Tests.Unit.Dashboard.Support;
using static FrontDesk.Tests.Unit.Dashboard.Support.PackageDesk;

namespace FrontDesk.Tests.Unit.Dashboard.Calendar;

/// <summary>
/// A move that would drop the package asks first; redeem-and-check-in is one transaction;
/// the amount due is the one computation check-out charges. On a real SQLite file.
/// </summary>
public sealed class AppointmentServiceReliabilityTests : IAsyncLifetime
{
    private PackageDesk _desk = null!;

    public async Task InitializeAsync() => _desk = await OpenAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task MoveAsync_PastTheExpiryUnconfirmed_RefusedNamingThePackageAndNothingChanges()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync(expiry: new Expiry(10, ExpiryUnit.Days)));
        var booked = await _desk.BookAsync(_desk.Laser, At(9, 10), record.Id, session: 3);

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            _desk.Appointments.MoveAsync(new MoveAppointment(booked.Id, At(11, 10), null, false, Callers.Rita)));

        Assert.Equal((DomainErrorKind.Conflict, MoveAppointment.DropPackageConfirmation), (refusal.Kind, refusal.Confirm));
        Assert.StartsWith("Moving drops Laser course 3/5 from this visit", refusal.Message);
        Assert.EndsWith("Move anyway?", refusal.Message);
        var stored = await _desk.AppointmentAsync(booked.Id);
        Assert.Equal((At(9, 10), record.Id, 3), (stored!.Start, stored.PackageRecordId!.Value.Value, stored.PackageSession!.Value));
        Assert.Equal(booked.Id, (await _desk.RecordAsync(record.Id)).Sessions.Single(s => s.Number == 3).AppointmentId);
    }

    [Fact]
    public async Task MoveAsync_IntoAFreezeUnconfirmed_RefusedWithTheQuestion()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync());
        var booked = await _desk.BookAsync(_desk.Laser, At(1, 10), record.Id);
        var monday = DateOnly.FromDateTime(Monday.Date);
        await _desk.Packages.FreezeAsync(record.Id, monday.AddDays(5), monday.AddDays(7), Callers.Rita);

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            _desk.Appointments.MoveAsync(new MoveAppointment(booked.Id, At(6, 10), null, false, Callers.Rita)));

        Assert.Equal(MoveAppointment.DropPackageConfirmation, refusal.Confirm);
        Assert.Equal((4m, 1m), ((await _desk.RecordAsync(record.Id)).Available, (await _desk.RecordAsync(record.Id)).Held));
    }

    [Fact]
    public async Task MoveAsync_PackageStillFits_MovesWithoutAsking()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync());
        var booked = await _desk.BookAsync(_desk.Laser, At(1, 10), record.Id, session: 2);

        var moved = await _desk.Appointments.MoveAsync(new MoveAppointment(booked.Id, At(2, 10), null, false, Callers.Rita));

        Assert.Equal((At(2, 10), record.Id, 2), (moved.Start, moved.PackageRecordId!.Value, moved.PackageSession!.Value));
    }

    [Fact]
    public async Task CheckInAsync_WithRedeem_BooksFromTheRecordAndChecksInTogether()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync());
        var single = await _desk.BookAsync(_desk.Laser, At(1, 10));
        _desk.Clock.SetUtcNow(At(1, 9, 50));

        var done = await _desk.Appointments.CheckInAsync(new CheckInAppointment(single.Id, Callers.Rita) { RedeemRecordId = record.Id });

        Assert.Equal((AppointmentStatus.CheckedIn, record.Id, 1), (done.Status, done.PackageRecordId!.Value, done.PackageSession!.Value));
        Assert.Equal(0m, await _desk.Appointments.AmountDueAsync(single.Id));
        Assert.Equal(single.Id, (await _desk.RecordAsync(record.Id)).Sessions.Single(s => s.Number == 1).AppointmentId);
    }

    [Fact]
    public async Task CheckInAsync_RedeemFromAnotherClientsRecord_RefusedAndTheAppointmentStaysBooked()
    {
        var bobs = await _desk.SellAsync(await _desk.AddCourseAsync(), to: _desk.Bob);
        var single = await _desk.BookAsync(_desk.Laser, At(1, 10));
        _desk.Clock.SetUtcNow(At(1, 9, 50));

        await Assert.ThrowsAsync<DomainException>(() =>
            _desk.Appointments.CheckInAsync(new CheckInAppointment(single.Id, Callers.Rita) { RedeemRecordId = bobs.Id }));

        var stored = await _desk.AppointmentAsync(single.Id);
        Assert.Equal((AppointmentStatus.Booked, (Guid?)null), (stored!.Status, stored.PackageRecordId?.Value));
        Assert.Equal(5m, (await _desk.RecordAsync(bobs.Id)).Available);
    }

    [Fact]
    public async Task CheckInAsync_RedeemButCheckInRefused_NothingIsRedeemed()
    {
        var record = await _desk.SellAsync(await _desk.AddCourseAsync());
        var tomorrow = await _desk.BookAsync(_desk.Laser, At(2, 10));
        _desk.Clock.SetUtcNow(At(1, 9, 50)); // the day before: too early to check in

        await Assert.ThrowsAsync<DomainException>(() =>
            _desk.Appointments.CheckInAsync(new CheckInAppointment(tomorrow.Id, Callers.Rita) { RedeemRecordId = record.Id }));

        var stored = await _desk.AppointmentAsync(tomorrow.Id);
        Assert.Equal((AppointmentStatus.Booked, (Guid?)null), (stored!.Status, stored.PackageRecordId?.Value));
        var untouched = await _desk.RecordAsync(record.Id);
        Assert.Equal((5m, 0m), (untouched.Available, untouched.Held));
        Assert.All(untouched.Sessions, s => Assert.Null(s.AppointmentId));
    }

    [Fact]
    public async Task AmountDueAsync_TenPercentDiscountOn2_25_Is2_02AndCheckOutChargesTheSame()
    {
        var cheap = new Service(ServiceId.New(), "Nail file", TimeSpan.FromMinutes(15), new Money(2.25m, "GBP"), "Beauty");
        await using (var db = await _desk.ContextAsync())
        {
            db.Services.Add(cheap);
            await db.SaveChangesAsync();
        }
        var club = await _desk.AddTemplateAsync(PackageTemplate.Create(PackageTemplateId.New(), new TemplateTerms("Nail club", PackageKind.AnyFromList, PackageValueType.Amount,
            [], [cheap.Id], false, 10m, new Money(10m, "GBP"), 10m, true, null, null, UsageRestrictions.None), Monday, Callers.Rita.Actor));
        await _desk.SellAsync(club);
        // Amira does not list the service: the manager's override books it anyway.
        var booked = await _desk.Appointments.BookAsync(new BookAppointment(_desk.Alice.Id.Value, cheap.Id.Value, _desk.Amira.Id.Value, At(1, 10), true, null, Callers.Rita));

        var due = await _desk.Appointments.AmountDueAsync(booked.Id);
        await _desk.CheckOutAsync(booked.Id, pay: due);

        Assert.Equal(2.02m, due); // 10% of 2.25 is 0.225: 0.23 off, half away from zero (to even would give 0.22)
        Assert.Equal(2.02m, (await _desk.InvoiceOfAsync(booked.Id)).Total.Amount);
    }
}
