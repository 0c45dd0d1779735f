using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Live;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Tests.Unit.Dashboard.Calendar;

/// <summary>AppointmentService against a real SQLite file, migrated as at start-up.</summary>
public sealed class AppointmentServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Ten = A.At(8, 10); // Tuesday 8 January 2030, 10:00 in London

    private readonly Clinic _clinic = new();
    private SqliteDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await SqliteDatabase.CreateAsync();
        await _clinic.SeedAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private BookAppointment Booking(DateTimeOffset start, Guid? provider = null, Guid? service = null, Guid? client = null, bool overrideHours = false) =>
        new(client ?? _clinic.Olivia.Id.Value, service ?? _clinic.Massage.Id.Value, provider ?? _clinic.AllDay.Id.Value, start, overrideHours, "First visit", Callers.Desk);

    private static async Task<DomainException> Refusal(Func<Task> act) => await Assert.ThrowsAsync<DomainException>(act);

    // ---- booking ----

    [Fact]
    public async Task BookAsync_FreeSlot_ReadableThroughCalendarQueries()
    {
        var booked = await _db.Appointments.BookAsync(Booking(Ten));

        var found = await _db.Calendar.FindAsync(booked.Id);

        Assert.NotNull(found);
        Assert.Equal(AppointmentStatus.Booked, found.Status);
        Assert.Equal(Ten, found.Start);
        Assert.Equal(Ten.AddMinutes(60), found.End);
        Assert.Equal("Olivia Smith", found.ClientName);
        Assert.Equal("Swedish massage", found.ServiceName);
        Assert.Equal("Alex Allday", found.ProviderName);
        Assert.Equal(60m, found.Price);
        Assert.Equal("First visit", found.Note);
    }

    [Fact]
    public async Task BookAsync_FreeSlot_ListedInRangeForItsProviderOnly()
    {
        var booked = await _db.Appointments.BookAsync(Booking(Ten));

        var mine = await _db.Calendar.RangeAsync(A.At(8, 0), A.At(9, 0), _clinic.AllDay.Id.Value);
        var others = await _db.Calendar.RangeAsync(A.At(8, 0), A.At(9, 0), _clinic.Weekdays.Id.Value);

        Assert.Equal(booked.Id, Assert.Single(mine).Id);
        Assert.Empty(others);
    }

    [Fact]
    public async Task BookAsync_FreeSlot_AnnouncedOnceAfterCommit()
    {
        var booked = await _db.Appointments.BookAsync(Booking(Ten));

        var announced = Assert.IsType<AppointmentChanged>(Assert.Single(_db.Feed.Published));
        Assert.Equal(AppointmentChange.Booked, announced.Change);
        Assert.Equal(booked.Id, announced.Appointment.Id);
    }

    [Fact]
    public async Task BookAsync_NewClient_RegistersClientWithTheBooking()
    {
        var command = Booking(Ten, client: Guid.Empty) with { NewClient = new NewClientDetails("Grace Hall", "07123 456789", null) };

        var booked = await _db.Appointments.BookAsync(command);

        Assert.Equal("Grace Hall", booked.ClientName);
        Assert.Equal(4, await _db.CountClientsAsync());
        Assert.NotNull(await _db.Clients.FindAsync(booked.ClientId));
    }

    [Fact]
    public async Task BookAsync_ProviderSlotTaken_RefusedAsConflictAndNoRowAdded()
    {
        await _db.Appointments.BookAsync(Booking(Ten));
        var published = _db.Feed.Published.Count;

        var ex = await Refusal(() => _db.Appointments.BookAsync(Booking(Ten.AddMinutes(30), client: _clinic.Noah.Id.Value)));

        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
        Assert.Equal(1, await _db.CountAppointmentsAsync());
        Assert.Equal(published, _db.Feed.Published.Count);
    }

    [Fact]
    public async Task BookAsync_SlotTakenForNewClient_RefusedAndNoClientRowLeft()
    {
        await _db.Appointments.BookAsync(Booking(Ten));
        var command = Booking(Ten, client: Guid.Empty) with { NewClient = new NewClientDetails("Grace Hall", null, null) };

        var ex = await Refusal(() => _db.Appointments.BookAsync(command));

        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
        Assert.Equal(3, await _db.CountClientsAsync());
        Assert.Equal(1, await _db.CountAppointmentsAsync());
    }

    [Fact]
    public async Task BookAsync_UnknownClient_RefusedAsNotFoundAndNoRowAdded()
    {
        var ex = await Refusal(() => _db.Appointments.BookAsync(Booking(Ten, client: Guid.NewGuid())));

        Assert.Equal(DomainErrorKind.NotFound, ex.Kind);
        Assert.Equal(0, await _db.CountAppointmentsAsync());
        Assert.Equal(3, await _db.CountClientsAsync());
    }

    [Theory]
    [InlineData("service")]
    [InlineData("provider")]
    public async Task BookAsync_UnknownServiceOrProvider_RefusedAsNotFound(string unknown)
    {
        var command = unknown == "service" ? Booking(Ten, service: Guid.NewGuid()) : Booking(Ten, provider: Guid.NewGuid());

        var ex = await Refusal(() => _db.Appointments.BookAsync(command));

        Assert.Equal(DomainErrorKind.NotFound, ex.Kind);
        Assert.Equal(0, await _db.CountAppointmentsAsync());
    }

    [Fact]
    public async Task BookAsync_NewClientWithEmptyName_RefusedAsInvalidAndNoRowsAdded()
    {
        var command = Booking(Ten, client: Guid.Empty) with { NewClient = new NewClientDetails("   ", "07123 456789", null) };

        var ex = await Refusal(() => _db.Appointments.BookAsync(command));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
        Assert.Equal(3, await _db.CountClientsAsync());
        Assert.Equal(0, await _db.CountAppointmentsAsync());
    }

    [Fact]
    public async Task BookAsync_NewClientOutsideWorkingHours_RefusedAndNoClientRowLeft()
    {
        var command = Booking(A.At(8, 18), provider: _clinic.Weekdays.Id.Value, client: Guid.Empty) with { NewClient = new NewClientDetails("Grace Hall", null, null) };

        var ex = await Refusal(() => _db.Appointments.BookAsync(command));

        Assert.Equal(DomainErrorKind.RuleBroken, ex.Kind);
        Assert.Equal(3, await _db.CountClientsAsync());
    }

    [Fact]
    public async Task BookAsync_OutsideWorkingHoursWithOverride_Booked()
    {
        var booked = await _db.Appointments.BookAsync(Booking(A.At(8, 18), provider: _clinic.Weekdays.Id.Value, overrideHours: true));

        Assert.Equal(AppointmentStatus.Booked, booked.Status);
    }

    [Fact]
    public async Task BookAsync_StartingWhenPreviousEnds_Booked()
    {
        await _db.Appointments.BookAsync(Booking(Ten));

        await _db.Appointments.BookAsync(Booking(Ten.AddMinutes(60), client: _clinic.Noah.Id.Value));
        await _db.Appointments.BookAsync(Booking(Ten.AddMinutes(-60), client: _clinic.Amelia.Id.Value));

        Assert.Equal(3, await _db.CountAppointmentsAsync());
    }

    [Fact]
    public async Task BookAsync_OverCancelledAppointment_Booked()
    {
        var first = await _db.Appointments.BookAsync(Booking(Ten));
        await _db.Appointments.CancelAsync(first.Id, "Client called", Callers.Desk);

        var second = await _db.Appointments.BookAsync(Booking(Ten, client: _clinic.Noah.Id.Value));

        Assert.Equal(AppointmentStatus.Booked, second.Status);
    }

    [Fact]
    public async Task BookAsync_OverNoShow_Booked()
    {
        var start = A.Now.AddHours(-2); // earlier this morning
        var first = await _db.Appointments.BookAsync(Booking(start));
        await _db.Appointments.MarkNoShowAsync(first.Id, Callers.Desk);

        var second = await _db.Appointments.BookAsync(Booking(start, client: _clinic.Noah.Id.Value));

        Assert.Equal(AppointmentStatus.Booked, second.Status);
    }

    [Fact]
    public async Task BookAsync_OverCompletedAppointment_RefusedAsConflict()
    {
        var first = await _db.Appointments.BookAsync(Booking(Ten));
        await _db.Appointments.CheckOutAsync(new CheckOutAppointment(first.Id, [new PaymentLine(PaymentMethod.Card, 60m)], Callers.Desk));

        var ex = await Refusal(() => _db.Appointments.BookAsync(Booking(Ten, client: _clinic.Noah.Id.Value)));

        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
    }

    [Fact]
    public async Task BookAsync_SharedResourceTakenByAnotherProvider_RefusedAsConflict()
    {
        await _db.Appointments.BookAsync(Booking(Ten, service: _clinic.Laser.Id.Value));

        var ex = await Refusal(() => _db.Appointments.BookAsync(
            Booking(Ten.AddMinutes(15), provider: _clinic.Weekdays.Id.Value, service: _clinic.Laser.Id.Value, client: _clinic.Noah.Id.Value)));

        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
        Assert.Equal(1, await _db.CountAppointmentsAsync());
    }

    [Fact]
    public async Task BookAsync_ClientAlreadyWithAnotherProviderThen_RefusedAsConflict()
    {
        // A service without resources reads only the provider's and the client's appointments:
        // the client's appointment with someone else must still be among them.
        await _db.Appointments.BookAsync(Booking(Ten));

        var ex = await Refusal(() => _db.Appointments.BookAsync(Booking(Ten.AddMinutes(30), provider: _clinic.Weekdays.Id.Value)));

        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
        Assert.Equal(1, await _db.CountAppointmentsAsync());
    }

    [Fact]
    public async Task BookAsync_OtherProviderAndClientBusyThen_Booked()
    {
        await _db.Appointments.BookAsync(Booking(Ten));

        var second = await _db.Appointments.BookAsync(Booking(Ten, provider: _clinic.Weekdays.Id.Value, client: _clinic.Noah.Id.Value));

        Assert.Equal(AppointmentStatus.Booked, second.Status);
        Assert.Equal(2, await _db.CountAppointmentsAsync());
    }

    // ---- move ----

    [Fact]
    public async Task MoveAsync_ToFreeSlotAndProvider_Stored()
    {
        var booked = await _db.Appointments.BookAsync(Booking(Ten));

        await _db.Appointments.MoveAsync(new MoveAppointment(booked.Id, A.At(9, 11), _clinic.Weekdays.Id.Value, false, Callers.Desk));

        var stored = await _db.Calendar.FindAsync(booked.Id);
        Assert.Equal(A.At(9, 11), stored!.Start);
        Assert.Equal(A.At(9, 12), stored.End);
        Assert.Equal(_clinic.Weekdays.Id.Value, stored.ProviderId);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task MoveAsync_OntoTakenSlot_RefusedAsConflictAndStoredUnchanged()
    {
        var booked = await _db.Appointments.BookAsync(Booking(Ten));
        await _db.Appointments.BookAsync(Booking(A.At(8, 14), client: _clinic.Noah.Id.Value));

        var ex = await Refusal(() => _db.Appointments.MoveAsync(new MoveAppointment(booked.Id, A.At(8, 14, 30), null, false, Callers.Desk)));

        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
        var stored = await _db.Calendar.FindAsync(booked.Id);
        Assert.Equal(Ten, stored!.Start);
        Assert.Equal(0, stored.Version);
    }

    [Fact]
    public async Task MoveAsync_OverlappingItsOwnTime_Stored()
    {
        var booked = await _db.Appointments.BookAsync(Booking(Ten));

        var moved = await _db.Appointments.MoveAsync(new MoveAppointment(booked.Id, Ten.AddMinutes(15), null, false, Callers.Desk));

        Assert.Equal(Ten.AddMinutes(15), moved.Start);
    }

    // ---- check-in, check-out, no-show, cancel ----

    [Fact]
    public async Task CheckInAsync_Booked_StoredAsCheckedIn()
    {
        var booked = await _db.Appointments.BookAsync(Booking(Ten));
        var arrived = Ten.AddMinutes(-10);
        _db.Clock.SetUtcNow(arrived);

        await _db.Appointments.CheckInAsync(booked.Id, Callers.Desk);

        var stored = await _db.Calendar.FindAsync(booked.Id);
        Assert.Equal(AppointmentStatus.CheckedIn, stored!.Status);
        Assert.Equal(arrived, stored.CheckedInAt);
    }

    [Fact]
    public async Task CheckInAsync_UnknownAppointment_RefusedAsNotFound()
    {
        var ex = await Refusal(() => _db.Appointments.CheckInAsync(Guid.NewGuid(), Callers.Desk));

        Assert.Equal(DomainErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task CheckOutAsync_MixedPaymentsAddingUp_StoresPaidInvoiceLinkedToAppointment()
    {
        var booked = await _db.Appointments.BookAsync(Booking(Ten));

        var done = await _db.Appointments.CheckOutAsync(new CheckOutAppointment(booked.Id, [new PaymentLine(PaymentMethod.Cash, 20m), new PaymentLine(PaymentMethod.Card, 40m)], Callers.Desk));

        Assert.Equal(AppointmentStatus.Completed, done.Status);
        var invoice = await _db.QueryAsync(db => db.Invoices.SingleAsync());
        Assert.Equal(done.InvoiceId, invoice.Id.Value);
        Assert.Equal(booked.Id, invoice.AppointmentId!.Value.Value);
        Assert.True(invoice.IsPaid);
        Assert.Equal(new Money(60m, "GBP"), invoice.Total);
        Assert.Equal(new Money(60m, "GBP"), invoice.Paid);
        Assert.Equal(2, invoice.Payments.Count);
    }

    [Fact]
    public async Task CheckOutAsync_PaymentsShort_RefusedAsRuleBrokenAndNoInvoice()
    {
        var booked = await _db.Appointments.BookAsync(Booking(Ten));

        var ex = await Refusal(() => _db.Appointments.CheckOutAsync(new CheckOutAppointment(booked.Id, [new PaymentLine(PaymentMethod.Card, 59m)], Callers.Desk)));

        Assert.Equal(DomainErrorKind.RuleBroken, ex.Kind);
        Assert.Equal(0, await _db.CountInvoicesAsync());
        Assert.Equal(AppointmentStatus.Booked, (await _db.Calendar.FindAsync(booked.Id))!.Status);
    }

    [Fact]
    public async Task CheckOutAsync_Cancelled_RefusedAsConflictEvenWithWrongPayment()
    {
        var booked = await _db.Appointments.BookAsync(Booking(Ten));
        await _db.Appointments.CancelAsync(booked.Id, null, Callers.Desk);

        var ex = await Refusal(() => _db.Appointments.CheckOutAsync(new CheckOutAppointment(booked.Id, [new PaymentLine(PaymentMethod.Card, 1m)], Callers.Desk)));

        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
        Assert.Equal(0, await _db.CountInvoicesAsync());
    }

    [Fact]
    public async Task MarkNoShowAsync_BeforeStart_RefusedAsRuleBroken()
    {
        var booked = await _db.Appointments.BookAsync(Booking(Ten));

        var ex = await Refusal(() => _db.Appointments.MarkNoShowAsync(booked.Id, Callers.Desk));

        Assert.Equal(DomainErrorKind.RuleBroken, ex.Kind);
    }

    [Fact]
    public async Task MarkNoShowAsync_AfterStart_StoredAsNoShow()
    {
        var booked = await _db.Appointments.BookAsync(Booking(Ten));
        _db.Clock.SetUtcNow(Ten.AddMinutes(20));

        await _db.Appointments.MarkNoShowAsync(booked.Id, Callers.Desk);

        Assert.Equal(AppointmentStatus.NoShow, (await _db.Calendar.FindAsync(booked.Id))!.Status);
    }

    [Fact]
    public async Task CancelAsync_CheckedIn_StoredAsCancelledWithReason()
    {
        var booked = await _db.Appointments.BookAsync(Booking(Ten));
        _db.Clock.SetUtcNow(Ten.AddMinutes(-5));
        await _db.Appointments.CheckInAsync(booked.Id, Callers.Desk);

        await _db.Appointments.CancelAsync(booked.Id, "Felt unwell", Callers.Desk);

        var stored = await _db.QueryAsync(db => db.Appointments.SingleAsync());
        Assert.Equal(AppointmentStatus.Cancelled, stored.Status);
        Assert.Equal("Felt unwell", stored.CancelReason);
    }

    [Fact]
    public async Task CancelAsync_Completed_RefusedAsConflictAndNothingAnnounced()
    {
        var booked = await _db.Appointments.BookAsync(Booking(Ten));
        await _db.Appointments.CheckOutAsync(new CheckOutAppointment(booked.Id, [new PaymentLine(PaymentMethod.Card, 60m)], Callers.Desk));
        var published = _db.Feed.Published.Count;

        var ex = await Refusal(() => _db.Appointments.CancelAsync(booked.Id, null, Callers.Desk));

        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
        Assert.Equal(published, _db.Feed.Published.Count);
        Assert.Equal(AppointmentStatus.Completed, (await _db.Calendar.FindAsync(booked.Id))!.Status);
    }

    // ---- reading ----

    [Fact]
    public async Task RangeAsync_ToNotAfterFrom_RefusedAsInvalid()
    {
        var ex = await Refusal(() => _db.Calendar.RangeAsync(Ten, Ten));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
    }

    [Fact]
    public async Task RangeAsync_MoreThanMaxDays_RefusedAsInvalid()
    {
        var ex = await Refusal(() => _db.Calendar.RangeAsync(Ten, Ten.AddDays(CalendarQueries.MaxRangeDays + 1)));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
    }

    [Fact]
    public async Task RangeAsync_AppointmentTouchingRangeStart_NotListed()
    {
        await _db.Appointments.BookAsync(Booking(Ten));

        var found = await _db.Calendar.RangeAsync(Ten.AddMinutes(60), Ten.AddHours(5));

        Assert.Empty(found);
    }
}
