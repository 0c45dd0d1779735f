using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using FrontDesk.Domain.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Staff;

/// <summary>What the setup's "Your account" step asked for: the owner, or the fields to fix (field → message).</summary>
public sealed record FirstOwnerResult(string? SignInTicket, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => SignInTicket is not null;
}

/// <summary>
/// The first owner of a new installation, made by the person at the setup screen while the
/// database has no owner (and configuration gave none). Race-safe: one gate for the whole app,
/// and "no owner yet" is checked again inside it, so two browsers submitting at once make one
/// owner and the second is told so. Signing in needs a cookie, which an open circuit cannot set:
/// the step gets a one-time sign-in ticket (random, stored hashed, valid one minute, single use)
/// that the browser takes to <see cref="StaffSignIn.FirstSignInPath"/>.
/// </summary>
public sealed class FirstOwner(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan TicketValidity = TimeSpan.FromMinutes(1);

    public const string OwnerExistsMessage =
        "An owner account was created a moment ago, on another screen. Sign in with it (or ask that person to invite you).";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _ticketsGate = new();
    private readonly Dictionary<string, (string AccountId, DateTimeOffset ExpiresAt)> _tickets = new(StringComparer.Ordinal);

    /// <summary>True while the database has no owner: the setup opens anonymously at "Your account".</summary>
    public async Task<bool> NeededAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return !await users.Users.AnyAsync(u => u.Role == StaffRole.Owner, ct);
    }

    public async Task<FirstOwnerResult> CreateAsync(string? name, string? email, string? password, string? repeated, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var trimmedName = (name ?? "").Trim();
        var trimmedEmail = (email ?? "").Trim();
        if (trimmedName.Length == 0)
        {
            errors["name"] = "Enter your name.";
        }
        else if (trimmedName.Length > 100)
        {
            errors["name"] = "A name has at most 100 characters.";
        }
        if (trimmedEmail.Length is 0 or > 256 || !new EmailAddressAttribute().IsValid(trimmedEmail))
        {
            errors["email"] = "Enter an email address such as name@clinic.com.";
        }
        if (string.IsNullOrEmpty(password))
        {
            errors["password"] = "Choose a password.";
        }
        else if (password.Length > 200)
        {
            errors["password"] = "A password has at most 200 characters.";
        }
        else if (password != repeated)
        {
            errors["repeat"] = "The two passwords are not the same.";
        }
        if (errors.Count > 0)
        {
            return new FirstOwnerResult(null, errors);
        }

        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            if (await users.Users.AnyAsync(u => u.Role == StaffRole.Owner, ct))
            {
                return new FirstOwnerResult(null, new Dictionary<string, string> { ["form"] = OwnerExistsMessage });
            }
            var owner = new StaffUser
            {
                UserName = trimmedEmail,
                Email = trimmedEmail,
                EmailConfirmed = true,
                DisplayName = trimmedName,
                Role = StaffRole.Owner,
            };
            var result = await users.CreateAsync(owner, password!);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                        : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
                        : "form";
                    errors[field] = errors.TryGetValue(field, out var earlier) ? $"{earlier} {error.Description}" : error.Description;
                }
                return new FirstOwnerResult(null, errors);
            }
            return new FirstOwnerResult(IssueTicket(owner.Id), errors);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The account a ticket signs in, once; null when it is unknown, used or expired.</summary>
    public string? Redeem(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket) || ticket.Length > 100)
        {
            return null;
        }
        lock (_ticketsGate)
        {
            return _tickets.Remove(DisplayPairing.Hash(ticket), out var entry) && entry.ExpiresAt > time.GetUtcNow() ? entry.AccountId : null;
        }
    }

    private string IssueTicket(string accountId)
    {
        var ticket = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        lock (_ticketsGate)
        {
            _tickets[DisplayPairing.Hash(ticket)] = (accountId, time.GetUtcNow() + TicketValidity);
        }
        return ticket;
    }
}
