namespace FrontDesk.Dashboard.Components.Scheduler;

/// <summary>What the scheduler shows: one day, or the week around a date.</summary>
public enum SchedulerView
{
    Day,
    Week,
}

/// <summary>Recurring working time of a column on one weekday (wall-clock times).</summary>
public sealed record SchedulerShift(DayOfWeek Day, TimeOnly From, TimeOnly To)
{
    public bool Covers(DayOfWeek day, TimeOnly from, TimeOnly to) =>
        day == Day && from >= From && (to <= To || To == TimeOnly.MaxValue);
}

/// <summary>A span of working time on one date (wall-clock times; <see cref="TimeOnly.MaxValue"/> as To means midnight).</summary>
public sealed record SchedulerPeriod(TimeOnly From, TimeOnly To)
{
    public bool Covers(TimeOnly from, TimeOnly to) => from >= From && (to <= To || To == TimeOnly.MaxValue);
}

/// <summary>
/// A column's working time on one date: its periods (a gap between two is a break) and, when
/// the whole date is off or closed, a <paramref name="Note"/> saying why ("Day off: dentist").
/// </summary>
public sealed record SchedulerDay(IReadOnlyList<SchedulerPeriod> Periods, string? Note = null)
{
    /// <summary>Whether the time falls between two working periods of the date (a break).</summary>
    public bool InBreak(TimeOnly from, TimeOnly to) =>
        Periods.Any(p => p.To <= from) && Periods.Any(p => p.From >= to);

    internal string Signature => $"{Note}:{string.Join(",", Periods.Select(p => $"{p.From:HHmm}-{p.To:HHmm}"))}";
}

/// <summary>
/// A column of the grid: a person, a room, a machine. <paramref name="Shifts"/> null means the
/// column is available whenever the grid is open; otherwise time outside the shifts is greyed.
/// <see cref="Days"/>, when given, decides per date instead (a date it does not name falls back to the shifts).
/// </summary>
public sealed record SchedulerColumn(string Key, string Title, IReadOnlyList<SchedulerShift>? Shifts = null)
{
    /// <summary>Working time per date, which wins over <see cref="Shifts"/> for the dates it names.</summary>
    public IReadOnlyDictionary<DateOnly, SchedulerDay>? Days { get; init; }

    public bool Works(DateOnly day, TimeOnly from, TimeOnly to) =>
        DayOf(day) is { } date
            ? date.Periods.Any(p => p.Covers(from, to))
            : Shifts is null || Shifts.Any(s => s.Covers(day.DayOfWeek, from, to));

    public SchedulerDay? DayOf(DateOnly day) => Days is { } days && days.TryGetValue(day, out var d) ? d : null;

    /// <summary>What decides the column's cells (the record's own equality compares lists by reference).</summary>
    internal string Signature(IEnumerable<DateOnly> dates) =>
        $"{Key}/{Title}/{(Shifts is null ? "-" : string.Join(",", Shifts))}/{string.Join(";", dates.Select(d => DayOf(d)?.Signature))}";
}

/// <summary>
/// A kind of item state: its colour (any CSS colour), icon (an SVG path, e.g. a MudBlazor
/// <c>Icons.Material</c> constant) and text, so that it is never told by colour alone.
/// An <paramref name="Inactive"/> status is hidden until the person asks to see it, then struck through.
/// </summary>
public sealed record SchedulerStatus(string Key, string Label, string Color, string Icon, bool Inactive = false);

/// <summary>A small marker on an item: a coloured circle with a short text ("3/10", or none), and its accessible text.</summary>
public sealed record SchedulerBadge(string Text, string Color, string Label);

/// <summary>
/// Something booked in a column from <see cref="Start"/> to <see cref="End"/> (wall-clock times).
/// Records compare by value: an item that did not change is not re-rendered.
/// </summary>
public sealed record SchedulerItem(string Key, string ColumnKey, DateTime Start, DateTime End, string Title, string StatusKey)
{
    /// <summary>A second line (e.g. the service).</summary>
    public string? Detail { get; init; }

    /// <summary>What a screen reader says; by default "Title, 10:00 to 11:00: Status".</summary>
    public string? AccessibleName { get; init; }

    public SchedulerBadge? Badge { get; init; }

    /// <summary>Whether it can be dragged to another time or column.</summary>
    public bool Movable { get; init; } = true;
}

/// <summary>A free (or any) slot was chosen: book in <paramref name="ColumnKey"/> at <paramref name="Start"/>.</summary>
public sealed record SchedulerSlot(string ColumnKey, DateTime Start);

/// <summary>An item was dropped on another slot: move it to <paramref name="ColumnKey"/> at <paramref name="Start"/>.</summary>
public sealed record SchedulerDrop(SchedulerItem Item, string ColumnKey, DateTime Start);
