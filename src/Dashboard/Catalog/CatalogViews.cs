using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Staff;

namespace FrontDesk.Dashboard.Catalog;

public sealed record ServiceView(Guid Id, string Name, int DurationMinutes, decimal Price, string Currency, string Activity, IReadOnlyList<string> Tags, IReadOnlyList<Guid> RequiredResourceIds)
{
    public int BufferMinutes { get; init; }
    public string Colour { get; init; } = FrontDesk.Domain.Catalog.Colour.Palette[0];
    public bool BookableOnline { get; init; } = true;
    public bool Active { get; init; } = true;

    /// <summary>Who performs it (read from the providers).</summary>
    public IReadOnlyList<Guid> ProviderIds { get; init; } = [];

    internal static ServiceView From(Service s, IEnumerable<Provider> providers) => new(
        s.Id.Value, s.Name, (int)s.Duration.TotalMinutes, s.Price.Amount, s.Price.Currency, s.Activity,
        s.Tags.ToList(), s.RequiredResources.Select(r => r.Value).ToList())
    {
        BufferMinutes = s.BufferMinutes,
        Colour = s.Colour,
        BookableOnline = s.BookableOnline,
        Active = s.Active,
        ProviderIds = providers.Where(p => p.Performs(s.Id)).Select(p => p.Id.Value).ToList(),
    };
}

public sealed record BreakView(TimeOnly Start, TimeOnly End);

/// <summary>A weekly working interval; the day's end is <see cref="TimeOnly.MaxValue"/>.</summary>
public sealed record ShiftView(DayOfWeek Day, TimeOnly From, TimeOnly To)
{
    public IReadOnlyList<BreakView> Breaks { get; init; } = [];
}

public sealed record ProviderView(Guid Id, string Name, IReadOnlyList<Guid> ServiceIds, IReadOnlyList<ShiftView> Shifts)
{
    public string Title { get; init; } = string.Empty;
    public string Colour { get; init; } = FrontDesk.Domain.Catalog.Colour.Palette[0];
    public int Order { get; init; }
    public bool Active { get; init; } = true;

    internal static ProviderView From(Provider p) => new(
        p.Id.Value, p.Name, p.Services.Select(s => s.Value).ToList(),
        p.Shifts.Select(s => new ShiftView(s.Day, s.From, s.To) { Breaks = Breaks(s.Breaks) }).ToList())
    {
        Title = p.Title,
        Colour = p.Colour,
        Order = p.Order,
        Active = p.Active,
    };

    internal static IReadOnlyList<BreakView> Breaks(IEnumerable<TimeRange> breaks) => breaks.Select(b => new BreakView(b.From, b.To)).ToList();
}

public sealed record ResourceView(Guid Id, string Name)
{
    public ResourceKind Kind { get; init; }
    public bool Active { get; init; } = true;

    internal static ResourceView From(Resource r) => new(r.Id.Value, r.Name) { Kind = r.Kind, Active = r.Active };
}

/// <summary>One weekly working interval with its breaks, as the schedule screen and API show it.</summary>
public sealed record WeeklyHoursView(DayOfWeek Weekday, TimeOnly Start, TimeOnly End, IReadOnlyList<BreakView> Breaks);

/// <summary>
/// A dated exception: <see cref="Off"/> (a day off, with an optional reason), or working hours
/// for that date replacing the weekly ones (several entries of one date: several intervals).
/// </summary>
public sealed record ExceptionView(DateOnly Date, bool Off, TimeOnly? Start, TimeOnly? End, IReadOnlyList<BreakView> Breaks, string Reason);

public sealed record ScheduleView(Guid ProviderId, IReadOnlyList<WeeklyHoursView> Weekly, IReadOnlyList<ExceptionView> Exceptions)
{
    internal static ScheduleView From(Provider p) => new(
        p.Id.Value,
        p.Shifts.Select(s => new WeeklyHoursView(s.Day, s.From, s.To, ProviderView.Breaks(s.Breaks))).ToList(),
        p.Exceptions.SelectMany(e => e.Off
            ? [new ExceptionView(e.Date, true, null, null, [], e.Reason)]
            : e.Hours.Select(h => new ExceptionView(e.Date, false, h.From, h.To, ProviderView.Breaks(h.Breaks), e.Reason))).ToList());
}

public sealed record ClosureView(DateOnly Date, string Reason);

/// <summary>A bookable start for a provider (an instant with the business's offset).</summary>
public sealed record AvailableStartView(Guid ProviderId, DateTimeOffset Start);

/// <summary>Working time on a date, breaks left out (wall-clock times; the day's end is <see cref="TimeOnly.MaxValue"/>).</summary>
public sealed record WorkingPeriodView(TimeOnly From, TimeOnly To);

/// <summary>A provider's date for the calendar shading: status, reason and the periods worked.</summary>
public sealed record ProviderDayView(Guid ProviderId, DateOnly Date, DayStatus Status, string Reason, IReadOnlyList<WorkingPeriodView> Periods);
