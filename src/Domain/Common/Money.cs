using System.Globalization;

namespace FrontDesk.Domain.Common;

/// <summary>An amount in one currency. Amounts of different currencies never mix.</summary>
public readonly record struct Money
{
    public Money(decimal amount, string currency)
    {
        if (string.IsNullOrWhiteSpace(currency) || currency.Length != 3)
        {
            throw DomainException.Invalid($"'{currency}' is not a three-letter currency code.", "currency");
        }
        if (Math.Abs(amount) > MaxAmount)
        {
            throw Limits.OutOfRange($"That amount is too large: at most {MaxAmount.ToString("#,0.00", CultureInfo.InvariantCulture)}.", "amount");
        }
        if (decimal.Round(amount, 2) != amount)
        {
            throw DomainException.Invalid($"{amount} has more than two decimals.", "amount");
        }
        Amount = amount;
        Currency = currency.ToUpperInvariant();
    }

    /// <summary>
    /// The largest amount of one price, payment or total (<see cref="Limits.MaxMoney"/>). It
    /// keeps sums far from decimal overflow, so adding money is refused, never crashes.
    /// </summary>
    public const decimal MaxAmount = Limits.MaxMoney;

    public decimal Amount { get; }
    public string Currency { get; }

    public static Money Zero(string currency) => new(0m, currency);

    /// <summary>
    /// An amount to the cent, half away from zero (2.225 -> 2.23, -2.225 -> -2.23), the way a
    /// till rounds. Every computed amount in the product goes through here: decimal.Round's
    /// default (to even) would make a 10% discount on 2.25 come out at 0.22.
    /// </summary>
    public static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary><paramref name="percent"/>% of <paramref name="amount"/>, rounded to the cent (<see cref="Round"/>).</summary>
    public static decimal Percent(decimal amount, decimal percent) => Round(amount * percent / 100m);

    public bool IsNegative => Amount < 0m;
    public bool IsZero => Amount == 0m;

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount, SameCurrency(a, b));
    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount, SameCurrency(a, b));
    public static bool operator <(Money a, Money b) => Compare(a, b) < 0;
    public static bool operator >(Money a, Money b) => Compare(a, b) > 0;
    public static bool operator <=(Money a, Money b) => Compare(a, b) <= 0;
    public static bool operator >=(Money a, Money b) => Compare(a, b) >= 0;

    private static int Compare(Money a, Money b)
    {
        SameCurrency(a, b);
        return a.Amount.CompareTo(b.Amount);
    }

    private static string SameCurrency(Money a, Money b) =>
        a.Currency == b.Currency
            ? a.Currency
            : throw DomainException.Invalid($"Cannot combine {a.Currency} with {b.Currency}.", "currency");

    public override string ToString() => $"{Amount.ToString("0.00", CultureInfo.InvariantCulture)} {Currency}";
}
