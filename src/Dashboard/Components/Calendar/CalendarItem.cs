using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Components.Scheduler;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Packages;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Calendar;

/// <summary>
/// How the front desk's appointments, providers and statuses map onto the domain-free
/// <see cref="Scheduler.Scheduler"/>: providers are columns, appointments are items.
/// </summary>
public static class CalendarItem
{
    /// <summary>Circle colours of a course session, as the drawers draw them (orange booked, red redeemed).</summary>
    public const string CircleBooked = "#ef8a00";
    public const string CircleRedeemed = "#c62828";
    public const string CircleFree = "#2e7d32";

    /// <summary>
    /// Every appointment status with its colour, icon and text. The colours stay clear of the
    /// course circles' green (free), orange (booked) and red (redeemed); they are the --fd-*
    /// variables of app.css, so the drawers' status badges show the same ones.
    /// </summary>
    public static IReadOnlyList<SchedulerStatus> Statuses { get; } =
    [
        new(nameof(AppointmentStatus.Booked), StatusLabels.Label(AppointmentStatus.Booked), "var(--fd-booked, #1e63c4)", StatusLabels.Icon(AppointmentStatus.Booked)),
        new(nameof(AppointmentStatus.CheckedIn), StatusLabels.Label(AppointmentStatus.CheckedIn), "var(--fd-checkedin, #6a3fb8)", StatusLabels.Icon(AppointmentStatus.CheckedIn)),
        new(nameof(AppointmentStatus.Completed), StatusLabels.Label(AppointmentStatus.Completed) + " (paid)", "var(--fd-completed, #37474f)", StatusLabels.Icon(AppointmentStatus.Completed)),
        new(nameof(AppointmentStatus.NoShow), StatusLabels.Label(AppointmentStatus.NoShow), "var(--fd-noshow, #ad1457)", StatusLabels.Icon(AppointmentStatus.NoShow)),
        new(nameof(AppointmentStatus.Cancelled), StatusLabels.Label(AppointmentStatus.Cancelled), "var(--fd-cancelled, #757575)", StatusLabels.Icon(AppointmentStatus.Cancelled), Inactive: true),
    ];

    /// <summary>The provider's column shaded by their weekly shifts.</summary>
    public static SchedulerColumn Column(ProviderView provider) =>
        new(provider.Id.ToString(), provider.Name, provider.Shifts.Select(s => new SchedulerShift(s.Day, s.From, s.To)).ToList());

    /// <summary>
    /// A provider's column shaded per date from the working-periods query: breaks, days off and
    /// closures greyed, the reason of a day off or closure shown. Dates not in
    /// <paramref name="days"/> fall back to the weekly hours.
    /// </summary>
    public static SchedulerColumn Column(ProviderView provider, IEnumerable<ProviderDayView> days) => SharedColumns.Of(Column(provider) with
    {
        Days = days.Where(d => d.ProviderId == provider.Id).ToDictionary(d => d.Date, d => new SchedulerDay(
            d.Periods.Select(p => new SchedulerPeriod(p.From, p.To)).ToList(), DayNote(d))),
    });

    /// <summary>
    /// Every desk reads the same providers (with their weekly shifts and breaks) and the same days'
    /// working periods, and builds the same columns from them: one instance of each for the server,
    /// not a copy per desk. These records hold lists, so they are equal when they serialize alike.
    /// </summary>
    private static readonly SharedValues<SchedulerColumn> SharedColumns = new(capacity: 1024, comparer: AlikeAsJson<SchedulerColumn>.Instance);

    private static readonly SharedValues<ProviderView> SharedProviders = new(capacity: 1024, comparer: AlikeAsJson<ProviderView>.Instance);

    private static readonly SharedValues<ProviderDayView> SharedDays = new(capacity: 4096, comparer: AlikeAsJson<ProviderDayView>.Instance);

    /// <summary>The providers as read, each the instance every desk holds.</summary>
    public static IReadOnlyList<ProviderView> Shared(IEnumerable<ProviderView> providers) => providers.Select(SharedProviders.Of).ToList();

    /// <summary>The working days as read, each the instance every desk holds.</summary>
    public static IReadOnlyList<ProviderDayView> Shared(IEnumerable<ProviderDayView> days) => days.Select(SharedDays.Of).ToList();

    /// <summary>"Day off: dentist", "Closed: Christmas Day", or null on a working (or simply unscheduled) date.</summary>
    public static string? DayNote(ProviderDayView day) => day.Status switch
    {
        DayStatus.DayOff => day.Reason.Length > 0 ? $"Day off: {day.Reason}" : "Day off",
        DayStatus.Closed => day.Reason.Length > 0 ? $"Closed: {day.Reason}" : "Closed",
        _ => null,
    };

    private static readonly SharedValues<SchedulerItem> SharedItems = new(capacity: 16_384);

    /// <summary>
    /// An appointment as the grid draws it, in the business's wall-clock time. <paramref name="record"/>
    /// is its prepaid record when known, for the "3/10" badge and the circle's colour.
    /// </summary>
    public static SchedulerItem From(AppointmentView a, BusinessClock clock, RecordView? record = null)
    {
        var start = clock.ToLocal(a.Start);
        var end = clock.ToLocal(a.End);
        var paid = a.PackageRecordId is null ? string.Empty : a.PackageSession is { } n ? $", course session {n}" : ", from a package";
        // Every desk showing this appointment holds the same item, and the same texts in it.
        return SharedItems.Of(new SchedulerItem(a.Id.ToString(), a.ProviderId.ToString(), start, end, a.ClientName, a.Status.ToString())
        {
            Detail = a.ServiceName,
            AccessibleName = $"{a.ClientName}, {a.ServiceName} with {a.ProviderName}, {start:HH:mm} to {end:HH:mm}{paid}: {StatusLabels.Label(a.Status)}",
            Badge = Badge(a, record),
            Movable = a.Status == AppointmentStatus.Booked,
        });
    }

    private static SchedulerBadge? Badge(AppointmentView a, RecordView? record)
    {
        if (a.PackageRecordId is null)
        {
            return null;
        }
        var redeemed = a.Status is AppointmentStatus.CheckedIn or AppointmentStatus.Completed;
        var state = redeemed ? SessionState.Redeemed : SessionState.Booked;
        var name = record?.Name ?? "Package";
        if (a.PackageSession is not { } session)
        {
            return new SchedulerBadge(string.Empty, Circle(state), $"{name}: {Word(state)}");
        }
        if (record is { CountBased: true } && record.Sessions.FirstOrDefault(s => s.Number == session) is { } known)
        {
            state = known.State;
            return new SchedulerBadge($"{session}/{record.Sessions.Count}", Circle(state), $"{name}, session {session} of {record.Sessions.Count}: {Word(state)}");
        }
        return new SchedulerBadge($"#{session}", Circle(state), $"{name}, session {session}: {Word(state)}");
    }

    private static string Circle(SessionState state) => state switch
    {
        SessionState.Free => CircleFree,
        SessionState.Redeemed => CircleRedeemed,
        _ => CircleBooked,
    };

    private static string Word(SessionState state) => state.ToString().ToLowerInvariant();
}
