using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using static FrontDesk.Tests.Unit.Domain.Packages.Packages;

namespace FrontDesk.Tests.Unit.Domain.Packages;

/// <summary>Numbers and dates a caller chooses are bounded before a record changes (Limits).</summary>
public sealed class PackageRecordBoundsTests
{
    private static DomainException Refusal(Action act) => Assert.Throws<DomainException>(act);

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("10000")]
    [InlineData("1001")]
    [InlineData("-10000")]
    public void Adjust_SessionsBeyondTheLargestAdjustment_RefusedOutOfRangeAndNoCircleAdded(string delta)
    {
        var record = Sell(Course(sessions: 5));
        var entries = record.Ledger.Count;

        var error = Refusal(() => record.Adjust(decimal.Parse(delta, System.Globalization.CultureInfo.InvariantCulture), "typo", T0, Desk));

        Assert.Equal(DomainErrorKind.OutOfRange, error.Kind);
        Assert.Equal("delta", error.Field);
        Assert.Equal(5, record.Sessions.Count);
        Assert.Equal(entries, record.Ledger.Count);
    }

    [Fact]
    public void Adjust_BeyondTheSessionsOneRecordHolds_RefusedOutOfRange()
    {
        var record = Sell(Course(sessions: 5));

        var error = Refusal(() => record.Adjust(Limits.MaxSessionsPerRecord - 4, "goodwill", T0, Desk));

        Assert.Equal(DomainErrorKind.OutOfRange, error.Kind);
        Assert.Equal(5, record.Sessions.Count);
    }

    [Fact]
    public void Adjust_UpToTheSessionsOneRecordHolds_AddsThem()
    {
        var record = Sell(Course(sessions: 5));

        record.Adjust(Limits.MaxSessionsPerRecord - 5, "goodwill", T0, Desk);

        Assert.Equal(Limits.MaxSessionsPerRecord, record.Sessions.Count);
        AssertBalancesEqualLedger(record);
    }

    [Theory]
    [InlineData("1e28")]
    [InlineData("1000000.01")]
    public void Adjust_MoneyBeyondTheLargestAmount_RefusedOutOfRange(string delta)
    {
        var record = Sell(Credit());

        var error = Refusal(() => record.Adjust(decimal.Parse(delta, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture), "typo", T0, Desk));

        Assert.Equal(DomainErrorKind.OutOfRange, error.Kind);
        Assert.Equal(300m, record.Available);
    }

    [Fact]
    public void Adjust_MinutesBeyondWhatARecordHolds_RefusedOutOfRange()
    {
        var record = Sell(Minutes(240m));

        var error = Refusal(() => record.Adjust(Limits.MaxMinutes, "typo", T0, Desk));

        Assert.Equal(DomainErrorKind.OutOfRange, error.Kind);
        Assert.Equal(240m, record.Available);
    }

    [Fact]
    public void Freeze_FromTheYearOne_RefusedOutOfRangeAndExpiryUnchanged()
    {
        var record = Sell(Course(expiry: new Expiry(6, ExpiryUnit.Months)));
        var expires = record.ExpiresOn;

        var error = Refusal(() => record.Freeze(DateOnly.MinValue, Today, [], T0, Desk));

        Assert.Equal(DomainErrorKind.OutOfRange, error.Kind);
        Assert.Equal("from", error.Field);
        Assert.Empty(record.Freezes);
        Assert.Equal(expires, record.ExpiresOn);
    }

    [Fact]
    public void Freeze_LongerThanAYear_RefusedOutOfRange()
    {
        var record = Sell(Course());

        var error = Refusal(() => record.Freeze(Today, Today.AddDays(Limits.MaxFreezeDays), [], T0, Desk));

        Assert.Equal(DomainErrorKind.OutOfRange, error.Kind);
    }

    [Fact]
    public void ChangeExpiry_Year9999_RefusedOutOfRange()
    {
        var record = Sell(Course(expiry: new Expiry(6, ExpiryUnit.Months)));

        var error = Refusal(() => record.ChangeExpiry(new DateOnly(9999, 12, 31), "typo", T0, Desk));

        Assert.Equal(DomainErrorKind.OutOfRange, error.Kind);
        Assert.Equal(Today.AddMonths(6), record.ExpiresOn);
    }

    [Fact]
    public void ChangeExpiry_WithReason_MovesExpiryAndHistorySaysWhy()
    {
        var record = Sell(Course(expiry: new Expiry(6, ExpiryUnit.Months)));

        record.ChangeExpiry(Today.AddMonths(9), "manager's goodwill", T0, Desk);

        Assert.Equal(Today.AddMonths(9), record.ExpiresOn);
        Assert.Contains("manager's goodwill", record.Ledger[^1].Note, StringComparison.Ordinal);
    }
}
