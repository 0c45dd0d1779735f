using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using static FrontDesk.Tests.Unit.Domain.Packages.Packages;

namespace FrontDesk.Tests.Unit.Domain.Packages;

/// <summary>Each restriction a clinic sets on a package refuses a booking with a reason the desk can read, and changes nothing.</summary>
public sealed class PackageRestrictionTests
{
    private static DomainException BookRefused(PackageTemplate template, PackageRecord record, PackageUse use)
    {
        var before = record.Ledger.Count;
        var error = Assert.Throws<DomainException>(() => record.Book(template, use, null, RedemptionPolicy.AtCheckOut, T0, Desk));
        Assert.Equal(before, record.Ledger.Count);
        Assert.Equal(0m, record.Held);
        return error;
    }

    [Fact]
    public void Book_OnAWeekdayOutsideTheList_IsRefusedWithTheValidDays()
    {
        var course = Course(restrictions: UsageRestrictions.None with { Weekdays = [DayOfWeek.Monday] });
        var record = Sell(course);

        var error = BookRefused(course, record, Use(Laser, dayOffset: 1)); // Tuesday

        Assert.Equal(DomainErrorKind.RuleBroken, error.Kind);
        Assert.Contains("only valid on Mon", error.Message);
    }

    [Fact]
    public void Book_OnAListedWeekday_IsAllowed()
    {
        var course = Course(restrictions: UsageRestrictions.None with { Weekdays = [DayOfWeek.Monday] });
        var record = Sell(course);

        record.Book(course, Use(Laser, dayOffset: 7), null, RedemptionPolicy.AtCheckOut, T0, Desk); // next Monday

        Assert.Equal(1m, record.Held);
    }

    [Theory]
    [InlineData(9, 60)] // starts before 10:00
    [InlineData(12, 90)] // ends after 13:00
    public void Book_OutsideTheTimeWindow_IsRefusedWithTheWindow(int hour, int minutes)
    {
        var course = Course(restrictions: UsageRestrictions.None with { From = new TimeOnly(10, 0), To = new TimeOnly(13, 0) });
        var record = Sell(course);

        var error = BookRefused(course, record, Use(Laser, hour: hour, minutes: minutes));

        Assert.Contains("only valid 10:00-13:00", error.Message);
    }

    [Fact]
    public void Book_InsideTheTimeWindow_IsAllowed()
    {
        var course = Course(restrictions: UsageRestrictions.None with { From = new TimeOnly(10, 0), To = new TimeOnly(13, 0) });
        var record = Sell(course);

        record.Book(course, Use(Laser, hour: 12, minutes: 60), null, RedemptionPolicy.AtCheckOut, T0, Desk);

        Assert.Equal(1m, record.Held);
    }

    [Theory]
    [InlineData(0)] // before the first day
    [InlineData(20)] // after the last day
    public void Book_OutsideTheDateRange_IsRefusedWithTheRange(int dayOffset)
    {
        var range = UsageRestrictions.None with { FirstDate = Today.AddDays(1), LastDate = Today.AddDays(10) };
        var course = Course(restrictions: range);
        var record = Sell(course);

        var error = BookRefused(course, record, Use(Laser, dayOffset: dayOffset));

        Assert.Contains("only valid from 24 Nov 2026 to 3 Dec 2026", error.Message);
    }

    [Fact]
    public void Book_OnADayNotInTheFixedDates_IsRefused()
    {
        var course = Course(restrictions: UsageRestrictions.None with { FixedDates = [Today.AddDays(3), Today.AddDays(10)] });
        var record = Sell(course);

        var error = BookRefused(course, record, Use(Laser, dayOffset: 4));

        Assert.Contains("not valid on this date", error.Message);
    }

    [Fact]
    public void Book_OnAFixedDate_IsAllowed()
    {
        var course = Course(restrictions: UsageRestrictions.None with { FixedDates = [Today.AddDays(3), Today.AddDays(10)] });
        var record = Sell(course);

        record.Book(course, Use(Laser, dayOffset: 10), null, RedemptionPolicy.AtCheckOut, T0, Desk);

        Assert.Equal(4m, record.Available);
    }

    [Fact]
    public void Book_WithAnotherProvider_IsRefused()
    {
        var course = Course(provider: Amira);
        var record = Sell(course);

        var error = BookRefused(course, record, Use(Laser, provider: Ben));

        Assert.Contains("only valid with another provider", error.Message);
    }

    [Fact]
    public void Book_AfterTheRecordExpired_IsRefusedWithTheDate()
    {
        var course = Course(expiry: new Expiry(10, ExpiryUnit.Days));
        var record = Sell(course);

        var error = BookRefused(course, record, Use(Laser, dayOffset: 11));

        Assert.Equal(new DateOnly(2026, 12, 3), record.ExpiresOn);
        Assert.Contains("expired on 3 Dec 2026", error.Message);
    }

    [Fact]
    public void Book_OnTheLastValidDay_IsAllowed()
    {
        var course = Course(expiry: new Expiry(10, ExpiryUnit.Days));
        var record = Sell(course);

        record.Book(course, Use(Laser, dayOffset: 10), null, RedemptionPolicy.AtCheckOut, T0, Desk);

        Assert.Equal(1m, record.Held);
    }

    [Fact]
    public void Book_InsideAFreeze_IsRefused()
    {
        var course = Course();
        var record = Sell(course);
        record.Freeze(Today.AddDays(2), Today.AddDays(8), [], T0, Desk);

        var error = BookRefused(course, record, Use(Laser, dayOffset: 5));

        Assert.Contains("frozen 25 Nov-1 Dec", error.Message);
    }

    [Fact]
    public void Book_AServiceThePackageDoesNotInclude_IsRefused()
    {
        var course = Course();
        var record = Sell(course);

        var error = BookRefused(course, record, Use(Swedish));

        Assert.Contains("does not include this service", error.Message);
    }

    [Fact]
    public void Book_ABalanceThatIsUsedUp_IsRefused()
    {
        var credit = Credit(amount: 100m);
        var record = Sell(credit);
        record.Book(credit, Use(Swedish, price: 100m), null, RedemptionPolicy.AtCheckOut, T0, Desk);

        var error = Assert.Throws<DomainException>(() => record.Book(credit, Use(Thai, price: 50m), null, RedemptionPolicy.AtCheckOut, T0, Desk));

        Assert.Contains("nothing left", error.Message);
    }
}
