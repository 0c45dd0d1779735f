using FrontDesk.Domain.Calendar;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Calendar;

/// <summary>How a status reads everywhere: its words, its icon and its colour class, so no status is told apart by colour alone.</summary>
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

    /// <summary>The MudBlazor icon shown beside the words.</summary>
    public static string Icon(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => Icons.Material.Filled.Event,
        AppointmentStatus.CheckedIn => Icons.Material.Filled.HowToReg,
        AppointmentStatus.Completed => Icons.Material.Filled.Paid,
        AppointmentStatus.NoShow => Icons.Material.Filled.PersonOff,
        AppointmentStatus.Cancelled => Icons.Material.Filled.EventBusy,
        _ => Icons.Material.Filled.Event,
    };

    public static string CssClass(AppointmentStatus status) => $"status-{status.ToString().ToLowerInvariant()}";
}
