namespace FrontDesk.Dashboard.Staff;

/// <summary>Which roles open which screens, as the role lists of [Authorize(Roles = ...)] and AuthorizeView.</summary>
public static class StaffRoles
{
    /// <summary>Settings, staff, reports beyond today: owners and managers.</summary>
    public const string Managers = "Owner,Manager";

    /// <summary>The front desk: calendar, clients, sales at the desk, redemptions (not the Display devices).</summary>
    public const string Desk = "Owner,Manager,Receptionist";
}
