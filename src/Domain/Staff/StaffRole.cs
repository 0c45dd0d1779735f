namespace FrontDesk.Domain.Staff;

/// <summary>What a signed-in staff member or an API key may do.</summary>
public enum StaffRole { Owner, Manager, Receptionist, Display }
