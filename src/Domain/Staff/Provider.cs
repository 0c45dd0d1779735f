using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Staff;

/// <summary>
/// The person (or bookable resource) who performs services. The services a provider performs
/// are kept here and only here. The weekly schedule holds per weekday zero or more working
/// intervals with breaks; <see cref="Exceptions"/> replace it on particular dates.
/// </summary>
public sealed class Provider : AggregateRoot
{
    public const int MaxNameLength = 80;
    public const int MaxTitleLength = 80;
    public const int MaxShiftsPerDay = 6;
    public const int MaxBreaksPerShift = 6;
    public const int MaxExceptions = 400;
    private readonly List<ServiceId> _services = [];
    private List<WorkingShift> _shifts = [];
    private List<ScheduleException> _exceptions = [];

    private Provider()
    {
        Name = string.Empty;
        Title = string.Empty;
        Colour = Catalog.Colour.Palette[0];
    }

    public Provider(ProviderId id, string name, IEnumerable<ServiceId> services, IEnumerable<WorkingShift> shifts, string? title = null, string? colour = null, int order = 0)
    {
        Id = id;
        Name = Text.Required(name, "name", "Provider name", MaxNameLength);
        Title = Text.Optional(title, "title", "Title", MaxTitleLength);
        Colour = Catalog.Colour.Parse(colour ?? Catalog.Colour.Default(id.Value));
        Order = order;
        Active = true;
        _services.AddRange(services.Distinct());
        _shifts = CheckedWeekly(shifts);
    }

    public ProviderId Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>What the desk calls them ("Senior therapist"); may be empty.</summary>
    public string Title { get; private set; }
    public string Colour { get; private set; }

    /// <summary>Their place on the calendar, lowest first (then by name).</summary>
    public int Order { get; private set; }

    /// <summary>An inactive provider takes no new bookings; their history stays.</summary>
    public bool Active { get; private set; }
    public IReadOnlyList<ServiceId> Services => _services;

    /// <summary>The weekly schedule: working intervals per weekday, with their breaks.</summary>
    public IReadOnlyList<WorkingShift> Shifts => _shifts;

    /// <summary>Dated days off and replacement hours, by date.</summary>
    public IReadOnlyList<ScheduleException> Exceptions => _exceptions;

    public bool Performs(ServiceId service) => _services.Contains(service);

    /// <summary>Changes the profile at once; on a refusal nothing changes.</summary>
    public void Update(string name, string? title, string colour, int order, bool active)
    {
        var checkedName = Text.Required(name, "name", "Provider name", MaxNameLength);
        var checkedTitle = Text.Optional(title, "title", "Title", MaxTitleLength);
        var checkedColour = Catalog.Colour.Parse(colour);
        if (order is < 0 or > 10_000)
        {
            throw DomainException.Invalid("The calendar order is a number from 0 to 10000.", "order");
        }
        Name = checkedName;
        Title = checkedTitle;
        Colour = checkedColour;
        Order = order;
        Active = active;
    }

    /// <summary>The services this provider performs, replacing the list.</summary>
    public void PerformOnly(IEnumerable<ServiceId> services)
    {
        var list = services.Distinct().ToList();
        _services.Clear();
        _services.AddRange(list);
    }

    /// <summary>Adds or removes one service (the service settings edit who performs it here).</summary>
    public void SetPerforms(ServiceId service, bool performs)
    {
        if (performs && !_services.Contains(service))
        {
            _services.Add(service);
        }
        else if (!performs)
        {
            _services.Remove(service);
        }
    }

    /// <summary>Replaces the weekly schedule and the dated exceptions; both are checked before either changes.</summary>
    public void SetSchedule(IEnumerable<WorkingShift> weekly, IEnumerable<ScheduleException> exceptions)
    {
        var checkedWeekly = CheckedWeekly(weekly);
        var checkedExceptions = CheckedExceptions(exceptions);
        _shifts = checkedWeekly;
        _exceptions = checkedExceptions;
    }

    /// <summary>The hours this provider works on <paramref name="date"/> by the schedule alone (closures aside).</summary>
    public IReadOnlyList<DayInterval> HoursOn(DateOnly date, out ScheduleException? exception)
    {
        exception = _exceptions.FirstOrDefault(e => e.Date == date);
        if (exception is not null)
        {
            return exception.Hours;
        }
        var day = date.DayOfWeek;
        return _shifts.Where(s => s.Day == day).OrderBy(s => s.From).Select(s => s.ToInterval()).ToList();
    }

    /// <summary>Whether one weekly shift covers the whole local interval (an appointment never spans two days).</summary>
    public bool Works(DateTime localStart, DateTime localEnd) =>
        localStart.Date == localEnd.AddTicks(-1).Date
        && _shifts.Any(s => s.Covers(localStart.DayOfWeek, TimeOnly.FromDateTime(localStart), localEnd.TimeOfDay == TimeSpan.Zero ? TimeOnly.MaxValue : TimeOnly.FromDateTime(localEnd)));

    private static List<WorkingShift> CheckedWeekly(IEnumerable<WorkingShift> shifts)
    {
        var list = shifts.ToList();
        foreach (var shift in list)
        {
            if (!Enum.IsDefined(shift.Day))
            {
                throw DomainException.Invalid("A weekday is Monday to Sunday.", "schedule");
            }
            var breaks = shift.Breaks ?? [];
            if (breaks.Count > MaxBreaksPerShift)
            {
                throw DomainException.Invalid($"{shift.Day}: at most {MaxBreaksPerShift} breaks per working interval.", "schedule");
            }
            WorkingHoursRules.EnsureValid(shift.Day.ToString(), shift.From, shift.To, breaks);
        }
        foreach (var day in list.GroupBy(s => s.Day))
        {
            if (day.Count() > MaxShiftsPerDay)
            {
                throw DomainException.Invalid($"{day.Key}: at most {MaxShiftsPerDay} working intervals.", "schedule");
            }
            WorkingHoursRules.EnsureNoOverlap(day.Key.ToString(), day.Select(s => s.Hours));
        }
        return list.Select(s => s with { Breaks = (s.Breaks ?? []).OrderBy(b => b.From).ToList() })
            .OrderBy(s => ((int)s.Day + 6) % 7).ThenBy(s => s.From).ToList();
    }

    private static List<ScheduleException> CheckedExceptions(IEnumerable<ScheduleException> exceptions)
    {
        var list = exceptions.ToList();
        if (list.Count > MaxExceptions)
        {
            throw DomainException.Invalid($"At most {MaxExceptions} dated exceptions; remove past ones first.", "exceptions");
        }
        var checkedList = new List<ScheduleException>();
        foreach (var date in list.GroupBy(e => e.Date).OrderBy(g => g.Key))
        {
            var what = date.Key.ToString("ddd d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
            var entries = date.ToList();
            if (entries.Count > 1 && entries.Any(e => e.Off))
            {
                throw DomainException.Invalid($"{what} is both a day off and a working day; keep one of them.", "exceptions");
            }
            var hours = entries.SelectMany(e => e.Hours ?? []).ToList();
            if (hours.Count > MaxShiftsPerDay)
            {
                throw DomainException.Invalid($"{what}: at most {MaxShiftsPerDay} working intervals.", "exceptions");
            }
            foreach (var interval in hours)
            {
                WorkingHoursRules.EnsureValid(what, interval.From, interval.To, interval.Breaks ?? []);
            }
            WorkingHoursRules.EnsureNoOverlap(what, hours.Select(h => h.Hours));
            var reasons = entries.Select(e => Text.Optional(e.Reason, "reason", "Reason", WorkingHoursRules.MaxReasonLength)).Where(r => r.Length > 0).Distinct();
            checkedList.Add(new ScheduleException(date.Key, string.Join("; ", reasons))
            {
                Hours = hours.Select(h => h with { Breaks = (h.Breaks ?? []).OrderBy(b => b.From).ToList() }).OrderBy(h => h.From).ToList(),
            });
        }
        return checkedList;
    }
}
