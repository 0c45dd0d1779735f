using FrontDesk.Domain.Common;

namespace FrontDesk.Tests.Unit.Domain.Common;

/// <summary>Money rounds to the cent half away from zero, as a till does.</summary>
public sealed class MoneyRoundingTests
{
    [Theory]
    [InlineData("2.225", "2.23")]
    [InlineData("2.235", "2.24")]
    [InlineData("0.005", "0.01")]
    [InlineData("0.125", "0.13")]
    [InlineData("-2.225", "-2.23")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("2.2249", "2.22")]
    [InlineData("2.2251", "2.23")]
    [InlineData("-2.2249", "-2.22")]
    [InlineData("7", "7")]
    public void Round_Boundaries_HalfAwayFromZero(string amount, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Money.Round(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2.25", "10", "0.23")]   // 0.225
    [InlineData("2.35", "10", "0.24")]   // 0.235 (to even would keep 0.24; the pair catches a wrong rule)
    [InlineData("0.05", "10", "0.01")]   // 0.005
    [InlineData("12.50", "33", "4.13")]  // 4.125
    [InlineData("-2.25", "10", "-0.23")]
    [InlineData("99.99", "15", "15.00")] // 14.9985
    [InlineData("80", "0", "0")]
    [InlineData("80", "100", "80")]
    public void Percent_OfAmounts_RoundsHalfAwayFromZero(string amount, string percent, string expected)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;

        Assert.Equal(decimal.Parse(expected, inv), Money.Percent(decimal.Parse(amount, inv), decimal.Parse(percent, inv)));
    }
}
