using System.Security.Claims;
using FrontDesk.Dashboard.Staff;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;

namespace FrontDesk.Dashboard.Security;

/// <summary>
/// Who asks for a command, and with what right: a signed-in staff member (their role), an API
/// key (a staff role, or the online booking channel that acts for clients), the system (jobs,
/// demo seeding), or nobody. Every command takes one; <see cref="Permissions"/> decides.
/// <see cref="Actor"/> is what events, histories and the audit trail record.
/// </summary>
public sealed record Caller(Actor Actor, StaffRole? Role, bool OnlineChannel = false)
{
    /// <summary>The claim an API key's principal carries when it is the online booking channel.</summary>
    public const string ChannelClaim = "frontdesk:channel";
    public const string OnlineChannelValue = "online";

    /// <summary>The authentication type of a principal made from an API key.</summary>
    public const string ApiKeyAuthenticationType = "ApiKey";

    public static Caller Anonymous { get; } = new(new Actor(ActorKind.Staff, "anonymous", "Nobody signed in"), null);

    public bool IsSystem => Actor.Kind == ActorKind.System;

    public bool IsAnonymous => !IsSystem && Role is null && !OnlineChannel;

    /// <summary>A background job or the demo seeding: allowed everything, recorded by name.</summary>
    public static Caller System(string name) => new(new Actor(ActorKind.System, "system", name), null);

    public static Caller Staff(string id, string name, StaffRole role) => new(Actor.Staff(id, name), role);

    public static Caller ApiKey(string id, string name, StaffRole? role, bool onlineChannel) =>
        new(new Actor(ActorKind.ApiKey, id, $"API key {name}"), onlineChannel ? null : role, onlineChannel);

    /// <summary>The caller a principal describes; anonymous when it is not authenticated or has no role we know.</summary>
    public static Caller From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true } identity || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } id)
        {
            return Anonymous;
        }
        var name = principal.FindFirstValue(ClaimTypes.Name) ?? id;
        var online = principal.FindFirstValue(ChannelClaim) == OnlineChannelValue;
        var role = StaffClaims.RoleOf(principal);
        if (identity.AuthenticationType == ApiKeyAuthenticationType)
        {
            return role is null && !online ? Anonymous : ApiKey(id, name, role, online);
        }
        return role is { } r ? Staff(id, name, r) : Anonymous;
    }

    /// <summary>Minimal APIs bind a <see cref="Caller"/> parameter from the request's (API key) principal.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult<Caller?>(From(context.User));

    public override string ToString() => Actor.DisplayName;
}
