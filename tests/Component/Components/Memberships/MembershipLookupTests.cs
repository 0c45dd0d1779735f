using Bunit;
using FrontDesk.Dashboard.Components.Memberships;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FrontDesk.Tests.Component.Components.Memberships;

/// <summary>The membership lookup on /inventory: find by code, Use on an appointment, Assign to a client.</summary>
public sealed class MembershipLookupTests : MembershipTestContext
{
    private IRenderedComponent<IComponent> RenderInventory()
    {
        var cut = Render(MudQueries.WithProviders<InventoryPage>());
        cut.WaitForAssertion(() => Assert.True(cut.HasRole("table", "Products and stock") || cut.Markup.Contains("No products yet.", StringComparison.Ordinal)), Patience);
        return cut;
    }

    private static async Task LookUpAsync(IRenderedComponent<IComponent> cut, string code)
    {
        await cut.Input("Code to look up").InputAsync(new ChangeEventArgs { Value = code });
        await cut.Button("Look up").ClickAsync(new MouseEventArgs());
    }

    [Fact]
    public async Task Use_HoldersOnlyAppointment_RecordsTheVisitAndSaysSo()
    {
        await SellAsync(await MassageCardAsync(), "JANE-1", Seed.JaneId);
        await BookJaneAsync(10);
        var cut = RenderInventory();
        await LookUpAsync(cut, "jane-1");
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Use JANE-1")), Patience);

        await cut.Button("Use JANE-1").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Used visit 1 of JANE-1.", cut.StatusTexts()), Patience);
        Assert.Equal(1, (await MembershipQueries.ByCodeAsync("JANE-1")).VisitsUsed);
        cut.WaitForAssertion(() => Assert.Equal("1 of 5 visits used, 4 left", cut.Role("article", "Membership JANE-1").QuerySelector("[aria-label='JANE-1 visits']")!.TextContent.Trim()), Patience);
    }

    [Fact]
    public async Task Use_TwoAppointmentsNoneChosen_AsksForTheAppointmentAndUsesNothing()
    {
        await SellAsync(await MassageCardAsync(), "JANE-2", Seed.JaneId);
        await BookJaneAsync(10);
        await BookJaneAsync(13);
        var cut = RenderInventory();
        await LookUpAsync(cut, "JANE-2");
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Use JANE-2")), Patience);

        await cut.Button("Use JANE-2").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal("Choose the appointment the membership pays for.", cut.AlertText()), Patience);
        Assert.Equal(0, (await MembershipQueries.ByCodeAsync("JANE-2")).VisitsUsed);
    }

    [Fact]
    public async Task Use_VisitsAllUsed_ShowsTheRefusalInline()
    {
        await SellAsync(await MassageCardAsync(visits: 1), "ONE-1", Seed.JaneId);
        var first = await BookJaneAsync(10);
        await Memberships.UseAsync("ONE-1", first.Id, TestCallers.Manager(OtherDesk));
        await BookJaneAsync(13);
        var cut = RenderInventory();
        await LookUpAsync(cut, "ONE-1");
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Use ONE-1")), Patience);

        await cut.Button("Use ONE-1").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.NotNull(cut.AlertText()), Patience);
        Assert.Equal(1, (await MembershipQueries.ByCodeAsync("ONE-1")).VisitsUsed);
    }

    [Fact]
    public async Task LookUp_UnknownCode_SaysSoInline()
    {
        await MassageCardAsync();
        var cut = RenderInventory();

        await LookUpAsync(cut, "NOPE");

        cut.WaitForAssertion(() => Assert.NotNull(cut.AlertText()), Patience);
        Assert.False(cut.HasRole("article", "Membership NOPE"));
    }

    [Fact]
    public async Task Assign_ClientChosen_BecomesTheHolder()
    {
        await SellAsync(await MassageCardAsync(), "GIFT-1");
        var cut = RenderInventory();
        await LookUpAsync(cut, "GIFT-1");
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Assign GIFT-1")), Patience);

        await cut.Combobox("Holder for GIFT-1").InputAsync(new ChangeEventArgs { Value = "maria" });
        cut.WaitForAssertion(() => Assert.Contains(cut.OpenOptions(), o => o.StartsWith("Maria Garcia", StringComparison.Ordinal)), Patience);
        await cut.OpenOption("Maria Garcia").ClickAsync(new MouseEventArgs());
        await cut.Button("Assign GIFT-1").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("GIFT-1 now belongs to Maria Garcia.", cut.StatusTexts()), Patience);
        Assert.Equal(Seed.MariaId, (await MembershipQueries.ByCodeAsync("GIFT-1")).HolderClientId);
    }

    [Fact]
    public async Task Assign_NoClientChosen_AsksForOneAndLeavesItBearer()
    {
        await SellAsync(await MassageCardAsync(), "GIFT-2");
        var cut = RenderInventory();
        await LookUpAsync(cut, "GIFT-2");
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Assign GIFT-2")), Patience);

        await cut.Button("Assign GIFT-2").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal("Choose the client who holds the membership.", cut.AlertText()), Patience);
        Assert.Null((await MembershipQueries.ByCodeAsync("GIFT-2")).HolderClientId);
    }
}
