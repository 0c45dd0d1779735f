using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FrontDesk.Dashboard.Staff;

/// <summary>
/// The circuit's signed-in person, checked again every <see cref="SignInOptions.RevalidationInterval"/>:
/// an account that was disabled, deleted, given another role or whose security stamp changed
/// (password reset, sign-out everywhere) loses the circuit, which then sends the browser to sign-in.
/// </summary>
public sealed class StaffRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identityOptions,
    SignInOptions signIn)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => signIn.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return await StillValidAsync(users, authenticationState.User, identityOptions.Value);
    }

    /// <summary>True while the principal's account exists, is enabled, has the same role and the same security stamp.</summary>
    public static async Task<bool> StillValidAsync(UserManager<StaffUser> users, ClaimsPrincipal principal, IdentityOptions options)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || user.Disabled || StaffClaims.RoleOf(principal) != user.Role)
        {
            return false;
        }
        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }
        var stamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
