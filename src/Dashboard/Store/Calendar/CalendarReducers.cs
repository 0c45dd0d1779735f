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
        },
        Reload => state with { Loading = true, Error = null, LoadRequest = state.LoadRequest + 1 },
        AppointmentsLoaded loaded when loaded.LoadRequest == state.LoadRequest => state with
        {
            Appointments = Merge(state, loaded.Appointments),
            Loading = false,
            Error = null,
        },
        AppointmentsLoadFailed failed when failed.LoadRequest == state.LoadRequest => state with { Loading = false, Error = failed.Message },
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
        PackageRecordChangedLive => state with
        {
            // A change that names no client (expiry sweeps): every drawer reloads.
            PackageRevisions = state.PackageRevisions.ToImmutableDictionary(p => p.Key, p => p.Value + 1),
        },
        _ => state,
    };

    /// <summary>
    /// The loaded appointments, except where a live change that arrived while the load ran is
    /// newer than what the load read: an older version never overwrites a newer one.
    /// </summary>
    private static ImmutableDictionary<Guid, AppointmentView> Merge(CalendarState state, IReadOnlyList<AppointmentView> loaded)
    {
        var merged = ImmutableDictionary.CreateBuilder<Guid, AppointmentView>();
        foreach (var read in loaded)
        {
            var latest = state.Appointments.TryGetValue(read.Id, out var known) && known.Version > read.Version ? known : read;
            if (InRange(state, latest))
            {
                merged[latest.Id] = latest;
            }
        }
        return merged.ToImmutable();
    }

    private static bool InRange(CalendarState state, AppointmentView appointment) =>
        appointment.Start < state.RangeEnd && appointment.End > state.RangeStart;

    /// <summary>Upserts an appointment if it lies in the shown range (dropping it if it moved out); older versions never overwrite newer ones.</summary>
    public static CalendarState Apply(CalendarState state, AppointmentView appointment)
    {
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
