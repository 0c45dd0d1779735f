using System.Globalization;

namespace FrontDesk.Domain.Common;

/// <summary>
/// The largest (and earliest, and latest) values any screen or API caller may hand to the
/// domain, in one place. Every command checks its numbers against these before it does any
/// work, so that no command ever allocates, loops or locks in proportion to a number the
/// caller chose. A value outside them is refused with <see cref="DomainErrorKind.OutOfRange"/>
/// (HTTP 422) and a message that names the bound.
/// </summary>
public static class Limits
{
    /// <summary>Sessions (circles) one package record or template holds, at most.</summary>
    public const int MaxSessionsPerRecord = 1000;

    /// <summary>How many times one service may be in a course or fixed package.</summary>
    public const int MaxTimesPerLine = 100;

    /// <summary>Minutes a package record or template holds, and the most one adjustment adds or takes.</summary>
    public const int MaxMinutes = 100_000;

    /// <summary>Sessions one adjustment adds or takes, at most.</summary>
    public const int MaxAdjustSessions = 1000;

    /// <summary>Any amount of money (price, payment, package value, invoice total), at most; always with two decimals at most.</summary>
    public const decimal MaxMoney = 1_000_000.00m;

    /// <summary>Payments that settle one invoice, at most.</summary>
    public const int MaxPayments = 10;

    /// <summary>Entries of one list in a command (services of a package, fixed dates...), at most.</summary>
    public const int MaxListItems = 200;

    /// <summary>Dates and times a command names lie within this many years before today...</summary>
    public const int YearsBack = 2;

    /// <summary>...and this many years after today.</summary>
    public const int YearsAhead = 5;

    /// <summary>The longest freeze of a package record, in days.</summary>
    public const int MaxFreezeDays = 365;

    /// <summary>The longest expiry of a package template.</summary>
    public const int MaxExpiryDays = 3650;

    /// <summary>The longest expiry of a package template, in months.</summary>
    public const int MaxExpiryMonths = 120;

    /// <summary>The earliest check-in a business may allow before the start, in hours.</summary>
    public const int MaxCheckInHoursBefore = 168;

    /// <summary>The widest late-cancellation window a business may set, in hours.</summary>
    public const int MaxLateCancellationHours = 168;

    public static DateOnly EarliestDate(DateOnly today) => today.AddYears(-YearsBack);

    public static DateOnly LatestDate(DateOnly today) => today.AddYears(YearsAhead);

    /// <summary>Today as the domain sees it from a UTC instant (a day off in the business's zone does not matter for a window of years).</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    /// <summary>Refuses a date outside [today - 2 years, today + 5 years].</summary>
    public static DateOnly EnsureDate(DateOnly day, DateTimeOffset now, string field, string label)
    {
        var today = Today(now);
        if (day < EarliestDate(today) || day > LatestDate(today))
        {
            throw OutOfRange(
                $"{label} {day.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} is out of range: give a date from {EarliestDate(today).ToString("d MMM yyyy", CultureInfo.InvariantCulture)} to {LatestDate(today).ToString("d MMM yyyy", CultureInfo.InvariantCulture)}.",
                field);
        }
        return day;
    }

    /// <summary>Refuses an instant more than 2 years before or 5 years after <paramref name="now"/>.</summary>
    public static DateTimeOffset EnsureInstant(DateTimeOffset at, DateTimeOffset now, string field, string label)
    {
        EnsureDate(DateOnly.FromDateTime(at.UtcDateTime), now, field, label);
        return at;
    }

    /// <summary>An amount of money: at most <see cref="MaxMoney"/> either way, two decimals at most.</summary>
    public static decimal EnsureMoney(decimal amount, string field, string label)
    {
        if (Math.Abs(amount) > MaxMoney)
        {
            throw OutOfRange($"{label} is too large: at most {MaxMoney.ToString("#,0.00", CultureInfo.InvariantCulture)}.", field);
        }
        if (decimal.Round(amount, 2) != amount)
        {
            throw DomainException.Invalid($"{label} has at most two decimals.", field);
        }
        return amount;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static int EnsureWhole(decimal value, int min, int max, string field, string label)
    {
        if (value < min || value > max)
        {
            throw OutOfRange($"{label} must be from {min.ToString("#,0", CultureInfo.InvariantCulture)} to {max.ToString("#,0", CultureInfo.InvariantCulture)}.", field);
        }
        if (value != decimal.Truncate(value))
        {
            throw DomainException.Invalid($"{label} is a whole number.", field);
        }
        return (int)value;
    }

    /// <summary>A list of at most <paramref name="max"/> entries.</summary>
    public static IReadOnlyCollection<T> EnsureCount<T>(IReadOnlyCollection<T> items, int max, string field, string label)
    {
        if (items.Count > max)
        {
            throw OutOfRange($"{label}: at most {max} entries.", field);
        }
        return items;
    }

    public static DomainException OutOfRange(string message, string? field) => new(DomainErrorKind.OutOfRange, message, field);
}
