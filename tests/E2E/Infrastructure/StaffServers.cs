namespace FrontDesk.Tests.E2E.Infrastructure;

/// <summary>
/// A new installation as a person starts it: empty database, no demo data, and no owner from
/// configuration, so the setup's first step makes the owner on screen.
/// </summary>
public sealed class OwnerlessServer : AppServer
{
    public OwnerlessServer()
    {
        DemoData = false;
    }

    protected override bool BootstrapOwner => false;

    /// <summary>Development's appsettings name a demo owner: blanked, as a real installation has none.</summary>
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Bootstrap:OwnerEmail"] = "",
        ["Bootstrap:OwnerPassword"] = "",
    };
}

/// <summary>
/// The fixed clinic with a revalidation interval of two seconds (a disabled account or a changed
/// role ends an open circuit quickly) and two more receptionists of its own, whom the staff tests
/// disable or promote without touching the shared test accounts.
/// </summary>
public sealed class StaffClinicServer : ClinicServer
{
    public static readonly E2EAccount Dana = new("dana@e2e.test", "Dana Desk", FrontDesk.Domain.Staff.StaffRole.Receptionist, "e2e-dana-password");
    public static readonly E2EAccount Rory = new("rory@e2e.test", "Rory Desk", FrontDesk.Domain.Staff.StaffRole.Receptionist, "e2e-rory-password");

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["SignIn:RevalidationInterval"] = "00:00:02",
        ["Bootstrap:Staff:3:Email"] = Dana.Email,
        ["Bootstrap:Staff:3:Name"] = Dana.Name,
        ["Bootstrap:Staff:3:Role"] = "Receptionist",
        ["Bootstrap:Staff:3:Password"] = Dana.Password,
        ["Bootstrap:Staff:4:Email"] = Rory.Email,
        ["Bootstrap:Staff:4:Name"] = Rory.Name,
        ["Bootstrap:Staff:4:Role"] = "Receptionist",
        ["Bootstrap:Staff:4:Password"] = Rory.Password,
    };
}
