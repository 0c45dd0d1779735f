using FrontDesk.Domain.Common;

namespace FrontDesk.Tests.Unit.Domain.Common;

public sealed class MoneyTests
{
    [Fact]
    public void Constructor_LowerCaseCurrency_StoredUpperCase()
    {
        var money = new Money(12.5m, "gbp");

        Assert.Equal("GBP", money.Currency);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("GB")]
    [InlineData("POUND")]
    public void Constructor_NotAThreeLetterCode_RefusedAsInvalid(string currency)
    {
        var ex = Assert.Throws<DomainException>(() => new Money(1m, currency));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
        Assert.Equal("currency", ex.Field);
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("10.125")]
    [InlineData("-0.005")]
    public void Constructor_MoreThanTwoDecimals_RefusedAsInvalid(string amount)
    {
        var ex = Assert.Throws<DomainException>(() => new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "GBP"));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
        Assert.Equal("amount", ex.Field);
    }

    [Fact]
    public void Constructor_TrailingZeroDecimals_Accepted()
    {
        var money = new Money(10.1000m, "GBP");

        Assert.Equal(10.1m, money.Amount);
    }

    [Fact]
    public void Add_SameCurrency_Sums()
    {
        Assert.Equal(new Money(30.75m, "EUR"), new Money(10.25m, "EUR") + new Money(20.50m, "EUR"));
    }

    [Fact]
    public void Add_DifferentCurrencies_RefusedAsInvalid()
    {
        var ex = Assert.Throws<DomainException>(() => new Money(1m, "GBP") + new Money(1m, "EUR"));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
    }

    [Fact]
    public void Subtract_DifferentCurrencies_RefusedAsInvalid()
    {
        Assert.Throws<DomainException>(() => new Money(1m, "GBP") - new Money(1m, "EUR"));
    }

    [Fact]
    public void Compare_DifferentCurrencies_RefusedAsInvalid()
    {
        Assert.Throws<DomainException>(() => new Money(1m, "GBP") < new Money(2m, "EUR"));
    }

    [Fact]
    public void Equality_SameAmountDifferentCurrency_NotEqual()
    {
        Assert.NotEqual(new Money(1m, "GBP"), new Money(1m, "EUR"));
    }

    [Fact]
    public void ToString_AnyCulture_TwoDecimalsAndCode()
    {
        Assert.Equal("1234.50 GBP", new Money(1234.5m, "GBP").ToString());
    }

    [Fact]
    public void Constructor_BeyondLargestAmount_RefusedAsOutOfRange()
    {
        var ex = Assert.Throws<DomainException>(() => new Money(Money.MaxAmount + 0.01m, "GBP"));

        Assert.Equal(DomainErrorKind.OutOfRange, ex.Kind);
    }

    [Fact]
    public void Add_HugeAmounts_RefusedAsOutOfRangeInsteadOfOverflowing()
    {
        var big = new Money(Money.MaxAmount, "GBP");

        var ex = Assert.Throws<DomainException>(() => big + big);

        Assert.Equal(DomainErrorKind.OutOfRange, ex.Kind);
    }
}
