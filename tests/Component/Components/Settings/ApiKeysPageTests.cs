using AngleSharp.Dom;
using Bunit;
using FrontDesk.Dashboard.Components.Settings;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Components.Settings;

/// <summary>The API keys screen over a real database and the app's ApiKeyService (the signed-in person is bUnit's).</summary>
public sealed class ApiKeysPageTests : NewInstallationTestContext
{
    private const string SecretLabel = "API key secret";

    private ApiKeyService Keys => Services.GetRequiredService<ApiKeyService>();

    private static Caller Owner => Caller.Staff(TestStaffId, "Test Owner", StaffRole.Owner);

    private static IElement? Row(IRenderedComponent<IComponent> cut, string name) =>
        cut.FindAll("tbody tr").FirstOrDefault(r => r.QuerySelector("td")?.TextContent.Trim() == name);

    private IRenderedComponent<IComponent> RenderScreen()
    {
        var cut = RenderWithProviders<ApiKeysPage>();
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("New API key")), Patience);
        return cut;
    }

    private static async Task OpenNewKeyDialogAsync(IRenderedComponent<IComponent> cut)
    {
        _ = cut.Button("New API key").ClickAsync(new MouseEventArgs()); // completes when the dialog closes
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Create key")), Patience);
        await Task.CompletedTask;
    }

    private static IReadOnlyList<string> Secrets(IRenderedComponent<IComponent> cut) =>
        cut.FindAll($"[aria-label='{SecretLabel}']").Select(e => e.TextContent.Trim()).ToList();

    [Fact]
    public async Task Create_NameAndRole_ShowsTheSecretOnceInTheDialog()
    {
        var cut = RenderScreen();
        await OpenNewKeyDialogAsync(cut);
        await cut.TypeAsync("Name", "Booking widget");

        await cut.Button("Create key").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Single(Secrets(cut)), Patience);
        var secret = Secrets(cut)[0];
        Assert.StartsWith(ApiKey.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.Contains("It will not be shown again", cut.Markup, StringComparison.Ordinal);
        Assert.True(cut.HasButton("Copy the key"));
        Assert.NotNull(await Keys.AuthenticateAsync(secret)); // the shown secret is the key's
    }

    [Fact]
    public async Task Create_DialogClosed_ForgetsTheSecretAndListsTheKey()
    {
        var cut = RenderScreen();
        await OpenNewKeyDialogAsync(cut);
        await cut.TypeAsync("Name", "Booking widget");
        await cut.Button("Create key").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.Single(Secrets(cut)), Patience);
        var secret = Secrets(cut)[0];

        await cut.Button("I have copied it, close").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.NotNull(Row(cut, "Booking widget")), Patience);
        Assert.Empty(Secrets(cut));
        Assert.DoesNotContain(secret, cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Online booking", Row(cut, "Booking widget")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_NameOfAnActiveKey_InlineMessageAndNoSecret()
    {
        await Keys.CreateAsync(new CreateApiKey("Booking widget", null, true, Owner));
        var cut = RenderScreen();
        await OpenNewKeyDialogAsync(cut);
        await cut.TypeAsync("Name", "booking widget");

        await cut.Button("Create key").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("An active key is already called", cut.Markup, StringComparison.Ordinal), Patience);
        Assert.Empty(Secrets(cut));
        Assert.Single(await Keys.ListAsync(Owner));
    }

    [Fact]
    public async Task Revoke_Cancelled_KeyStaysActive()
    {
        var made = await Keys.CreateAsync(new CreateApiKey("Booking widget", null, true, Owner));
        var cut = RenderScreen();
        cut.WaitForAssertion(() => Assert.NotNull(Row(cut, "Booking widget")), Patience);

        _ = cut.Button("Revoke Booking widget").ClickAsync(new MouseEventArgs()); // waits for the confirmation
        cut.WaitForAssertion(() => Assert.Contains("Revoke the key Booking widget?", cut.Markup, StringComparison.Ordinal), Patience);
        await cut.Button("Cancel").ClickAsync(new MouseEventArgs());

        Assert.NotNull(await Keys.AuthenticateAsync(made.Secret));
        Assert.Contains("Active", Row(cut, "Booking widget")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_Confirmed_KeyRefusedAndShownRevoked()
    {
        var made = await Keys.CreateAsync(new CreateApiKey("Booking widget", null, true, Owner));
        var cut = RenderScreen();
        cut.WaitForAssertion(() => Assert.NotNull(Row(cut, "Booking widget")), Patience);

        _ = cut.Button("Revoke Booking widget").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Revoke")), Patience);
        await cut.Button("Revoke").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Revoked", Row(cut, "Booking widget")!.TextContent, StringComparison.Ordinal), Patience);
        Assert.Null(await Keys.AuthenticateAsync(made.Secret));
        Assert.False(cut.HasButton("Revoke Booking widget"));
    }

    [Fact]
    public void Route_AsReceptionist_NotAuthorized()
    {
        SignInAs(StaffRole.Receptionist);

        var cut = Render<AuthorizeRouteView>(p => p
            .Add(v => v.RouteData, new RouteData(typeof(ApiKeysPage), new Dictionary<string, object?>()))
            .Add(v => v.NotAuthorized, _ => "<p id=\"denied\">Not for you</p>"));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#denied")), Patience);
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public async Task Render_AsReceptionist_SaysWhyAndShowsNoKeys()
    {
        await Keys.CreateAsync(new CreateApiKey("Booking widget", null, true, Owner));
        SignInAs(StaffRole.Receptionist);

        var cut = RenderWithProviders<ApiKeysPage>();

        cut.WaitForAssertion(() => Assert.Equal("Only an owner or a manager can see and make API keys.", cut.AlertText()), Patience);
        Assert.False(cut.HasButton("New API key"));
        Assert.DoesNotContain("Booking widget", cut.Markup, StringComparison.Ordinal);
    }
}
