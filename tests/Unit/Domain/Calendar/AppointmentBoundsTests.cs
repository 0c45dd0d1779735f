using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Common;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Domain.Calendar;

/// <summary>Absurd dates, early check-ins and a client in two places at once are refused.</summary>
public sealed class AppointmentBoundsTests
{
    private static readonly DateTimeOffset Start = A.At(8, 10); // Tuesday 10:00
    private readonly FrontDesk.Domain.Catalog.Service _massage = A.Service();
    private readonly FrontDesk.Domain.Staff.Provider _amira;
    private readonly FrontDesk.Domain.Staff.Provider _ben;

    public AppointmentBoundsTests()
    {
        _amira = A.Provider("Amira", A.EveryDay(new(0, 0), new(23, 59)), _massage);
        _ben = A.Provider("Ben", A.EveryDay(new(0, 0), new(23, 59)), _massage);
    }

    [Theory]
    [InlineData(3000)]
    [InlineData(9999)]
    public void Book_InTheYear_RefusedOutOfRange(int year)
    {
        var error = Assert.Throws<DomainException>(() => A.Booked(_massage, _amira, new DateTimeOffset(year, 1, 8, 10, 0, 0, TimeSpan.Zero)));

        Assert.Equal(DomainErrorKind.OutOfRange, error.Kind);
        Assert.Equal("start", error.Field);
    }

    [Fact]
    public void Book_FourYearsAhead_Accepted()
    {
        var appointment = A.Booked(_massage, _amira, Start.AddYears(4));

        Assert.Equal(Start.AddYears(4), appointment.Start);
    }

    [Fact]
    public void Move_ToTheYear3000_RefusedOutOfRangeAndUnchanged()
    {
        var appointment = A.Booked(_massage, _amira, Start);
        var before = AppointmentSnapshot.Of(appointment);

        var error = Assert.Throws<DomainException>(() => appointment.Move(_massage, _amira, new DateTimeOffset(3000, 1, 8, 10, 0, 0, TimeSpan.Zero), A.London, false, [], A.Now, A.Desk));

        Assert.Equal(DomainErrorKind.OutOfRange, error.Kind);
        Assert.Equal(before, AppointmentSnapshot.Of(appointment));
    }

    [Fact]
    public void CheckIn_TwoYearsBeforeTheStart_RefusedAsRuleBroken()
    {
        var appointment = A.Booked(_massage, _amira, Start.AddYears(2));

        var error = Assert.Throws<DomainException>(() => appointment.CheckIn(A.Now, A.Desk, new CheckInWindow(Start.AddYears(2).AddHours(-10), "on the day of the appointment")));

        Assert.Equal(DomainErrorKind.RuleBroken, error.Kind);
        Assert.Equal("It is too early to check in: check-in opens on the day of the appointment.", error.Message);
        Assert.Equal(AppointmentStatus.Booked, appointment.Status);
    }

    [Fact]
    public void CheckIn_WithoutAWindowADayAndMoreEarly_Refused()
    {
        var appointment = A.Booked(_massage, _amira, Start);

        Assert.Throws<DomainException>(() => appointment.CheckIn(Start.AddDays(-1).AddMinutes(-1), A.Desk));
    }

    [Fact]
    public void CheckIn_OnceTheWindowOpens_CheckedIn()
    {
        var appointment = A.Booked(_massage, _amira, Start);
        var opens = Start.AddHours(-10);

        appointment.CheckIn(opens, A.Desk, new CheckInWindow(opens, "on the day of the appointment"));

        Assert.Equal(AppointmentStatus.CheckedIn, appointment.Status);
    }

    [Fact]
    public void Book_SameClientOverlappingWithAnotherProvider_RefusedAsConflict()
    {
        var client = ClientId.New();
        var first = Appointment.Book(AppointmentId.New(), client, _massage, _amira, Start, A.London, false, [], null, A.Now, A.Desk);

        var error = Assert.Throws<DomainException>(() => Appointment.Book(AppointmentId.New(), client, _massage, _ben, Start.AddMinutes(30), A.London, false,
            [new BusyPeriod(first.Id, first.ProviderId, [], first.Slot, client)], null, A.Now, A.Desk));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
        Assert.Contains("book anyway", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Book_SameClientOverlappingWithOverride_BookedAndRecorded()
    {
        var client = ClientId.New();
        var first = Appointment.Book(AppointmentId.New(), client, _massage, _amira, Start, A.London, false, [], null, A.Now, A.Desk);

        var second = Appointment.Book(AppointmentId.New(), client, _massage, _ben, Start.AddMinutes(30), A.London, false,
            [new BusyPeriod(first.Id, first.ProviderId, [], first.Slot, client)], null, A.Now, A.Desk, overrideClientClash: true);

        Assert.Equal(AppointmentStatus.Booked, second.Status);
        Assert.True(second.BookedOverClientClash);
        Assert.False(first.BookedOverClientClash);
    }

    [Fact]
    public void Book_OverrideWithoutAnyClash_NotRecordedAsAClash()
    {
        var appointment = Appointment.Book(AppointmentId.New(), ClientId.New(), _massage, _amira, Start, A.London, false, [], null, A.Now, A.Desk, overrideClientClash: true);

        Assert.False(appointment.BookedOverClientClash);
    }

    [Fact]
    public void Book_AnotherClientAtTheSameTimeWithAnotherProvider_Booked()
    {
        var first = A.Booked(_massage, _amira, Start);

        var second = Appointment.Book(AppointmentId.New(), ClientId.New(), _massage, _ben, Start, A.London, false,
            [new BusyPeriod(first.Id, first.ProviderId, [], first.Slot, first.ClientId)], null, A.Now, A.Desk);

        Assert.Equal(AppointmentStatus.Booked, second.Status);
    }

    [Fact]
    public void Move_OntoTheSameClientsOtherAppointment_RefusedAsConflict()
    {
        var client = ClientId.New();
        var first = Appointment.Book(AppointmentId.New(), client, _massage, _amira, Start, A.London, false, [], null, A.Now, A.Desk);
        var second = Appointment.Book(AppointmentId.New(), client, _massage, _ben, Start.AddHours(2), A.London, false, [], null, A.Now, A.Desk);

        var error = Assert.Throws<DomainException>(() => second.Move(_massage, _ben, Start, A.London, false,
            [new BusyPeriod(first.Id, first.ProviderId, [], first.Slot, client)], A.Now, A.Desk));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
        Assert.Equal(Start.AddHours(2), second.Start);
    }
}
