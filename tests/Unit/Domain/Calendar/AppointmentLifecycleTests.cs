using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Domain.Calendar;

public sealed class AppointmentLifecycleTests
{
    private static readonly DateTimeOffset Start = A.At(8, 10); // Tuesday 10:00
    private static readonly DateTimeOffset AfterEnd = A.At(8, 12);

    private readonly FrontDesk.Domain.Catalog.Service _massage = A.Service();
    private readonly FrontDesk.Domain.Staff.Provider _amira;
    private readonly FrontDesk.Domain.Staff.Provider _ben;

    public AppointmentLifecycleTests()
    {
        _amira = A.Provider("Amira", null, _massage);
        _ben = A.Provider("Ben", null, _massage);
    }

    private Appointment Book() => A.Booked(_massage, _amira, Start);

    // ---- book ----

    [Fact]
    public void Book_FreeSlotInWorkingHours_IsBookedForTheServiceDurationAndPrice()
    {
        var appointment = Book();

        Assert.Equal(AppointmentStatus.Booked, appointment.Status);
        Assert.Equal(Start, appointment.Start);
        Assert.Equal(Start.AddMinutes(60), appointment.End);
        Assert.Equal(new Money(60m, "GBP"), appointment.Price);
        Assert.Equal(A.Now, appointment.BookedAt);
        Assert.IsType<AppointmentBooked>(Assert.Single(appointment.DomainEvents));
    }

    [Fact]
    public void Book_ServiceNeedsResources_AppointmentHoldsThem()
    {
        var room = ResourceId.New();
        var facial = A.Service("Facial", 45, 40m, room);
        var provider = A.Provider("Chloe", null, facial);

        var appointment = A.Booked(facial, provider, Start);

        Assert.Equal([room], appointment.Resources);
    }

    [Fact]
    public void Book_StartMoreThanADayAgo_RefusedAsRuleBroken()
    {
        var ex = Assert.Throws<DomainException>(() => A.Booked(_massage, _amira, A.Now.AddDays(-2), now: A.Now));

        Assert.Equal(DomainErrorKind.RuleBroken, ex.Kind);
    }

    [Fact]
    public void Book_NoteTooLong_RefusedAsInvalid()
    {
        var ex = Assert.Throws<DomainException>(() => Appointment.Book(
            AppointmentId.New(), ClientId.New(), _massage, _amira, Start, A.London, false, [], new string('n', Appointment.MaxNoteLength + 1), A.Now, A.Desk));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
    }

    [Fact]
    public void Book_StartTooFarAheadForItsEnd_RefusedAsOutOfRange()
    {
        var ex = Assert.Throws<DomainException>(() => A.Booked(_massage, _amira, new DateTimeOffset(9999, 12, 31, 23, 30, 0, TimeSpan.Zero)));

        Assert.Equal(DomainErrorKind.OutOfRange, ex.Kind);
        Assert.Equal("start", ex.Field);
    }

    // ---- move ----

    [Fact]
    public void Move_MoreThanADayIntoThePast_RefusedAsRuleBrokenAndUnchanged()
    {
        var appointment = Book();
        var before = AppointmentSnapshot.Of(appointment);

        var ex = Assert.Throws<DomainException>(() => appointment.Move(_massage, _amira, A.Now.AddDays(-2), A.London, true, [], A.Now, A.Desk));

        Assert.Equal(DomainErrorKind.RuleBroken, ex.Kind);
        Assert.Equal(before, AppointmentSnapshot.Of(appointment));
    }

    [Fact]
    public void Move_StartTooFarAheadForItsEnd_RefusedAsOutOfRangeAndUnchanged()
    {
        var appointment = Book();
        var before = AppointmentSnapshot.Of(appointment);

        var ex = Assert.Throws<DomainException>(() => appointment.Move(_massage, _amira, DateTimeOffset.MaxValue.AddMinutes(-30), A.London, true, [], A.Now, A.Desk));

        Assert.Equal(DomainErrorKind.OutOfRange, ex.Kind);
        Assert.Equal(before, AppointmentSnapshot.Of(appointment));
    }

    [Fact]
    public void Move_ToFreeSlot_KeepsDurationChangesTimeAndBumpsVersion()
    {
        var appointment = Book();
        var newStart = A.At(9, 14);

        appointment.Move(_massage, _amira, newStart, A.London, false, [], A.Now, A.Desk);

        Assert.Equal(newStart, appointment.Start);
        Assert.Equal(newStart.AddMinutes(60), appointment.End);
        Assert.Equal(1, appointment.Version);
        Assert.Equal(AppointmentStatus.Booked, appointment.Status);
        var moved = Assert.IsType<AppointmentMoved>(appointment.DomainEvents[^1]);
        Assert.Equal(Start, moved.From.Start);
    }

    [Fact]
    public void Move_ToAnotherProvider_ChangesProvider()
    {
        var appointment = Book();

        appointment.Move(_massage, _ben, Start, A.London, false, [], A.Now, A.Desk);

        Assert.Equal(_ben.Id, appointment.ProviderId);
    }

    [Fact]
    public void Move_CheckedIn_StaysCheckedIn()
    {
        var appointment = Book();
        appointment.CheckIn(Start, A.Desk);

        appointment.Move(_massage, _amira, Start.AddMinutes(30), A.London, false, [], Start, A.Desk);

        Assert.Equal(AppointmentStatus.CheckedIn, appointment.Status);
        Assert.Equal(Start.AddMinutes(30), appointment.Start);
    }

    [Fact]
    public void Move_WithAnotherService_RefusedAsInvalidAndUnchanged()
    {
        var appointment = Book();
        var other = A.Service("Facial");
        var before = AppointmentSnapshot.Of(appointment);

        var ex = Assert.Throws<DomainException>(() => appointment.Move(other, _amira, A.At(9, 10), A.London, false, [], A.Now, A.Desk));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
        Assert.Equal(before, AppointmentSnapshot.Of(appointment));
    }

    [Fact]
    public void Move_OntoItsOwnSlotShifted_DoesNotClashWithItself()
    {
        var appointment = Book();

        appointment.Move(_massage, _amira, Start.AddMinutes(30), A.London, false, [A.Busy(appointment)], A.Now, A.Desk);

        Assert.Equal(Start.AddMinutes(30), appointment.Start);
    }

    [Fact]
    public void Move_OntoAnotherAppointment_RefusedAsConflictAndUnchanged()
    {
        var appointment = Book();
        var other = A.Booked(_massage, _amira, A.At(9, 10));
        var before = AppointmentSnapshot.Of(appointment);

        var ex = Assert.Throws<DomainException>(() => appointment.Move(_massage, _amira, A.At(9, 10, 30), A.London, false, [A.Busy(other)], A.Now, A.Desk));

        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
        Assert.Equal(before, AppointmentSnapshot.Of(appointment));
    }

    // ---- check in ----

    [Fact]
    public void CheckIn_Booked_BecomesCheckedInAtThatTime()
    {
        var appointment = Book();
        var at = Start.AddMinutes(-5);

        appointment.CheckIn(at, A.Desk);

        Assert.Equal(AppointmentStatus.CheckedIn, appointment.Status);
        Assert.Equal(at, appointment.CheckedInAt);
        Assert.IsType<AppointmentCheckedIn>(appointment.DomainEvents[^1]);
    }

    // ---- check out ----

    [Fact]
    public void CheckOut_BookedWithPaidInvoice_CompletesAndLinksInvoice()
    {
        var appointment = Book();
        var invoice = A.PaidInvoice(appointment, AfterEnd);

        appointment.CheckOut(invoice, AfterEnd, A.Desk);

        Assert.Equal(AppointmentStatus.Completed, appointment.Status);
        Assert.Equal(invoice.Id, appointment.InvoiceId);
        Assert.Equal(AfterEnd, appointment.CompletedAt);
        Assert.Equal(AfterEnd, appointment.CheckedInAt);
    }

    [Fact]
    public void CheckOut_CheckedInWithPaidInvoice_CompletesAndKeepsCheckInTime()
    {
        var appointment = Book();
        var checkedIn = Start.AddMinutes(-3);
        appointment.CheckIn(checkedIn, A.Desk);
        var invoice = A.PaidInvoice(appointment, AfterEnd);

        appointment.CheckOut(invoice, AfterEnd, A.Desk);

        Assert.Equal(AppointmentStatus.Completed, appointment.Status);
        Assert.Equal(checkedIn, appointment.CheckedInAt);
        var e = Assert.IsType<AppointmentCheckedOut>(appointment.DomainEvents[^1]);
        Assert.Equal(new Money(60m, "GBP"), e.Total);
    }

    [Fact]
    public void CheckOut_UnpaidInvoice_RefusedAsRuleBrokenAndUnchanged()
    {
        var appointment = Book();
        var invoice = Invoice.ForAppointment(InvoiceId.New(), appointment, "Massage", AfterEnd);
        var before = AppointmentSnapshot.Of(appointment);

        var ex = Assert.Throws<DomainException>(() => appointment.CheckOut(invoice, AfterEnd, A.Desk));

        Assert.Equal(DomainErrorKind.RuleBroken, ex.Kind);
        Assert.Equal(before, AppointmentSnapshot.Of(appointment));
    }

    [Fact]
    public void CheckOut_PaidInvoiceOfAnotherAppointment_RefusedAsRuleBrokenAndUnchanged()
    {
        var appointment = Book();
        var other = A.Booked(_massage, _ben, Start);
        var invoice = A.PaidInvoice(other, AfterEnd);
        var before = AppointmentSnapshot.Of(appointment);

        var ex = Assert.Throws<DomainException>(() => appointment.CheckOut(invoice, AfterEnd, A.Desk));

        Assert.Equal(DomainErrorKind.RuleBroken, ex.Kind);
        Assert.Equal(before, AppointmentSnapshot.Of(appointment));
    }

    [Fact]
    public void CheckOut_Cancelled_RefusedAsConflictAndUnchanged()
    {
        var appointment = Book();
        appointment.Cancel("Client called", A.Now, A.Desk);
        var invoice = A.PaidInvoice(appointment, AfterEnd);
        var before = AppointmentSnapshot.Of(appointment);

        var ex = Assert.Throws<DomainException>(() => appointment.CheckOut(invoice, AfterEnd, A.Desk));

        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
        Assert.Equal(before, AppointmentSnapshot.Of(appointment));
    }

    // ---- no-show ----

    [Fact]
    public void MarkNoShow_BookedAfterStart_BecomesNoShow()
    {
        var appointment = Book();

        appointment.MarkNoShow(Start.AddMinutes(15), A.Desk);

        Assert.Equal(AppointmentStatus.NoShow, appointment.Status);
        Assert.IsType<AppointmentMarkedNoShow>(appointment.DomainEvents[^1]);
    }

    [Fact]
    public void MarkNoShow_ExactlyAtStart_BecomesNoShow()
    {
        var appointment = Book();

        appointment.MarkNoShow(Start, A.Desk);

        Assert.Equal(AppointmentStatus.NoShow, appointment.Status);
    }

    [Fact]
    public void MarkNoShow_BeforeStart_RefusedAsRuleBrokenAndUnchanged()
    {
        var appointment = Book();
        var before = AppointmentSnapshot.Of(appointment);

        var ex = Assert.Throws<DomainException>(() => appointment.MarkNoShow(Start.AddTicks(-1), A.Desk));

        Assert.Equal(DomainErrorKind.RuleBroken, ex.Kind);
        Assert.Equal(before, AppointmentSnapshot.Of(appointment));
    }

    // ---- cancel ----

    [Fact]
    public void Cancel_Booked_BecomesCancelledWithReason()
    {
        var appointment = Book();

        appointment.Cancel("  Client unwell  ", A.Now, A.Desk);

        Assert.Equal(AppointmentStatus.Cancelled, appointment.Status);
        Assert.Equal("Client unwell", appointment.CancelReason);
        Assert.Equal(A.Now, appointment.CancelledAt);
        Assert.IsType<AppointmentCancelled>(appointment.DomainEvents[^1]);
    }

    [Fact]
    public void Cancel_CheckedIn_BecomesCancelled()
    {
        var appointment = Book();
        appointment.CheckIn(Start, A.Desk);

        appointment.Cancel(null, Start.AddMinutes(5), A.Desk);

        Assert.Equal(AppointmentStatus.Cancelled, appointment.Status);
        Assert.Equal(string.Empty, appointment.CancelReason);
    }

    [Fact]
    public void Cancel_ReasonTooLong_RefusedAsInvalidAndUnchanged()
    {
        var appointment = Book();
        var before = AppointmentSnapshot.Of(appointment);

        var ex = Assert.Throws<DomainException>(() => appointment.Cancel(new string('r', 201), A.Now, A.Desk));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
        Assert.Equal(before, AppointmentSnapshot.Of(appointment));
    }

    // ---- every illegal transition ----

    public static TheoryData<AppointmentStatus, string> IllegalTransitions()
    {
        var data = new TheoryData<AppointmentStatus, string>
        {
            { AppointmentStatus.CheckedIn, "CheckIn" },
            { AppointmentStatus.CheckedIn, "NoShow" },
        };
        foreach (var final in new[] { AppointmentStatus.Completed, AppointmentStatus.NoShow, AppointmentStatus.Cancelled })
        {
            foreach (var command in new[] { "CheckIn", "CheckOut", "NoShow", "Cancel", "Move" })
            {
                data.Add(final, command);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Command_IllegalInCurrentStatus_RefusedAsConflictAndUnchanged(AppointmentStatus status, string command)
    {
        var appointment = InStatus(status);
        var invoice = Invoice.ForAppointment(InvoiceId.New(), appointment, "Massage", AfterEnd);
        invoice.Settle([(PaymentMethod.Cash, 60m)], AfterEnd, A.Desk);
        var before = AppointmentSnapshot.Of(appointment);
        Action act = command switch
        {
            "CheckIn" => () => appointment.CheckIn(AfterEnd, A.Desk),
            "CheckOut" => () => appointment.CheckOut(invoice, AfterEnd, A.Desk),
            "NoShow" => () => appointment.MarkNoShow(AfterEnd, A.Desk),
            "Cancel" => () => appointment.Cancel("too late", AfterEnd, A.Desk),
            "Move" => () => appointment.Move(_massage, _amira, A.At(10, 10), A.London, false, [], AfterEnd, A.Desk),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };

        var ex = Assert.Throws<DomainException>(act);

        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
        Assert.Equal(before, AppointmentSnapshot.Of(appointment));
    }

    private Appointment InStatus(AppointmentStatus status)
    {
        var appointment = Book();
        switch (status)
        {
            case AppointmentStatus.Booked:
                break;
            case AppointmentStatus.CheckedIn:
                appointment.CheckIn(Start, A.Desk);
                break;
            case AppointmentStatus.Completed:
                appointment.CheckOut(A.PaidInvoice(appointment, AfterEnd), AfterEnd, A.Desk);
                break;
            case AppointmentStatus.NoShow:
                appointment.MarkNoShow(Start.AddMinutes(20), A.Desk);
                break;
            case AppointmentStatus.Cancelled:
                appointment.Cancel("Client called", A.Now, A.Desk);
                break;
        }
        Assert.Equal(status, appointment.Status);
        return appointment;
    }
}
