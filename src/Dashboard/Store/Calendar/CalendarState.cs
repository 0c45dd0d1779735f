using System.Collections.Immutable;
using FrontDesk.Dashboard.Calendar;

namespace FrontDesk.Dashboard.Store.Calendar;

public enum CalendarViewKind
{
    Day,
    Week,
}

/// <summary>What one receptionist's calendar shows: a range of days and its appointments.</summary>
public sealed record CalendarState(
    DateOnly Date,
    CalendarViewKind View,
    DateTimeOffset RangeStart,
    DateTimeOffset RangeEnd,
    Guid? ProviderFilter,
    ImmutableDictionary<Guid, AppointmentView> Appointments,
    bool Loading,
    string? Error,
    long LoadRequest)
{
    /// <summary>Per client, a counter bumped whenever one of their package records changes anywhere; drawers reload on it.</summary>
    public ImmutableDictionary<Guid, long> PackageRevisions { get; init; } = ImmutableDictionary<Guid, long>.Empty;

    public long PackageRevision(Guid clientId) => PackageRevisions.GetValueOrDefault(clientId);

    /// <summary>
    /// Every appointment change (live or this desk's own) seen since the running load started,
    /// newest version per appointment, in range or not. The load may have read the day before
    /// these changes committed; when it ends, they are applied on top of what it read.
    /// </summary>
    public ImmutableDictionary<Guid, AppointmentView> ArrivedWhileLoading { get; init; } = ImmutableDictionary<Guid, AppointmentView>.Empty;

    /// <summary>Bumped whenever a package template is created, edited, disabled or enabled anywhere.</summary>
    public long TemplateRevision { get; init; }

    /// <summary>Bumped whenever a service, provider, working hours, resource or closure changes anywhere: the calendar's columns and shading and the booking drawer's lists reload.</summary>
    public long CatalogRevision { get; init; }

    public static CalendarState Initial { get; } = new(
        DateOnly.MinValue, CalendarViewKind.Day, DateTimeOffset.MinValue, DateTimeOffset.MinValue, null,
        ImmutableDictionary<Guid, AppointmentView>.Empty, false, null, 0);

    public IEnumerable<AppointmentView> Visible =>
        Appointments.Values.Where(a => ProviderFilter is null || a.ProviderId == ProviderFilter).OrderBy(a => a.Start);
}
