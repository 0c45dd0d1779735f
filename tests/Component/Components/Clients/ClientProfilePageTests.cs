using Bunit;
using FrontDesk.Dashboard.Components.Clients;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Packages;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FrontDesk.Tests.Component.Components.Clients;

/// <summary>The client profile: package records, what the desk does with them, and live changes from other desks.</summary>
public sealed class ClientProfilePageTests : PackageTestContext
{
    private IRenderedComponent<IComponent> RenderProfile(Guid clientId)
    {
        var cut = Render(MudQueries.WithProviders<ClientProfilePage>(("Id", clientId)));
        cut.WaitForAssertion(() => Assert.DoesNotContain(cut.StatusTexts(), s => s.StartsWith("Loading", StringComparison.Ordinal)), Patience);
        return cut;
    }

    private string CardName(RecordView record) => $"{record.Name}, active, from {Clock.ToLocal(record.PurchasedAt):d MMM yyyy}";

    [Fact]
    public async Task Render_ClientWithCourse_ShowsTheRecordWithItsCircles()
    {
        var record = await SellJaneCourseAsync("Massage course", sessions: 2);

        var cut = RenderProfile(Seed.JaneId);

        Assert.True(cut.HasRole("article", CardName(record)));
        Assert.True(cut.HasButton("Massage course, session 1 of 2: free"));
        Assert.Contains("2 free · 0 booked · 0 redeemed of 2", cut.Markup);
    }

    [Fact]
    public void Render_UnknownClient_SaysSoWithAWayBack()
    {
        var cut = RenderProfile(Guid.NewGuid());

        Assert.Contains("This client does not exist.", cut.StatusTexts());
        Assert.Equal("clients", cut.Role("link", "Back to clients").GetAttribute("href"));
    }

    [Fact]
    public async Task Adjust_TwoMoreWithReason_AddsSessionsAndSaysSo()
    {
        var record = await SellJaneCourseAsync("Massage course", sessions: 2);
        var cut = RenderProfile(Seed.JaneId);
        await cut.Button("Adjust Massage course").ClickAsync(new MouseEventArgs());

        await cut.TypeAsync("Change in sessions", "2");
        await cut.TypeAsync("Reason for the adjustment", "goodwill");
        await cut.Button("Save adjustment").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Massage course: added 2 sessions.", cut.StatusTexts()), Patience);
        Assert.Equal(4, (await RecordInDatabaseAsync(record.Id)).Sessions.Count);
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Massage course, session 4 of 4: free")), Patience);
    }

    [Fact]
    public async Task Adjust_WithoutReason_ShowsTheRefusalAndChangesNothing()
    {
        var record = await SellJaneCourseAsync("Massage course", sessions: 2);
        var cut = RenderProfile(Seed.JaneId);
        await cut.Button("Adjust Massage course").ClickAsync(new MouseEventArgs());

        await cut.TypeAsync("Change in sessions", "2");
        await cut.Button("Save adjustment").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.NotNull(cut.AlertText()), Patience);
        Assert.Contains("reason", cut.AlertText()!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, (await RecordInDatabaseAsync(record.Id)).Sessions.Count);
        Assert.Equal("2", cut.Input("Change in sessions").GetAttribute("value"));
    }

    [Fact]
    public async Task Cancel_ConfirmedInTheDialog_CancelsTheRecordForGood()
    {
        var record = await SellJaneCourseAsync("Massage course", sessions: 2);
        var cut = RenderProfile(Seed.JaneId);
        await cut.Button("Cancel package Massage course").ClickAsync(new MouseEventArgs());
        await cut.TypeAsync("Reason for cancelling the package", "moving away");

        // The click's handler waits for the dialog's answer, so the test does not wait for it to finish.
        var asking = cut.Button("Cancel package Massage course: continue").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.True(cut.HasRole("dialog", "Cancel Massage course for good?")), Patience);
        await cut.Button("Yes, cancel Massage course for good").ClickAsync(new MouseEventArgs());
        await asking.WaitAsync(Patience);

        cut.WaitForAssertion(() => Assert.Contains("Massage course is cancelled.", cut.StatusTexts()), Patience);
        Assert.Equal(RecordStatus.Cancelled, (await RecordInDatabaseAsync(record.Id)).Status);
        Assert.False(cut.HasRole("dialog", "Cancel Massage course for good?"));
    }

    [Fact]
    public async Task Cancel_NoKeepIt_LeavesTheRecordActive()
    {
        var record = await SellJaneCourseAsync("Massage course", sessions: 2);
        var cut = RenderProfile(Seed.JaneId);
        await cut.Button("Cancel package Massage course").ClickAsync(new MouseEventArgs());
        // The click's handler waits for the dialog's answer, so the test does not wait for it to finish.
        var asking = cut.Button("Cancel package Massage course: continue").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.True(cut.HasRole("dialog", "Cancel Massage course for good?")), Patience);

        await cut.Button("No, keep it").ClickAsync(new MouseEventArgs());
        await asking.WaitAsync(Patience);

        cut.WaitForAssertion(() => Assert.False(cut.HasRole("dialog", "Cancel Massage course for good?")), Patience);
        Assert.Equal(RecordStatus.Active, (await RecordInDatabaseAsync(record.Id)).Status);
    }

    [Fact]
    public async Task Sell_CourseForSalePaidByCard_AddsTheRecord()
    {
        await CreateCourseAsync("Massage course", sessions: 3, price: 150m);
        var cut = RenderProfile(Seed.JohnId);
        await cut.Button("Sell package").ClickAsync(new MouseEventArgs());

        await cut.ChooseAsync("Package to sell", "Massage course · 150.00 GBP");
        await cut.Button("Take payment and sell (150.00 GBP)").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Sold Massage course for 150.00 GBP.", cut.StatusTexts()), Patience);
        var sold = Assert.Single(await RecordsInDatabaseAsync());
        Assert.Equal(Seed.JohnId, sold.ClientId.Value);
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Massage course, session 3 of 3: free")), Patience);
    }

    [Fact]
    public async Task LiveSale_AtAnotherDesk_AppearsWithoutReload()
    {
        var course = await CreateCourseAsync("Massage course", sessions: 2);
        var cut = RenderProfile(Seed.JaneId);
        Assert.Contains("Jane Cooper has no packages yet.", cut.Markup);

        await SellAsync(Seed.JaneId, course);

        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Massage course, session 2 of 2: free")), Patience);
    }
}
