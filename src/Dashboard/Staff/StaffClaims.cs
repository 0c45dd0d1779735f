using System.Security.Claims;
using FrontDesk.Domain.Staff;

namespace FrontDesk.Dashboard.Staff;

/// <summary>
/// The claims a signed-in staff member carries (shared with the API keys' caller):
/// <see cref="ClaimTypes.NameIdentifier"/> the account id, <see cref="ClaimTypes.Name"/> the
/// display name, <see cref="ClaimTypes.Role"/> the <see cref="StaffRole"/> name.
/// </summary>
public static class StaffClaims
{
    /// <summary>When the person typed their password: the session ends 12 hours later whatever they do.</summary>
    public const string SignedInAt = "frontdesk:signed_in_at";

    /// <summary>Present while the account still has a one-time password to replace.</summary>
    public const string MustChangePassword = "frontdesk:must_change_password";

    /// <summary>The role of a principal, or null when it has none we know.</summary>
    public static StaffRole? RoleOf(ClaimsPrincipal principal) =>
        Enum.TryParse<StaffRole>(principal.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;
}
