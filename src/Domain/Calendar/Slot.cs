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

    public DateTimeOffset Start { get; }
    public DateTimeOffset End { get; }
    public TimeSpan Duration => End - Start;

    public bool Overlaps(Slot other) => Start < other.End && other.Start < End;
}
