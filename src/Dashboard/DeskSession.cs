using FrontDesk.Dashboard.Security;
using FrontDesk.Dashboard.Staff;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace FrontDesk.Dashboard;

/// <summary>
/// Who works at this screen: the staff member signed in at this circuit (name, id and role from
/// the claims, see <see cref="SignedInStaff"/>), read at every use so a revalidated sign-out or a
/// changed role counts at once. Without a signed-in person the caller is anonymous and every
/// command is refused. Commands carry <see cref="Caller"/>; the services check its right.
/// </summary>
public sealed class DeskSession(IServiceProvider services)
{
    private readonly AuthenticationStateProvider? _authentication = services.GetService<AuthenticationStateProvider>();

    /// <summary>The signed-in staff member, or null (not signed in, or no authentication in this host).</summary>
    public SignedInStaff? Staff =>
        _authentication?.GetAuthenticationStateAsync() is { IsCompletedSuccessfully: true } state
            ? SignedInStaff.From(state.Result.User)
            : null;

    /// <summary>The caller of this circuit's commands: the signed-in staff member with their role, or anonymous.</summary>
    public Caller Caller => Staff is { } staff ? Caller.Staff(staff.Id, staff.Name, staff.Role) : Caller.Anonymous;

    /// <summary>What this circuit's changes are recorded as (the caller's actor).</summary>
    public Actor Actor => Caller.Actor;
}
