using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FrontDesk.Dashboard.Staff;

/// <summary>
/// Builds the signed-in principal: Identity's own claims (id, security stamp) with the display
/// name as <see cref="ClaimTypes.Name"/> and the role as <see cref="ClaimTypes.Role"/>.
/// </summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, IOptions<IdentityOptions> options, TimeProvider time)
    : UserClaimsPrincipalFactory<StaffUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        foreach (var name in identity.FindAll(ClaimTypes.Name).ToList())
        {
            identity.RemoveClaim(name);
        }
        identity.AddClaim(new Claim(ClaimTypes.Name, user.DisplayName));
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        if (user.Email is { } email)
        {
            identity.AddClaim(new Claim(ClaimTypes.Email, email));
        }
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(StaffClaims.MustChangePassword, "true"));
        }
        identity.AddClaim(new Claim(StaffClaims.SignedInAt, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}

/// <summary>A disabled account may not sign in (SignInManager answers NotAllowed).</summary>
public sealed class EnabledStaffOnly : IUserConfirmation<StaffUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(!user.Disabled);
}
