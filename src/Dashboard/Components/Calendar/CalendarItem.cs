using FrontDesk.Dashboard.Calendar;

namespace FrontDesk.Dashboard.Components.Calendar;

/// <summary>What the Radzen scheduler draws: an appointment in the business's wall-clock time.</summary>
public sealed record CalendarItem(DateTime Start, DateTime End, string Text, Guid ProviderId, AppointmentView Appointment);

/// <summary>A provider column of the scheduler.</summary>
public sealed record ProviderColumn(Guid Id, string Name);
