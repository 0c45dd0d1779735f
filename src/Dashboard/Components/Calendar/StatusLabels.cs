using FrontDesk.Domain.Calendar;

namespace FrontDesk.Dashboard.Components.Calendar;

public static class StatusLabels
{
    public static string Label(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "Booked",
        AppointmentStatus.CheckedIn => "Checked in",
        AppointmentStatus.Completed => "Checked out",
        AppointmentStatus.NoShow => "No-show",
        AppointmentStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    public static string CssClass(AppointmentStatus status) => $"status-{status.ToString().ToLowerInvariant()}";
}
