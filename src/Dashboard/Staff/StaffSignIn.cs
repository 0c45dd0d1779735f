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

    /// <summary>Interactive screens (circuits) one staff account may have open at once; one more is refused with a message.</summary>
    public int MaxCircuitsPerAccount { get; set; } = 5;

    /// <summary>The same for a wall display's device account.</summary>
    public int MaxCircuitsPerDisplay { get; set; } = 2;

    /// <summary>How long a paired wall display stays signed in (renewed while it is in use).</summary>
    public TimeSpan DisplaySession { get; set; } = TimeSpan.FromDays(365);
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
    public const string PasswordPath = "/account/password";
    public const string PairPath = "/pair";
    public const string FirstSignInPath = "/account/first-signin";

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
        services.AddSingleton<DisplayPairing>();
        services.AddSingleton<StaffAdministration>();
        services.AddSingleton<FirstOwner>();
        services.AddSingleton<CircuitCounter>();
        services.AddScoped<CircuitAdmission>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitLimitHandler>();

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
                // A paired wall display is a device sign-in: it lasts its cookie's lifetime.
                if (StaffClaims.RoleOf(context.Principal) != FrontDesk.Domain.Staff.StaffRole.Display
                    && SessionExpired(context.Principal, now, signIn.AbsoluteTimeout))
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
                        context.Request.Path + ":" + (context.Connection.RemoteIpAddress ?? IPAddress.None),
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

    /// <summary>The forms that take a secret: sign-in and a wall display's pairing code (rate-limited per address).</summary>
    private static bool IsSignInPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase) || request.Path.Equals(PairPath, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// An account with a one-time password (invited or reset) opens no screen before it has
    /// chosen its own password: every page request goes to <see cref="PasswordPath"/> first.
    /// </summary>
    public static IApplicationBuilder UseStaffPasswordChange(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsGet(request.Method)
                && context.User.HasClaim(c => c.Type == StaffClaims.MustChangePassword)
                && !request.Path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase)
                && !request.Path.StartsWithSegments("/_blazor")
                && !request.Path.StartsWithSegments("/_framework")
                && !request.Path.StartsWithSegments("/_content")
                && !request.Path.StartsWithSegments("/api")
                && !Path.HasExtension(request.Path.Value))
            {
                var here = request.PathBase + request.Path + request.QueryString;
                context.Response.Redirect($"{PasswordPath}?returnUrl={Uri.EscapeDataString(here)}");
                return Task.CompletedTask;
            }
            return next(context);
        });

    /// <summary>Sign-out, and the owner's first sign-in after the setup's "Your account" step.</summary>
    public static IEndpointRouteBuilder MapStaffEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapStaffSignOut();
        endpoints.MapGet(FirstSignInPath, async (string? ticket, FirstOwner firstOwner, SignInManager<StaffUser> signInManager, TimeProvider time) =>
        {
            if (firstOwner.Redeem(ticket) is not { } id || await signInManager.UserManager.FindByIdAsync(id) is not { } owner)
            {
                return Results.LocalRedirect(SignInPath);
            }
            owner.LastSignInAt = time.GetUtcNow();
            await signInManager.UserManager.UpdateAsync(owner);
            await signInManager.SignInAsync(owner, isPersistent: false);
            return Results.LocalRedirect("/setup?welcome=1");
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

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
