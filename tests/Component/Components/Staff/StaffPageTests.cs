using AngleSharp.Dom;
using Bunit;
using FrontDesk.Dashboard.Components.Layout;
using FrontDesk.Dashboard.Components.Settings;
using FrontDesk.Dashboard.Staff;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Components.Staff;

/// <summary>The staff screen over a real database with the app's staff services (the signed-in person is bUnit's).</summary>
public sealed class StaffPageTests : NewInstallationTestContext
{
    public StaffPageTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Dashboard"] = Clinic.ConnectionString })
            .Build();
        Services.AddStaffSignIn(configuration);
        // bUnit's signed-in person stays the circuit's: drop the app's revalidating provider.
        var appProvider = Services.Single(d => d.ServiceType == typeof(AuthenticationStateProvider)
            && d.ImplementationType == typeof(StaffRevalidatingAuthenticationStateProvider));
        Services.Remove(appProvider);
    }

    private async Task<string> AddAccountAsync(string email, string name, StaffRole role)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, Role = role };
        var result = await users.CreateAsync(user, "a-long-enough-password");
        Assert.True(result.Succeeded);
        return user.Id;
    }

    private static IElement? Row(IRenderedComponent<IComponent> cut, string name) =>
        cut.FindAll("tbody tr").FirstOrDefault(r => r.QuerySelector("td")?.TextContent.Trim() == name);

    private IRenderedComponent<IComponent> RenderScreen(string waitFor)
    {
        var cut = RenderWithProviders<StaffPage>();
        cut.WaitForAssertion(() => Assert.NotNull(Row(cut, waitFor)), Patience);
        return cut;
    }

    [Fact]
    public async Task Render_Accounts_ListsNameEmailRoleAndStatus()
    {
        await AddAccountAsync("rita@clinic.test", "Rita Reception", StaffRole.Receptionist);

        var cut = RenderScreen("Rita Reception");

        var cells = Row(cut, "Rita Reception")!.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("rita@clinic.test", cells[1]);
        Assert.Contains("Receptionist", cells[2], StringComparison.Ordinal);
        Assert.Equal("Active", cells[3]);
        Assert.Equal("Never", cells[4]);
    }

    [Fact]
    public async Task Invite_NameAndEmail_ShowsOneTimePasswordAndListsTheAccount()
    {
        await AddAccountAsync("rita@clinic.test", "Rita Reception", StaffRole.Receptionist);
        var cut = RenderScreen("Rita Reception");
        await cut.TypeAsync("Name", "Nina New");
        await cut.TypeAsync("Email", "nina@clinic.test");

        await cut.Button("Invite").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.NotNull(Row(cut, "Nina New")), Patience);
        var secret = cut.FindAll("[aria-label='One-time password']").Single().TextContent.Trim();
        Assert.Equal(14, secret.Length);
        Assert.Contains("Has a one-time password", Row(cut, "Nina New")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_EmailTaken_InlineErrorAndNoSecond()
    {
        await AddAccountAsync("rita@clinic.test", "Rita Reception", StaffRole.Receptionist);
        var cut = RenderScreen("Rita Reception");
        await cut.TypeAsync("Name", "Rita Again");
        await cut.TypeAsync("Email", "rita@clinic.test");

        await cut.Button("Invite").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal("rita@clinic.test already has an account.", cut.AlertText()), Patience);
        Assert.Null(Row(cut, "Rita Again"));
        Assert.Empty(cut.FindAll("[aria-label='One-time password']"));
    }

    [Fact]
    public async Task Render_AsManager_OwnerHasNoActions()
    {
        await AddAccountAsync("olive@clinic.test", "Olive Owner", StaffRole.Owner);
        await AddAccountAsync("rita@clinic.test", "Rita Reception", StaffRole.Receptionist);
        SignInAs(StaffRole.Manager);

        var cut = RenderScreen("Olive Owner");

        Assert.False(cut.HasButton("Disable Olive Owner"));
        Assert.False(cut.HasButton("Reset the password of Olive Owner"));
        Assert.True(cut.HasButton("Disable Rita Reception"));
    }

    [Fact]
    public async Task Disable_Confirmed_ShowsDisabled()
    {
        await AddAccountAsync("rita@clinic.test", "Rita Reception", StaffRole.Receptionist);
        var cut = RenderScreen("Rita Reception");

        _ = cut.Button("Disable Rita Reception").ClickAsync(new MouseEventArgs()); // waits for the confirmation
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Disable")), Patience);
        await cut.Button("Disable").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Disabled", Row(cut, "Rita Reception")!.TextContent, StringComparison.Ordinal), Patience);
        Assert.True(cut.HasButton("Enable Rita Reception"));
    }

    [Fact]
    public void MakePairingCode_Named_ShowsAnEightCharacterCode()
    {
        var cut = RenderWithProviders<StaffPage>();
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Make a pairing code")), Patience);

        cut.Input("Display name").Change("Lobby");
        cut.Button("Make a pairing code").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[aria-label='Pairing code']")), Patience); // written to the audit trail first
        var code = cut.FindAll("[aria-label='Pairing code']").Single().TextContent.Trim();
        Assert.Equal(DisplayPairing.CodeLength, code.Length);
    }
}

/// <summary>The message a circuit over the per-account limit shows instead of the page.</summary>
public sealed class CircuitLimitGateTests : DashboardTestContext
{
    [Fact]
    public void Render_Refused_SaysTooManyScreensInsteadOfThePage()
    {
        Services.AddSingleton(new CircuitAdmission { Refused = true, Limit = 5 });

        var cut = Render(MudQueries.WithProviders<CircuitLimitGate>(("ChildContent", (RenderFragment)(b => b.AddContent(0, "the calendar")))));

        Assert.Contains("This account is open on too many screens (at most 5 at once)", cut.AlertText(), StringComparison.Ordinal);
        Assert.DoesNotContain("the calendar", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Admitted_ShowsThePage()
    {
        Services.AddSingleton(new CircuitAdmission());

        var cut = Render(MudQueries.WithProviders<CircuitLimitGate>(("ChildContent", (RenderFragment)(b => b.AddContent(0, "the calendar")))));

        Assert.Contains("the calendar", cut.Markup, StringComparison.Ordinal);
        Assert.Null(cut.AlertText());
    }
}
