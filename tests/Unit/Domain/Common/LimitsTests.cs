using FrontDesk.Domain.Common;

namespace FrontDesk.Tests.Unit.Domain.Common;

public sealed class LimitsTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 7, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2028, 1, 7)]
    [InlineData(2035, 1, 7)]
    public void EnsureDate_OnTheEdgesOfTheWindow_Accepted(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);

        Assert.Equal(date, Limits.EnsureDate(date, Now, "d", "The date"));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2028, 1, 6)]
    [InlineData(2035, 1, 8)]
    [InlineData(9999, 12, 31)]
    public void EnsureDate_OutsideTheWindow_RefusedOutOfRangeNamingTheWindow(int year, int month, int day)
    {
        var error = Assert.Throws<DomainException>(() => Limits.EnsureDate(new DateOnly(year, month, day), Now, "d", "The date"));

        Assert.Equal(DomainErrorKind.OutOfRange, error.Kind);
        Assert.Contains("from 7 Jan 2028 to 7 Jan 2035", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-1000000.01")]
    public void EnsureMoney_BeyondAMillion_RefusedOutOfRange(string amount)
    {
        var error = Assert.Throws<DomainException>(() => Limits.EnsureMoney(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "amount", "The amount"));

        Assert.Equal(DomainErrorKind.OutOfRange, error.Kind);
    }

    [Fact]
    public void EnsureMoney_ThreeDecimals_RefusedAsInvalid()
    {
        var error = Assert.Throws<DomainException>(() => Limits.EnsureMoney(1.005m, "amount", "The amount"));

        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
    }
}
