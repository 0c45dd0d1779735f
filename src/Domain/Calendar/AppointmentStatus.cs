namespace FrontDesk.Domain.Calendar;

/// <summary>Booked -> CheckedIn -> Completed (checked out and paid), or NoShow / Cancelled.</summary>
public enum AppointmentStatus
{
    Booked,
    CheckedIn,
    Completed,
    NoShow,
    Cancelled,
}

public static class AppointmentStatusExtensions
{
    /// <summary>Whether the appointment still holds its provider, resources and time.</summary>
    public static bool OccupiesSlot(this AppointmentStatus status) => status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn or AppointmentStatus.Completed;

    public static bool IsFinal(this AppointmentStatus status) => status is AppointmentStatus.Completed or AppointmentStatus.NoShow or AppointmentStatus.Cancelled;

    /// <summary>How a receptionist says it.</summary>
    public static string Describe(this AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "booked",
        AppointmentStatus.CheckedIn => "checked in",
        AppointmentStatus.Completed => "checked out",
        AppointmentStatus.NoShow => "marked as no-show",
        AppointmentStatus.Cancelled => "cancelled",
        _ => status.ToString(),
    };
}
