using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using static FrontDesk.Tests.Unit.Domain.Packages.Packages;

namespace FrontDesk.Tests.Unit.Domain.Packages;

public sealed class PackageRecordUnfreezeTests
{
    private static readonly PackageTemplate SixMonthCourse = Course(expiry: new Expiry(6, ExpiryUnit.Months));

    private static PackageRecord FrozenSixMonthCourse(DateOnly from, DateOnly to)
    {
        var record = Sell(SixMonthCourse);
        record.Freeze(from, to, [], T0, Desk);
        return record;
    }

    [Fact]
    public void Unfreeze_OnTheFourthDayOfATenDayFreeze_GivesBackSevenDaysAndTodayIsUsable()
    {
        var record = FrozenSixMonthCourse(Today.AddDays(1), Today.AddDays(10));
        var fourthDay = Today.AddDays(4);
        Assert.StartsWith("frozen", record.Refuse(SixMonthCourse, UseOn(fourthDay, Laser)), StringComparison.Ordinal);

        record.Unfreeze(fourthDay, T0.AddDays(4), Desk);

        Assert.Equal(new FreezeWindow(Today.AddDays(1), Today.AddDays(3)), Assert.Single(record.Freezes));
        Assert.Equal(Today.AddMonths(6).AddDays(3), record.ExpiresOn);
        Assert.Null(record.Refuse(SixMonthCourse, UseOn(fourthDay, Laser)));
        Assert.Contains("7 unused days", record.Ledger[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Unfreeze_FreezeNotStartedYet_RemovesItAndTheExpiryComesBack()
    {
        var record = FrozenSixMonthCourse(Today.AddDays(5), Today.AddDays(9));

        record.Unfreeze(Today, T0, Desk);

        Assert.Empty(record.Freezes);
        Assert.Equal(Today.AddMonths(6), record.ExpiresOn);
    }

    [Fact]
    public void Unfreeze_NoFreezeNowOrPlanned_RefusedAsConflict()
    {
        var record = FrozenSixMonthCourse(Today.AddDays(1), Today.AddDays(3));

        var error = Assert.Throws<DomainException>(() => record.Unfreeze(Today.AddDays(4), T0.AddDays(4), Desk));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
        Assert.Single(record.Freezes);
    }
}
