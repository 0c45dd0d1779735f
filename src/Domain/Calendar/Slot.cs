using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Calendar;

/// <summary>A half-open interval [Start, End) of UTC instants.</summary>
public readonly record struct Slot
{
    public Slot(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw DomainException.Invalid("An appointment must end after it starts.", "start");
        }
        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
    }

    /// <summary>
    /// The slot that lasts <paramref name="duration"/> from <paramref name="start"/>. A start so
    /// far ahead that its end cannot be represented is refused as invalid input.
    /// </summary>
    public static Slot Starting(DateTimeOffset start, TimeSpan duration)
    {
        var utc = start.ToUniversalTime();
        if (duration > TimeSpan.Zero && utc.UtcDateTime > DateTime.MaxValue - duration)
        {
            throw DomainException.Invalid("That time is too far in the future.", "start");
        }
        return new Slot(utc, utc + duration);
    }

    public DateTimeOffset Start { get; }
    public DateTimeOffset End { get; }
    public TimeSpan Duration => End - Start;

    public bool Overlaps(Slot other) => Start < other.End && other.Start < End;
}
