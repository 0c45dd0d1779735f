using Bunit;
using FrontDesk.Dashboard.Components.Layout;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Component.Infrastructure;

namespace FrontDesk.Tests.Component.Components.Layout;

/// <summary>
/// The app bar says who is signed in and offers Sign out; the navigation shows the managers' links
/// (settings, audit trail) to owners and managers only, read from the circuit's authentication state.
/// </summary>
public sealed class MainLayoutSignedInTests : ClinicTestContext
{
    private IRenderedComponent<MainLayout> RenderLayout()
    {
        RenderAsInCircuit();
        return Render<MainLayout>(p => p.Add(l => l.Body, builder => builder.AddContent(0, "desk")));
    }

    private static IEnumerable<string> LinkTexts(IRenderedComponent<MainLayout> cut) =>
        cut.Find("nav[aria-label='Main']").QuerySelectorAll("a").Select(a => a.TextContent.Trim());

    [Theory]
    [InlineData(StaffRole.Owner)]
    [InlineData(StaffRole.Manager)]
    public void Render_AManager_SeesSettingsAndTheAuditTrail(StaffRole role)
    {
        SignInAs(role);

        var cut = RenderLayout();

        Assert.NotNull(cut.Find("[aria-label='Settings']"));
        Assert.Contains("Audit trail", LinkTexts(cut));
        Assert.Contains("Staff", LinkTexts(cut));
    }

    [Fact]
    public void Render_AReceptionist_SeesTheDeskLinksOnly()
    {
        SignInAs(StaffRole.Receptionist);

        var cut = RenderLayout();

        Assert.Empty(cut.FindAll("[aria-label='Settings']"));
        Assert.DoesNotContain("Audit trail", LinkTexts(cut));
        Assert.DoesNotContain("Staff", LinkTexts(cut));
        Assert.Contains("Calendar", LinkTexts(cut));
        Assert.Contains("Clients", LinkTexts(cut));
    }

    [Fact]
    public void Render_SignedIn_NamesThePersonAndPostsSignOut()
    {
        SignInAs(StaffRole.Receptionist, "Ann <b>Lee</b> & Co");

        var cut = RenderLayout();

        // The name is text, encoded, never markup.
        var user = cut.Find(".appbar-user");
        Assert.Equal("Ann <b>Lee</b> & Co", user.TextContent);
        Assert.Equal("Signed in as Ann <b>Lee</b> & Co", user.GetAttribute("aria-label"));
        Assert.Empty(user.QuerySelectorAll("b"));
        var signOut = cut.Find("button[aria-label='Sign out']");
        Assert.Equal("submit", signOut.GetAttribute("type"));
        Assert.Equal("account/signout", signOut.Closest("form")!.GetAttribute("action"));
        Assert.Equal("post", signOut.Closest("form")!.GetAttribute("method"));
    }

    [Fact]
    public void Render_SignedOut_OffersNoSignOut()
    {
        Authorization.SetNotAuthorized();

        var cut = RenderLayout();

        Assert.Empty(cut.FindAll("button[aria-label='Sign out']"));
        Assert.Empty(cut.FindAll("[aria-label='Settings']"));
    }
}
