using System.Security.Claims;
using FrontDesk.Domain.Staff;

namespace FrontDesk.Dashboard.Staff;

/// <summary>A signed-in staff member as the claims describe them.</summary>
public sealed record SignedInStaff(string Id, string Name, StaffRole Role)
{
    /// <summary>This person as the caller of a command.</summary>
    public Security.Caller Caller => Security.Caller.Staff(Id, Name, Role);

    public static SignedInStaff? From(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true
        && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
        && StaffClaims.RoleOf(principal) is { } role
            ? new SignedInStaff(id, principal.FindFirstValue(ClaimTypes.Name) ?? id, role)
            : null;
}
