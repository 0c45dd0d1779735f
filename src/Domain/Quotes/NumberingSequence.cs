using System.Globalization;
using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Quotes;

/// <summary>What a numbering sequence numbers; one sequence per kind.</summary>
public enum SequenceKind
{
    Quote,
    Invoice,
    Receipt,
}

/// <summary>
/// A document numbering: prefix and next number, optionally starting again at 1 every year
/// (the business's local year, then part of the number: Q2026-0001). Taking a number is a
/// read-modify-write of this row, so it runs inside one write transaction (the unit of work's
/// BEGIN IMMEDIATE on SQLite) and two desks never get the same number.
/// </summary>
public sealed class NumberingSequence : AggregateRoot
{
    public const int MaxPrefix = 12;
    public const int MaxNext = 99_999_999;

    private NumberingSequence() => Prefix = string.Empty;

    public Guid Id { get; private set; }
    public SequenceKind Kind { get; private set; }
    public string Prefix { get; private set; }
    public int NextNumber { get; private set; }
    public bool YearlyReset { get; private set; }

    /// <summary>The local year the next number belongs to (yearly reset only).</summary>
    public int? Year { get; private set; }

    public static NumberingSequence Create(Guid id, SequenceKind kind, string? prefix, int nextNumber, bool yearlyReset, int localYear)
    {
        if (!Enum.IsDefined(kind))
        {
            throw DomainException.Invalid("Kind is Quote, Invoice or Receipt.", "kind");
        }
        var sequence = new NumberingSequence { Id = id, Kind = kind };
        sequence.Change(prefix, nextNumber, yearlyReset, localYear);
        return sequence;
    }

    public void Change(string? prefix, int nextNumber, bool yearlyReset, int localYear)
    {
        Prefix = Text.Optional(prefix, "prefix", "Prefix", MaxPrefix);
        if (nextNumber < 1 || nextNumber > MaxNext)
        {
            throw Limits.OutOfRange($"The next number is between 1 and {MaxNext:N0}.", "nextNumber");
        }
        NextNumber = nextNumber;
        YearlyReset = yearlyReset;
        Year = yearlyReset ? localYear : null;
    }

    /// <summary>What the next number will look like (nothing is taken).</summary>
    public string Preview(int localYear) => Format(YearlyReset && Year != localYear ? 1 : NextNumber, localYear);

    /// <summary>Takes the next number; with a yearly reset a new local year starts again at 1.</summary>
    public string Take(int localYear)
    {
        if (YearlyReset && Year != localYear)
        {
            Year = localYear;
            NextNumber = 1;
        }
        if (NextNumber > MaxNext)
        {
            throw DomainException.Rule($"The {Kind.ToString().ToLowerInvariant()} numbering has run out; a manager can set a new prefix.");
        }
        var number = Format(NextNumber, localYear);
        NextNumber++;
        return number;
    }

    private string Format(int number, int localYear) => YearlyReset
        ? string.Create(CultureInfo.InvariantCulture, $"{Prefix}{localYear}-{number:0000}")
        : string.Create(CultureInfo.InvariantCulture, $"{Prefix}{number:0000}");
}
