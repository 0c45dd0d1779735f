using System.Text.RegularExpressions;
using FrontDesk.Domain.Staff;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Infrastructure;

/// <summary>
/// The staff accounts every test app starts with (configuration, never defaults of the app):
/// the owner through Bootstrap:OwnerEmail/OwnerPassword, one account per other role through
/// Bootstrap:Staff. Test-only passwords.
/// </summary>
public static class E2EStaff
{
    public static readonly E2EAccount Owner = new("owner@e2e.test", "Olive Owner", StaffRole.Owner, "e2e-owner-password");
    public static readonly E2EAccount Manager = new("manager@e2e.test", "Milo Manager", StaffRole.Manager, "e2e-manager-password");
    public static readonly E2EAccount Receptionist = new("desk@e2e.test", "Rita Reception", StaffRole.Receptionist, "e2e-desk-password");
    public static readonly E2EAccount Display = new("wall@e2e.test", "Waiting room wall", StaffRole.Display, "e2e-wall-password");

    public static E2EAccount For(StaffRole role) => role switch
    {
        StaffRole.Owner => Owner,
        StaffRole.Manager => Manager,
        StaffRole.Receptionist => Receptionist,
        _ => Display,
    };

    /// <summary>An API key given by configuration (Api:Keys), test-only; such a key has Manager rights.</summary>
    public const string ApiKey = "fdl_e2e-test-key-manager-rights-0123456789";

    /// <summary>The app's configuration that creates these accounts at start.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Configuration()
    {
        yield return new("Bootstrap:OwnerEmail", Owner.Email);
        yield return new("Bootstrap:OwnerPassword", Owner.Password);
        yield return new("Bootstrap:OwnerName", Owner.Name);
        var others = new[] { Manager, Receptionist, Display };
        for (var i = 0; i < others.Length; i++)
        {
            yield return new($"Bootstrap:Staff:{i}:Email", others[i].Email);
            yield return new($"Bootstrap:Staff:{i}:Name", others[i].Name);
            yield return new($"Bootstrap:Staff:{i}:Role", others[i].Role.ToString());
            yield return new($"Bootstrap:Staff:{i}:Password", others[i].Password);
        }
        // The API takes keys only: the tests' calls use this one (Manager rights, see AppServer.CreateClient).
        yield return new("Api:Keys:0", ApiKey);
        // Every test signs in, many times a minute from 127.0.0.1.
        yield return new("SignIn:AttemptsPerMinute", "10000");
    }

    /// <summary>Signs <paramref name="page"/>'s browser context in on the sign-in screen, as a person would.</summary>
    public static async Task SignInAsync(IPage page, E2EAccount account)
    {
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email").FillAsync(account.Email);
        await page.GetByLabel("Password").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/account/signin"));
    }
}

public sealed record E2EAccount(string Email, string Name, StaffRole Role, string Password);
