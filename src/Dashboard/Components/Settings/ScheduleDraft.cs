using System.Globalization;
using FrontDesk.Dashboard.Catalog;

namespace FrontDesk.Dashboard.Components.Settings;

/// <summary>
/// A provider's working hours as the schedule editor holds them while they are typed: times as
/// text ("09:00"), checked when the editor saves, so a half-typed time never reaches the provider.
/// </summary>
public sealed class ScheduleDraft
{
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public List<WeekdayHoursDraft> Days { get; } = [];

    public List<ExceptionDraft> Exceptions { get; } = [];

    public static ScheduleDraft From(ScheduleView schedule)
    {
        var draft = new ScheduleDraft();
        foreach (var day in Week)
        {
            var hours = schedule.Weekly.Where(w => w.Weekday == day).OrderBy(w => w.Start).ToList();
            draft.Days.Add(new WeekdayHoursDraft(day)
            {
                Open = hours.Count > 0,
                Intervals = hours.Count > 0 ? hours.Select(h => IntervalDraft.From(h.Start, h.End, h.Breaks)).ToList() : [IntervalDraft.Default()],
            });
        }
        foreach (var date in schedule.Exceptions.GroupBy(e => e.Date).OrderBy(g => g.Key))
        {
            var first = date.First();
            draft.Exceptions.Add(new ExceptionDraft
            {
                Date = date.Key.ToDateTime(TimeOnly.MinValue),
                Off = first.Off,
                Reason = first.Reason,
                Intervals = first.Off
                    ? [IntervalDraft.Default()]
                    : date.Where(e => e.Start is not null && e.End is not null).Select(e => IntervalDraft.From(e.Start!.Value, e.End!.Value, e.Breaks)).ToList(),
            });
        }
        return draft;
    }

    /// <summary>"09:00" (or "24:00" for the end of the day) as a time, or null when it is not one.</summary>
    public static TimeOnly? ParseTime(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed is "24:00" or "24.00")
        {
            return TimeOnly.MaxValue;
        }
        return TimeOnly.TryParseExact(trimmed, ["HH:mm", "H:mm", "HH.mm", "H.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }

    public static string Format(TimeOnly time) => time == TimeOnly.MaxValue ? "24:00" : time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The message for a time field, or null when it reads as a time.</summary>
    public static string? TimeError(string? text) => ParseTime(text) is null ? "Write the time as HH:mm, e.g. 09:00." : null;

    /// <summary>The first problem of what is typed (a time that is not one, a date missing), or null.</summary>
    public string? FirstError()
    {
        foreach (var day in Days.Where(d => d.Open))
        {
            if (day.Intervals.Count == 0)
            {
                return $"{day.Day}: add working hours, or mark the day closed.";
            }
            if (day.Intervals.SelectMany(i => i.Times()).Any(t => ParseTime(t) is null))
            {
                return $"{day.Day}: write every time as HH:mm, e.g. 09:00.";
            }
        }
        foreach (var exception in Exceptions)
        {
            if (exception.Date is null)
            {
                return "Every exception needs a date.";
            }
            if (!exception.Off && exception.Intervals.SelectMany(i => i.Times()).Any(t => ParseTime(t) is null))
            {
                return $"{exception.Date:ddd d MMM yyyy}: write every time as HH:mm, e.g. 09:00.";
            }
        }
        var dates = Exceptions.Where(e => e.Date is not null).GroupBy(e => e.Date!.Value.Date).FirstOrDefault(g => g.Count() > 1);
        return dates is null ? null : $"{dates.Key:ddd d MMM yyyy} is listed twice; keep one exception per date.";
    }

    /// <summary>The weekly hours as the schedule command takes them (call after <see cref="FirstError"/> said nothing).</summary>
    public IReadOnlyList<WeeklyHoursView> Weekly() =>
        Days.Where(d => d.Open).SelectMany(d => d.Intervals.Select(i => new WeeklyHoursView(d.Day, ParseTime(i.Start)!.Value, ParseTime(i.End)!.Value, i.BreakViews()))).ToList();

    public IReadOnlyList<ExceptionView> ExceptionViews() =>
        Exceptions.SelectMany(e =>
        {
            var date = DateOnly.FromDateTime(e.Date!.Value);
            return e.Off
                ? [new ExceptionView(date, true, null, null, [], e.Reason)]
                : e.Intervals.Select(i => new ExceptionView(date, false, ParseTime(i.Start), ParseTime(i.End), i.BreakViews(), e.Reason));
        }).ToList();
}

public sealed class WeekdayHoursDraft(DayOfWeek day)
{
    public DayOfWeek Day { get; } = day;
    public bool Open { get; set; }
    public List<IntervalDraft> Intervals { get; set; } = [];
}

public sealed class IntervalDraft
{
    public string Start { get; set; } = "09:00";
    public string End { get; set; } = "17:00";
    public List<BreakDraft> Breaks { get; set; } = [];

    public static IntervalDraft Default() => new();

    public static IntervalDraft From(TimeOnly start, TimeOnly end, IEnumerable<BreakView> breaks) => new()
    {
        Start = ScheduleDraft.Format(start),
        End = ScheduleDraft.Format(end),
        Breaks = breaks.Select(b => new BreakDraft { Start = ScheduleDraft.Format(b.Start), End = ScheduleDraft.Format(b.End) }).ToList(),
    };

    public IEnumerable<string> Times() => new[] { Start, End }.Concat(Breaks.SelectMany(b => new[] { b.Start, b.End }));

    public IReadOnlyList<BreakView> BreakViews() =>
        Breaks.Select(b => new BreakView(ScheduleDraft.ParseTime(b.Start)!.Value, ScheduleDraft.ParseTime(b.End)!.Value)).ToList();
}

public sealed class BreakDraft
{
    public string Start { get; set; } = "12:00";
    public string End { get; set; } = "12:30";
}

public sealed class ExceptionDraft
{
    public DateTime? Date { get; set; }
    public bool Off { get; set; } = true;
    public string Reason { get; set; } = string.Empty;
    public List<IntervalDraft> Intervals { get; set; } = [IntervalDraft.Default()];
}
