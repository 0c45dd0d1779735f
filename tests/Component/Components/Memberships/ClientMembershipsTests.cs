using Bunit;
using FrontDesk.Dashboard.Components.Clients;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FrontDesk.Tests.Component.Components.Memberships;

/// <summary>Memberships on the client profile.</summary>
public sealed class ClientMembershipsTests : MembershipTestContext
{
    private IRenderedComponent<IComponent> RenderProfile(Guid clientId)
    {
        var cut = Render(MudQueries.WithProviders<ClientProfilePage>(("Id", clientId)));
        cut.WaitForAssertion(() => Assert.True(cut.HasRole("region", "Memberships") && !cut.Markup.Contains("Loading memberships", StringComparison.Ordinal)), Patience);
        return cut;
    }

    [Fact]
    public async Task Render_ClientHoldsMembership_ShowsCodeTypeVisitsAndValidity()
    {
        await SellAsync(await MassageCardAsync(), "JANE-9", Seed.JaneId);

        var cut = RenderProfile(Seed.JaneId);

        var card = cut.Role("article", "Membership JANE-9");
        Assert.Contains("Massage card", card.TextContent, StringComparison.Ordinal);
        Assert.Equal("0 of 5 visits used, 5 left", card.QuerySelector("[aria-label='JANE-9 visits']")!.TextContent.Trim());
        Assert.Equal($"Valid until {Clock.Today.AddDays(29):d MMM yyyy}", card.QuerySelector("[aria-label='JANE-9 validity']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Render_OtherClientsMembership_NotListed()
    {
        await SellAsync(await MassageCardAsync(), "JOHN-1", Seed.JohnId);

        var cut = RenderProfile(Seed.JaneId);

        Assert.False(cut.HasRole("article", "Membership JOHN-1"));
        Assert.Contains("No memberships.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Use_FromProfile_RecordsTheVisit()
    {
        await SellAsync(await MassageCardAsync(), "JANE-8", Seed.JaneId);
        await BookJaneAsync(11);
        var cut = RenderProfile(Seed.JaneId);
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Use JANE-8")), Patience);

        await cut.Button("Use JANE-8").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Used visit 1 of JANE-8.", cut.StatusTexts()), Patience);
        Assert.Equal(1, (await MembershipQueries.ByCodeAsync("JANE-8")).VisitsUsed);
    }
}
