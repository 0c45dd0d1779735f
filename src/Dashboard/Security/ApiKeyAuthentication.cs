using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FrontDesk.Dashboard.Security;

/// <summary>
/// The "ApiKey" authentication scheme: the <c>X-Api-Key</c> header names a key (made on screen,
/// or listed in <c>Api:Keys</c>). The API accepts keys only, not the staff's sign-in cookie, so a
/// page in a browser cannot be tricked into calling it with someone's session. Without a valid
/// key the answer is 401 with <c>WWW-Authenticate: ApiKey</c>; with too little right, 403; both
/// as problem details.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    /// <summary>The authorization policy of every /api/v1 endpoint: a caller authenticated by a key.</summary>
    public const string Policy = "ApiCaller";

    /// <summary>Reads only managers may make through the API (reports beyond today): a key with the Owner or Manager role.</summary>
    public const string ManagerPolicy = "ApiManager";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }
        var caller = await keys.AuthenticateAsync(values.ToString().Trim(), Context.RequestAborted);
        if (caller is null)
        {
            return AuthenticateResult.Fail("The API key is not valid (unknown or revoked).");
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, caller.Actor.Id),
            new(ClaimTypes.Name, caller.Actor.DisplayName.StartsWith("API key ", StringComparison.Ordinal) ? caller.Actor.DisplayName["API key ".Length..] : caller.Actor.DisplayName),
        };
        if (caller.Role is { } role)
        {
            claims.Add(new Claim(ClaimTypes.Role, role.ToString()));
        }
        if (caller.OnlineChannel)
        {
            claims.Add(new Claim(Caller.ChannelClaim, Caller.OnlineChannelValue));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Caller.ApiKeyAuthenticationType));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        await WriteAsync(StatusCodes.Status401Unauthorized, "An API key is needed.",
            result.Failure?.Message ?? $"Send a valid API key in the {Header} header (a manager makes keys under Settings, API keys).");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteAsync(StatusCodes.Status403Forbidden, "Not allowed.", "This API key's role may not do that.");
    }

    private async Task WriteAsync(int status, string title, string detail)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem }))
        {
            await Response.WriteAsJsonAsync(problem);
        }
    }
}

public static class ApiKeyAuthenticationSetup
{
    /// <summary>The "ApiKey" scheme and the "ApiCaller" policy (the key service is part of AddFrontDesk).</summary>
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(ApiKeyAuthentication.Policy, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
            .RequireAuthenticatedUser());
        services.AddAuthorizationBuilder().AddPolicy(ApiKeyAuthentication.ManagerPolicy, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
            .RequireRole(nameof(FrontDesk.Domain.Staff.StaffRole.Owner), nameof(FrontDesk.Domain.Staff.StaffRole.Manager)));
        return services;
    }

}
