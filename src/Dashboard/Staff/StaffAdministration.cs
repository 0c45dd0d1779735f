using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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

/// <summary>
/// Every command of the staff screen, in one place: list, invite, change role, disable and
/// enable, reset a password, pair a wall display. Each public method takes the caller first and
/// checks its right in <see cref="Permissions"/> itself (the circuit's event handlers can be
/// reached by whoever holds the circuit); only an owner makes, changes, disables or resets
/// another owner, and the last enabled owner can be neither disabled nor demoted. A disable or
/// role change renews the account's security stamp, so its open sessions and circuits end at
/// the next revalidation. Refusals are <see cref="DomainException"/>s (Forbidden for rights).
/// </summary>
/// <remarks>
/// Audit trail: every change writes one <see cref="AuditEntry"/> (who, when, command, the
/// account, before and after of role / disabled / one-time password flag; never a password or
/// a code). Identity's <see cref="UserManager{TUser}"/> saves by itself (its store saves on every
/// call), but it saves through the scope's <see cref="DashboardDbContext"/>, the very context this
/// class resolves from the same scope. So each command opens a transaction on that context first
/// (on SQLite BEGIN IMMEDIATE, as <see cref="UnitOfWork"/> does), lets Identity save inside it,
/// then adds the audit row, saves and commits: the change and its row are one transaction, and a
/// failure half-way (e.g. a reset whose later save fails) leaves neither. A pairing code lives
/// only in memory, so its row is written in a transaction of its own before the code is handed
/// out (a failed write means no code).
/// </remarks>
public sealed class StaffAdministration(IServiceScopeFactory scopes, DisplayPairing pairing, TimeProvider clock)
{
    /// <summary>The audit trail's object type for a person's account.</summary>
    public const string AccountObject = "StaffAccount";

    /// <summary>The audit trail's object type for a paired wall display's account.</summary>
    public const string DisplayObject = "DisplayDevice";

    /// <summary>The audit trail's object type for a pairing code (its id is the display's name, never the code).</summary>
    public const string PairingObject = "PairingCode";

    private const string PasswordAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<IReadOnlyList<StaffAccountView>> ListAsync(Caller caller, CancellationToken ct = default)
    {
        Permissions.Ensure(caller, Permissions.ListStaff);
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var all = await users.Users.AsNoTracking().ToListAsync(ct);
        return all.OrderBy(u => u.Role == StaffRole.Display).ThenBy(u => u.Role).ThenBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(StaffAccountView.From).ToList();
    }

    /// <summary>Creates the account with a one-time password, which must be changed at the first sign-in.</summary>
    public async Task<OneTimePassword> InviteAsync(Caller caller, InviteStaff command, CancellationToken ct = default)
    {
        Permissions.Ensure(caller, Permissions.InviteStaff);
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
        if (!Enum.IsDefined(command.Role))
        {
            throw DomainException.Invalid("Choose a role: Owner, Manager or Receptionist.", "role");
        }
        EnsureMayGrant(caller, command.Role);
        await using var scope = scopes.CreateAsyncScope();
        var (users, db, transaction) = await BeginAsync(scope, ct);
        await using var _ = transaction;
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
        await AuditAsync(db, transaction, caller, Permissions.InviteStaff, user, null,
            new JsonObject { ["Name"] = user.DisplayName, ["Email"] = user.Email, ["Role"] = user.Role.ToString(), ["Disabled"] = false, ["MustChangePassword"] = true }, ct);
        return new OneTimePassword(StaffAccountView.From(user), password);
    }

    public async Task<StaffAccountView> ChangeRoleAsync(Caller caller, string accountId, StaffRole role, CancellationToken ct = default)
    {
        Permissions.Ensure(caller, Permissions.ChangeStaffRole);
        if (!Enum.IsDefined(role))
        {
            throw DomainException.Invalid("Choose a role: Owner, Manager or Receptionist.", "role");
        }
        await using var scope = scopes.CreateAsyncScope();
        var (users, db, transaction) = await BeginAsync(scope, ct);
        await using var _ = transaction;
        var user = await FindAsync(users, accountId);
        if (user.Role == role)
        {
            return StaffAccountView.From(user);
        }
        if ((user.Role == StaffRole.Display) != (role == StaffRole.Display))
        {
            throw DomainException.Invalid("A wall display stays a wall display, and a person cannot become one: pair a display instead.", "role");
        }
        EnsureMayTouch(caller, user);
        EnsureMayGrant(caller, role);
        if (user.Role == StaffRole.Owner)
        {
            await EnsureAnotherOwnerAsync(users, user, ct, "demoted");
        }
        var before = user.Role;
        user.Role = role;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await AuditAsync(db, transaction, caller, Permissions.ChangeStaffRole, user,
            new JsonObject { ["Role"] = before.ToString() }, new JsonObject { ["Role"] = role.ToString() }, ct);
        return StaffAccountView.From(user);
    }

    /// <summary>Disables (its sessions end within the revalidation interval) or enables an account, a person's or a wall display's.</summary>
    public async Task<StaffAccountView> SetDisabledAsync(Caller caller, string accountId, bool disabled, CancellationToken ct = default)
    {
        var command = disabled ? Permissions.DisableStaff : Permissions.EnableStaff;
        Permissions.Ensure(caller, command);
        await using var scope = scopes.CreateAsyncScope();
        var (users, db, transaction) = await BeginAsync(scope, ct);
        await using var _ = transaction;
        var user = await FindAsync(users, accountId);
        EnsureMayTouch(caller, user);
        if (user.Disabled == disabled)
        {
            return StaffAccountView.From(user);
        }
        if (disabled && user.Id == caller.Actor.Id)
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
        await AuditAsync(db, transaction, caller, command, user,
            new JsonObject { ["Disabled"] = !disabled }, new JsonObject { ["Disabled"] = disabled }, ct);
        return StaffAccountView.From(user);
    }

    /// <summary>Gives the account a new one-time password (to be changed at the next sign-in) and ends its sessions.</summary>
    public async Task<OneTimePassword> ResetPasswordAsync(Caller caller, string accountId, CancellationToken ct = default)
    {
        Permissions.Ensure(caller, Permissions.ResetStaffPassword);
        await using var scope = scopes.CreateAsyncScope();
        var (users, db, transaction) = await BeginAsync(scope, ct);
        await using var _ = transaction;
        var user = await FindAsync(users, accountId);
        EnsureMayTouch(caller, user);
        if (user.Role == StaffRole.Display)
        {
            throw DomainException.Invalid("A wall display has no password: disable it and pair the screen again.");
        }
        var before = user.MustChangePassword;
        var password = NewPassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password));
        user.MustChangePassword = true;
        Check(await users.UpdateAsync(user));
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        // The password itself (and its hash) never enter the trail: only that a reset happened.
        await AuditAsync(db, transaction, caller, Permissions.ResetStaffPassword, user,
            new JsonObject { ["MustChangePassword"] = before }, new JsonObject { ["MustChangePassword"] = true, ["PasswordReset"] = true }, ct);
        return new OneTimePassword(StaffAccountView.From(user), password);
    }

    /// <summary>A code a wall display types at /pair within <see cref="DisplayPairing.Validity"/>, once, to become the named device.</summary>
    public async Task<PairingCode> CreatePairingCodeAsync(Caller caller, string deviceName, CancellationToken ct = default)
    {
        Permissions.Ensure(caller, Permissions.CreatePairingCode);
        var name = Text.Required(deviceName, "deviceName", "The display's name", 100);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var expires = clock.GetUtcNow() + DisplayPairing.Validity;
        db.AuditTrail.Add(AuditWriter.Entry(caller, Permissions.CreatePairingCode, clock.GetUtcNow(), PairingObject, name, null, null,
            new JsonObject { ["DeviceName"] = name, ["ExpiresAt"] = expires }));
        await db.SaveChangesAsync(ct);
        return pairing.Create(name, caller);
    }

    private static UserManager<StaffUser> Users(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();

    /// <summary>The scope's user manager and its context, with a transaction open on that context (see the remarks).</summary>
    private static async Task<(UserManager<StaffUser> Users, DashboardDbContext Db, IDbContextTransaction Transaction)> BeginAsync(AsyncServiceScope scope, CancellationToken ct)
    {
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var transaction = await db.Database.BeginTransactionAsync(ct);
        return (Users(scope), db, transaction);
    }

    private async Task AuditAsync(DashboardDbContext db, IDbContextTransaction transaction, Caller caller, string command, StaffUser user, JsonObject? before, JsonObject? after, CancellationToken ct)
    {
        db.AuditTrail.Add(AuditWriter.Entry(caller, command, clock.GetUtcNow(), user.Role == StaffRole.Display ? DisplayObject : AccountObject, user.Id, null, before, after));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static void EnsureMayGrant(Caller caller, StaffRole role)
    {
        if (role == StaffRole.Owner && !caller.IsSystem && caller.Role != StaffRole.Owner)
        {
            throw DomainException.Forbidden("Only an owner can make someone an owner.");
        }
    }

    private static void EnsureMayTouch(Caller caller, StaffUser user)
    {
        if (user.Role == StaffRole.Owner && !caller.IsSystem && caller.Role != StaffRole.Owner)
        {
            throw DomainException.Forbidden("Only an owner can change an owner's account.");
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
