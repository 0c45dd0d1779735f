using FrontDesk.Dashboard.Staff;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace FrontDesk.Dashboard;

/// <summary>
/// Who works at this screen: the staff member signed in at this circuit (name and id from the
/// claims, see <see cref="SignedInStaff"/>), read at every use so a revalidated sign-out counts
/// at once. Without a signed-in person (a host without authentication, such as a benchmark)
/// it is the front desk. Commands carry this actor; authorization and the audit trail read it.
/// </summary>
public sealed class DeskSession(IServiceProvider services)
{
    public static Actor FrontDesk { get; } = Actor.Staff("front-desk", "Front desk");

    private readonly AuthenticationStateProvider? _authentication = services.GetService<AuthenticationStateProvider>();

    /// <summary>The signed-in staff member, or null (not signed in, or no authentication in this host).</summary>
    public SignedInStaff? Staff =>
        _authentication?.GetAuthenticationStateAsync() is { IsCompletedSuccessfully: true } state
            ? SignedInStaff.From(state.Result.User)
            : null;

    public Actor Actor => Staff is { } staff ? Actor.Staff(staff.Id, staff.Name) : FrontDesk;
}
