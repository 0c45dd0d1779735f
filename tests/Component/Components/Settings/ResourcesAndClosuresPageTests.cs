using Bunit;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Components.Settings;
using FrontDesk.Domain.Catalog;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Components.Settings;

/// <summary>The rooms and machines screen and the closures screen, over a real clinic database.</summary>
public sealed class ResourcesAndClosuresPageTests : ClinicTestContext
{
    private CatalogQueries Queries => Services.GetRequiredService<CatalogQueries>();

    private CatalogService Catalog => Services.GetRequiredService<CatalogService>();

    private async Task<IRenderedComponent<IComponent>> OpenNewResourceAsync()
    {
        var cut = RenderWithProviders<ResourcesPage>();
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("New room or machine") && !cut.Button("New room or machine").HasAttribute("disabled")), Patience);
        _ = cut.Button("New room or machine").ClickAsync(new MouseEventArgs()); // its handler waits for the dialog's answer
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Save")), Patience);
        return cut;
    }

    [Fact]
    public async Task SaveResource_NewMachine_ListsItWithItsKind()
    {
        var cut = await OpenNewResourceAsync();
        await cut.TypeAsync("Name", "Laser");
        await cut.ChooseAsync("Kind", "Machine");

        await cut.Button("Save").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains(cut.Rows("Rooms and machines"), r => r[0] == "Laser" && r[1] == "Machine"), Patience);
        var laser = Assert.Single(await Queries.ResourcesAsync());
        Assert.Equal(("Laser", ResourceKind.Machine, true), (laser.Name, laser.Kind, laser.Active));
    }

    [Fact]
    public async Task SaveResource_NameMissing_ShowsRequiredInlineAndAddsNothing()
    {
        var cut = await OpenNewResourceAsync();

        await cut.Button("Save").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Enter the room's or machine's name.", cut.Markup), Patience);
        Assert.Empty(await Queries.ResourcesAsync());
    }

    [Fact]
    public async Task DeleteResource_NeededByAService_ShowsTheRefusalAndKeepsIt()
    {
        var room = await Catalog.CreateResourceAsync(new SaveResource("Room 1", ResourceKind.Room, true, TestCallers.Manager(OtherDesk)));
        await Catalog.CreateServiceAsync(new SaveService("Body wrap", "Spa", [], 60, 80m, 0, [room.Id], [], true, true, null, TestCallers.Manager(OtherDesk)));
        var cut = RenderWithProviders<ResourcesPage>();
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Edit Room 1")), Patience);
        _ = cut.Button("Edit Room 1").ClickAsync(new MouseEventArgs()); // its handler waits for the dialog's answer
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Delete Room 1")), Patience);

        await cut.Button("Delete Room 1").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal("Room 1 is needed by Body wrap; take it off those services first, or deactivate it.", cut.AlertText()), Patience);
        Assert.Single(await Queries.ResourcesAsync());
    }

    [Fact]
    public async Task AddClosure_DateAndReason_ListsIt()
    {
        var date = Clock.Today.AddDays(10);
        var cut = RenderWithProviders<ClosuresPage>();
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Add closure")), Patience);
        await cut.Input("Closure date").ChangeAsync(new ChangeEventArgs { Value = date.ToString("yyyy-MM-dd") });
        await cut.TypeAsync("Closure reason", "Founders' day");

        await cut.Button("Add closure").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.True(cut.HasButton($"Remove the closure on {date:ddd d MMM yyyy}")), Patience);
        Assert.Equal([new ClosureView(date, "Founders' day")], await Queries.ClosuresAsync());
    }

    [Fact]
    public async Task AddClosure_DateAlreadyClosed_ShowsTheConflictInlineAndKeepsTheFirst()
    {
        var date = Clock.Today.AddDays(10);
        await Catalog.AddClosureAsync(new AddClosure(date, "Founders' day", TestCallers.Manager(OtherDesk)));
        var cut = RenderWithProviders<ClosuresPage>();
        cut.WaitForAssertion(() => Assert.True(cut.HasButton($"Remove the closure on {date:ddd d MMM yyyy}")), Patience);
        await cut.Input("Closure date").ChangeAsync(new ChangeEventArgs { Value = date.ToString("yyyy-MM-dd") });
        await cut.TypeAsync("Closure reason", "Staff training");

        await cut.Button("Add closure").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal($"The business is already closed on {date:yyyy-MM-dd} (Founders' day).", cut.AlertText()), Patience);
        Assert.Equal([new ClosureView(date, "Founders' day")], await Queries.ClosuresAsync());
    }

    [Fact]
    public async Task AddClosure_ReasonMissing_ShowsMessageAndAddsNothing()
    {
        var cut = RenderWithProviders<ClosuresPage>();
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Add closure")), Patience);
        await cut.Input("Closure date").ChangeAsync(new ChangeEventArgs { Value = Clock.Today.AddDays(3).ToString("yyyy-MM-dd") });

        await cut.Button("Add closure").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal("Choose the date and say why the business is closed.", cut.AlertText()), Patience);
        Assert.Empty(await Queries.ClosuresAsync());
    }
}
