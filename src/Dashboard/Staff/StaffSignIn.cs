using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using FrontDesk.Dashboard.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FrontDesk.Dashboard.Staff;

/// <summary>Sign-in settings: section "SignIn".</summary>
public sealed class SignInOptions
{
    public const string Section = "SignIn";

    /// <summary>How often an open circuit (and a cookie) checks that its account is still enabled with the same role.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A session ends after this long without use.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A session ends this long after the password was typed, however busy it is.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Sign-in attempts (form posts) one address may make per minute.</summary>
    public int AttemptsPerMinute { get; set; } = 10;
}

/// <summary>
/// Staff accounts and their cookie sessions: ASP.NET Core Identity in the clinic's database,
/// the sign-in rules (password length, lockout, session expiry, a rate limit on the sign-in
/// form) and the circuit's revalidating authentication state.
/// </summary>
public static class StaffSignIn
{
    public const string SignInPath = "/account/signin";
    public const string SignOutPath = "/account/signout";
    public const string DeniedPath = "/account/denied";

    public static IServiceCollection AddStaffSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var signIn = configuration.GetSection(SignInOptions.Section).Get<SignInOptions>() ?? new SignInOptions();
        services.AddSingleton(signIn);
        services.AddOptions<BootstrapOptions>().Bind(configuration.GetSection(BootstrapOptions.Section));

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, StaffRevalidatingAuthenticationStateProvider>();
        services.AddAuthorization();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = true; // "confirmed" = not disabled, see EnabledStaffOnly
            })
            .AddEntityFrameworkStores<DashboardDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();
        services.AddScoped<IUserConfirmation<StaffUser>, EnabledStaffOnly>();

        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = signIn.RevalidationInterval;
            // A refreshed cookie keeps the time the password was typed (the absolute limit).
            options.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(StaffClaims.SignedInAt) is { } signedInAt
                    && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    foreach (var claim in identity.FindAll(StaffClaims.SignedInAt).ToList())
                    {
                        identity.RemoveClaim(claim);
                    }
                    identity.AddClaim(new Claim(StaffClaims.SignedInAt, signedInAt.Value));
                }
                return Task.CompletedTask;
            };
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = ".FrontDesk.Session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = SignInPath;
            options.LogoutPath = SignOutPath;
            options.AccessDeniedPath = DeniedPath;
            options.ReturnUrlParameter = "returnUrl";
            options.ExpireTimeSpan = signIn.IdleTimeout;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = async context =>
            {
                await SecurityStampValidator.ValidatePrincipalAsync(context);
                if (context.Principal is null)
                {
                    return;
                }
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                if (SessionExpired(context.Principal, now, signIn.AbsoluteTimeout))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInPost(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "signin:" + (context.Connection.RemoteIpAddress ?? IPAddress.None),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = signIn.AttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
            options.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "Too many sign-in attempts from this computer. Wait a minute, then try again.", ct);
            };
        });
        return services;
    }

    /// <summary>True once the absolute session limit since the password was typed has passed.</summary>
    public static bool SessionExpired(ClaimsPrincipal principal, DateTimeOffset now, TimeSpan absolute) =>
        principal.FindFirstValue(StaffClaims.SignedInAt) is { } value
        && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
        && now - DateTimeOffset.FromUnixTimeSeconds(seconds) > absolute;

    private static bool IsSignInPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>Sign-out: a form post (with the antiforgery token) from any screen.</summary>
    public static IEndpointRouteBuilder MapStaffSignOut(this IEndpointRouteBuilder endpoints)
    {
        // [FromForm] makes the endpoint check the antiforgery token.
        endpoints.MapPost(SignOutPath, async (SignInManager<StaffUser> signInManager, [FromForm] string? reason) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(reason == "expired" ? SignInPath + "?expired=1" : SignInPath);
        }).ExcludeFromDescription();
        return endpoints;
    }
}
