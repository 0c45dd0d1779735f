using FrontDesk.Domain.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Staff;

/// <summary>Accounts given by configuration: section "Bootstrap". No default password exists anywhere.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    /// <summary>The owner created at start while no owner exists (automated runs; a person uses the setup wizard).</summary>
    public string? OwnerEmail { get; set; }

    public string? OwnerPassword { get; set; }

    public string OwnerName { get; set; } = "Owner";

    /// <summary>More accounts created at start when their email is not taken yet (demo and test staff).</summary>
    public List<BootstrapAccount> Staff { get; set; } = [];
}

public sealed class BootstrapAccount
{
    public string Email { get; set; } = "";

    public string Name { get; set; } = "";

    public StaffRole Role { get; set; } = StaffRole.Receptionist;

    public string Password { get; set; } = "";
}

/// <summary>
/// Creates the configured accounts at start: the owner only while the database has no owner,
/// the other accounts only when their email is free. Never changes an existing account.
/// </summary>
public static class StaffBootstrap
{
    public static async Task ApplyAsync(IServiceProvider services, BootstrapOptions options, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StaffBootstrap));
        var anyOwner = await users.Users.AnyAsync(u => u.Role == StaffRole.Owner, ct);
        var hasOwnerEmail = !string.IsNullOrWhiteSpace(options.OwnerEmail);
        if (hasOwnerEmail != !string.IsNullOrEmpty(options.OwnerPassword))
        {
            throw new InvalidOperationException("Bootstrap:OwnerEmail and Bootstrap:OwnerPassword must be given together.");
        }
        if (!anyOwner && hasOwnerEmail)
        {
            await CreateAsync(users, options.OwnerEmail!, options.OwnerName, StaffRole.Owner, options.OwnerPassword!);
            log.LogInformation("Created the owner account {Email} from configuration (Bootstrap:OwnerEmail).", options.OwnerEmail);
        }
        foreach (var account in options.Staff)
        {
            if (await users.FindByEmailAsync(account.Email) is null)
            {
                await CreateAsync(users, account.Email, account.Name, account.Role, account.Password);
                log.LogInformation("Created the {Role} account {Email} from configuration (Bootstrap:Staff).", account.Role, account.Email);
            }
        }
    }

    private static async Task CreateAsync(UserManager<StaffUser> users, string email, string name, StaffRole role, string password)
    {
        var user = new StaffUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(name) ? email.Trim() : name.Trim(),
            Role = role,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"The configured account {email} could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
