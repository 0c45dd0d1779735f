using FrontDesk.Domain.Staff;
using Microsoft.AspNetCore.Identity;

namespace FrontDesk.Dashboard.Staff;

/// <summary>
/// A staff member's account (ASP.NET Core Identity, in the clinic's own database): the sign-in
/// name is the email address; the role and the disabled flag are read at every sign-in and by
/// the circuit's revalidation.
/// </summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>The name shown on screen and recorded as the author of changes.</summary>
    public string DisplayName { get; set; } = "";

    public StaffRole Role { get; set; } = StaffRole.Receptionist;

    /// <summary>A disabled account cannot sign in, and open sessions of it are thrown out.</summary>
    public bool Disabled { get; set; }

    /// <summary>Set by an invitation or a password reset: the one-time password must be replaced at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>When the account last signed in (password, or a wall display's pairing), for the staff screen.</summary>
    public DateTimeOffset? LastSignInAt { get; set; }
}
