using System.Collections.Immutable;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Live;

namespace FrontDesk.Dashboard.Store.Calendar;

/// <summary>Pure functions from (state, action) to the next state.</summary>
public static class CalendarReducers
{
    public static CalendarState Reduce(CalendarState state, IAction action) => action switch
    {
        ShowRange show => state with
        {
            Date = show.Date,
            View = show.View,
            RangeStart = show.RangeStart,
            RangeEnd = show.RangeEnd,
            Loading = true,
            Error = null,
            LoadRequest = state.LoadRequest + 1,
            ArrivedWhileLoading = ImmutableDictionary<Guid, AppointmentView>.Empty,
        },
        Reload => state with
        {
            // A resync may have skipped a catalogue change too: the catalogue reloads with the appointments.
            CatalogRevision = state.CatalogRevision + 1,
            Loading = true,
            Error = null,
            LoadRequest = state.LoadRequest + 1,
            ArrivedWhileLoading = ImmutableDictionary<Guid, AppointmentView>.Empty,
        },
        AppointmentsLoaded loaded when loaded.LoadRequest == state.LoadRequest => state with
        {
            Appointments = Merge(state, loaded.Appointments),
            Loading = false,
            Error = null,
            ArrivedWhileLoading = ImmutableDictionary<Guid, AppointmentView>.Empty,
        },
        AppointmentsLoadFailed failed when failed.LoadRequest == state.LoadRequest => state with
        {
            Loading = false,
            Error = failed.Message,
            ArrivedWhileLoading = ImmutableDictionary<Guid, AppointmentView>.Empty,
        },
        FilterProvider filter => state with { ProviderFilter = filter.ProviderId },
        AppointmentSaved saved => Apply(state, saved.Appointment),
        LiveBatchReceived batch => batch.Events.Aggregate(state, ApplyLive),
        _ => state,
    };

    private static CalendarState ApplyLive(CalendarState state, LiveEvent e) => e switch
    {
        AppointmentChanged changed => Apply(state, changed.Appointment),
        PackageRecordChangedLive record when record.ClientId != Guid.Empty => state with
        {
            PackageRevisions = state.PackageRevisions.SetItem(record.ClientId, state.PackageRevision(record.ClientId) + 1),
        },
        PackageTemplateChangedLive => state with { TemplateRevision = state.TemplateRevision + 1 },
        CatalogChanged => state with { CatalogRevision = state.CatalogRevision + 1 },
        PackageRecordChangedLive => state with
        {
            // A change that names no client (expiry sweeps): every drawer reloads.
            PackageRevisions = state.PackageRevisions.ToImmutableDictionary(p => p.Key, p => p.Value + 1),
        },
        _ => state,
    };

    /// <summary>
    /// What the load read, with every change that arrived while it ran applied on top: the load
    /// may have read the day before another desk's booking committed, so a booking that arrived
    /// meanwhile is kept though the load did not see it, and an older version (or an appointment
    /// that has since moved out of the range) never overwrites a newer one.
    /// </summary>
    private static ImmutableDictionary<Guid, AppointmentView> Merge(CalendarState state, IReadOnlyList<AppointmentView> loaded)
    {
        var latest = new Dictionary<Guid, AppointmentView>();
        void Offer(AppointmentView appointment)
        {
            if (!latest.TryGetValue(appointment.Id, out var known) || appointment.Version > known.Version)
            {
                latest[appointment.Id] = appointment;
            }
        }
        foreach (var read in loaded)
        {
            Offer(read);
            if (state.Appointments.TryGetValue(read.Id, out var shown))
            {
                Offer(shown);
            }
        }
        foreach (var arrived in state.ArrivedWhileLoading.Values)
        {
            Offer(arrived);
        }
        return latest.Values.Where(a => InRange(state, a)).ToImmutableDictionary(a => a.Id);
    }

    private static bool InRange(CalendarState state, AppointmentView appointment) =>
        appointment.Start < state.RangeEnd && appointment.End > state.RangeStart;

    /// <summary>Upserts an appointment if it lies in the shown range (dropping it if it moved out); older versions never overwrite newer ones.</summary>
    public static CalendarState Apply(CalendarState state, AppointmentView appointment)
    {
        if (state.Loading && !(state.ArrivedWhileLoading.TryGetValue(appointment.Id, out var arrived) && arrived.Version >= appointment.Version))
        {
            state = state with { ArrivedWhileLoading = state.ArrivedWhileLoading.SetItem(appointment.Id, appointment) };
        }
        if (state.Appointments.TryGetValue(appointment.Id, out var known) && known.Version > appointment.Version)
        {
            return state;
        }
        var next = InRange(state, appointment)
            ? state.Appointments.SetItem(appointment.Id, appointment)
            : state.Appointments.Remove(appointment.Id);
        return ReferenceEquals(next, state.Appointments) ? state : state with { Appointments = next };
    }
}
