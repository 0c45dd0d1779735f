using System.Security.Cryptography;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Staff;

/// <summary>A staff account as the staff screen lists it.</summary>
public sealed record StaffAccountView(
    string Id, string Name, string Email, StaffRole Role, bool Disabled, bool MustChangePassword, DateTimeOffset? LastSignInAt)
{
    public bool IsDevice => Role == StaffRole.Display;

    public static StaffAccountView From(StaffUser user) =>
        new(user.Id, user.DisplayName, user.Email ?? "", user.Role, user.Disabled, user.MustChangePassword, user.LastSignInAt);
}

/// <summary>A new account's (or a reset account's) one-time password, shown once to the manager and never stored in clear.</summary>
public sealed record OneTimePassword(StaffAccountView Account, string Password);

/// <summary>Invite a person: name, email, role.</summary>
public sealed record InviteStaff(string Name, string Email, StaffRole Role);

/// <summary>A command of the staff screen was refused because of who asked (not a manager, or a manager touching an owner).</summary>
public sealed class StaffNotAllowedException(string message) : Exception(message);

/// <summary>
/// Every command of the staff screen, in one place: list, invite, change role, disable and
/// enable, reset a password, pair a wall display. Each public method takes the acting staff
/// member first and refuses anybody but an owner or a manager itself (the circuit's event
/// handlers can be reached by whoever holds the circuit); only an owner makes, changes,
/// disables or resets another owner, and the last enabled owner can be neither disabled nor
/// demoted. A disable or role change renews the account's security stamp, so its open
/// sessions and circuits end at the next revalidation.
/// </summary>
public sealed class StaffAdministration(IServiceScopeFactory scopes, DisplayPairing pairing)
{
    private const string PasswordAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<IReadOnlyList<StaffAccountView>> ListAsync(SignedInStaff actor, CancellationToken ct = default)
    {
        EnsureManager(actor);
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var all = await users.Users.AsNoTracking().ToListAsync(ct);
        return all.OrderBy(u => u.Role == StaffRole.Display).ThenBy(u => u.Role).ThenBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(StaffAccountView.From).ToList();
    }

    /// <summary>Creates the account with a one-time password, which must be changed at the first sign-in.</summary>
    public async Task<OneTimePassword> InviteAsync(SignedInStaff actor, InviteStaff command, CancellationToken ct = default)
    {
        EnsureManager(actor);
        var name = Text.Required(command.Name, "name", "The name", 100);
        var email = (command.Email ?? "").Trim();
        if (email.Length is 0 or > 256 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            throw DomainException.Invalid("Enter an email address such as name@clinic.com.", "email");
        }
        if (command.Role == StaffRole.Display)
        {
            throw DomainException.Invalid("A wall display is not invited: pair it with a code (\"Pair a wall display\").", "role");
        }
        EnsureMayGrant(actor, command.Role);
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw DomainException.Conflict($"{email} already has an account.");
        }
        var password = NewPassword();
        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            Role = command.Role,
            MustChangePassword = true,
        };
        Check(await users.CreateAsync(user, password));
        return new OneTimePassword(StaffAccountView.From(user), password);
    }

    public async Task<StaffAccountView> ChangeRoleAsync(SignedInStaff actor, string accountId, StaffRole role, CancellationToken ct = default)
    {
        EnsureManager(actor);
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await FindAsync(users, accountId);
        if (user.Role == role)
        {
            return StaffAccountView.From(user);
        }
        if ((user.Role == StaffRole.Display) != (role == StaffRole.Display))
        {
            throw DomainException.Invalid("A wall display stays a wall display, and a person cannot become one: pair a display instead.", "role");
        }
        EnsureMayTouch(actor, user);
        EnsureMayGrant(actor, role);
        if (user.Role == StaffRole.Owner)
        {
            await EnsureAnotherOwnerAsync(users, user, ct, "demoted");
        }
        user.Role = role;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        return StaffAccountView.From(user);
    }

    /// <summary>Disables (its sessions end within the revalidation interval) or enables an account.</summary>
    public async Task<StaffAccountView> SetDisabledAsync(SignedInStaff actor, string accountId, bool disabled, CancellationToken ct = default)
    {
        EnsureManager(actor);
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await FindAsync(users, accountId);
        EnsureMayTouch(actor, user);
        if (user.Disabled == disabled)
        {
            return StaffAccountView.From(user);
        }
        if (disabled && user.Id == actor.Id)
        {
            throw DomainException.Rule("You cannot disable your own account; ask another manager or owner.");
        }
        if (disabled && user.Role == StaffRole.Owner)
        {
            await EnsureAnotherOwnerAsync(users, user, ct, "disabled");
        }
        user.Disabled = disabled;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        return StaffAccountView.From(user);
    }

    /// <summary>Gives the account a new one-time password (to be changed at the next sign-in) and ends its sessions.</summary>
    public async Task<OneTimePassword> ResetPasswordAsync(SignedInStaff actor, string accountId, CancellationToken ct = default)
    {
        EnsureManager(actor);
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await FindAsync(users, accountId);
        EnsureMayTouch(actor, user);
        if (user.Role == StaffRole.Display)
        {
            throw DomainException.Invalid("A wall display has no password: disable it and pair the screen again.");
        }
        var password = NewPassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password));
        user.MustChangePassword = true;
        Check(await users.UpdateAsync(user));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return new OneTimePassword(StaffAccountView.From(user), password);
    }

    /// <summary>A code a wall display types at /pair within <see cref="DisplayPairing.Validity"/>, once, to become the named device.</summary>
    public PairingCode CreatePairingCode(SignedInStaff actor, string deviceName)
    {
        EnsureManager(actor);
        var name = Text.Required(deviceName, "deviceName", "The display's name", 100);
        return pairing.Create(name, actor);
    }

    private static UserManager<StaffUser> Users(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();

    private static void EnsureManager(SignedInStaff actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role is not (StaffRole.Owner or StaffRole.Manager))
        {
            throw new StaffNotAllowedException("Only an owner or a manager can manage staff accounts.");
        }
    }

    private static void EnsureMayGrant(SignedInStaff actor, StaffRole role)
    {
        if (role == StaffRole.Owner && actor.Role != StaffRole.Owner)
        {
            throw new StaffNotAllowedException("Only an owner can make someone an owner.");
        }
    }

    private static void EnsureMayTouch(SignedInStaff actor, StaffUser user)
    {
        if (user.Role == StaffRole.Owner && actor.Role != StaffRole.Owner)
        {
            throw new StaffNotAllowedException("Only an owner can change an owner's account.");
        }
    }

    private static async Task EnsureAnotherOwnerAsync(UserManager<StaffUser> users, StaffUser owner, CancellationToken ct, string what)
    {
        var others = await users.Users.CountAsync(u => u.Role == StaffRole.Owner && !u.Disabled && u.Id != owner.Id, ct);
        if (others == 0)
        {
            throw DomainException.Rule($"{owner.DisplayName} is the only owner, so the account cannot be {what}. Make another person an owner first.");
        }
    }

    private static async Task<StaffUser> FindAsync(UserManager<StaffUser> users, string accountId) =>
        await users.FindByIdAsync(accountId ?? "") ?? throw DomainException.NotFound("That staff account does not exist (any more).");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw DomainException.Invalid(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>14 characters from an alphabet without look-alikes (0/O, 1/l/I): easy to read out, hard to guess.</summary>
    public static string NewPassword() => RandomNumberGenerator.GetString(PasswordAlphabet, 14);
}
