using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Live;

namespace FrontDesk.Dashboard.Store.Calendar;

/// <summary>Show the days around <paramref name="Date"/>; [RangeStart, RangeEnd) is that range in UTC.</summary>
public sealed record ShowRange(DateOnly Date, CalendarViewKind View, DateTimeOffset RangeStart, DateTimeOffset RangeEnd) : IAction;

public sealed record AppointmentsLoaded(long LoadRequest, IReadOnlyList<AppointmentView> Appointments) : IAction;

public sealed record AppointmentsLoadFailed(long LoadRequest, string Message) : IAction;

public sealed record FilterProvider(Guid? ProviderId) : IAction;

/// <summary>A command of this desk succeeded: show its result at once, before the feed echoes it.</summary>
public sealed record AppointmentSaved(AppointmentView Appointment) : IAction;

public sealed record LiveBatchReceived(IReadOnlyList<LiveEvent> Events) : IAction;

public sealed record Reload : IAction;
