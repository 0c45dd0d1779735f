using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Staff;

/// <summary>A span of wall-clock time within one day, [From, To); <see cref="TimeOnly.MaxValue"/> as To means midnight.</summary>
public sealed record TimeRange(TimeOnly From, TimeOnly To)
{
    public bool Overlaps(TimeRange other) => From < other.To && other.From < To;

    public bool Contains(TimeRange other) => other.From >= From && other.To <= To;

    public override string ToString() => $"{Clock(From)}-{Clock(To)}";

    /// <summary>"09:30"; the end of the day reads "24:00".</summary>
    public static string Clock(TimeOnly time) =>
        time == TimeOnly.MaxValue ? "24:00" : time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// One working interval of a provider on a weekday, in the business's local time, with its
/// breaks (each inside the interval, none overlapping). Stored rows from before breaks existed
/// read back with none.
/// </summary>
public sealed record WorkingShift(DayOfWeek Day, TimeOnly From, TimeOnly To)
{
    public IReadOnlyList<TimeRange> Breaks { get; init; } = [];

    public TimeRange Hours => new(From, To);

    public bool Covers(DayOfWeek day, TimeOnly start, TimeOnly end) => day == Day && start >= From && end <= To && start < end;

    /// <summary>The shift's working time as a day's hours (same times, same breaks).</summary>
    public DayInterval ToInterval() => new(From, To) { Breaks = Breaks };
}

/// <summary>Working time on a particular date: an interval and its breaks.</summary>
public sealed record DayInterval(TimeOnly From, TimeOnly To)
{
    public IReadOnlyList<TimeRange> Breaks { get; init; } = [];

    public TimeRange Hours => new(From, To);

    /// <summary>The interval without its breaks, in order.</summary>
    public IReadOnlyList<TimeRange> WorkingParts()
    {
        var parts = new List<TimeRange>();
        var cursor = From;
        foreach (var b in Breaks.OrderBy(b => b.From))
        {
            if (b.From > cursor)
            {
                parts.Add(new TimeRange(cursor, b.From));
            }
            cursor = b.To > cursor ? b.To : cursor;
        }
        if (cursor < To)
        {
            parts.Add(new TimeRange(cursor, To));
        }
        return parts;
    }
}

/// <summary>
/// A date that differs from the weekly schedule: a day off (time off, sick day) when
/// <see cref="Hours"/> is empty, otherwise the hours worked that date instead of the weekly
/// ones (an extra shift on a day off included).
/// </summary>
public sealed record ScheduleException(DateOnly Date, string Reason)
{
    public IReadOnlyList<DayInterval> Hours { get; init; } = [];

    public bool Off => Hours.Count == 0;
}

/// <summary>The validation shared by weekly shifts and dated hours.</summary>
public static class WorkingHoursRules
{
    public const int MaxReasonLength = 120;

    /// <summary>Refuses an interval that ends before it starts, a break outside it, or overlapping breaks.</summary>
    public static void EnsureValid(string what, TimeOnly from, TimeOnly to, IReadOnlyList<TimeRange> breaks)
    {
        var hours = new TimeRange(from, to);
        if (from >= to)
        {
            throw DomainException.Invalid($"{what}: working hours {hours} must end after they start.", "schedule");
        }
        var ordered = breaks.OrderBy(b => b.From).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var b = ordered[i];
            if (b.From >= b.To)
            {
                throw DomainException.Invalid($"{what}: the break {b} must end after it starts.", "schedule");
            }
            if (!hours.Contains(b))
            {
                throw DomainException.Invalid($"{what}: the break {b} is not inside the working hours {hours}.", "schedule");
            }
            if (i > 0 && ordered[i - 1].Overlaps(b))
            {
                throw DomainException.Invalid($"{what}: the breaks {ordered[i - 1]} and {b} overlap.", "schedule");
            }
        }
    }

    /// <summary>Refuses intervals of one day that overlap.</summary>
    public static void EnsureNoOverlap(string what, IEnumerable<TimeRange> intervals)
    {
        var ordered = intervals.OrderBy(i => i.From).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i - 1].Overlaps(ordered[i]))
            {
                throw DomainException.Invalid($"{what}: working hours {ordered[i - 1]} and {ordered[i]} overlap.", "schedule");
            }
        }
    }
}
