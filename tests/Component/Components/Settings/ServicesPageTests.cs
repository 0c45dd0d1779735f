using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Components.Settings;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Components.Settings;

/// <summary>The services screen over a real clinic database: the grid, the editor dialog, validation inline, deactivation and delete.</summary>
public sealed class ServicesPageTests : ClinicTestContext
{
    private IRenderedComponent<IComponent> RenderPage()
    {
        var cut = RenderWithProviders<ServicesPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.Rows("Services").Count), Patience);
        return cut;
    }

    private async Task OpenEditorAsync(IRenderedComponent<IComponent> cut, string button)
    {
        _ = cut.Button(button).ClickAsync(new MouseEventArgs()); // its handler waits for the dialog's answer
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Save service")), Patience);
    }

    private async Task<List<FrontDesk.Domain.Catalog.Service>> ServicesInDatabaseAsync()
    {
        await using var db = Clinic.OpenDatabase(Services);
        return await db.Services.AsNoTracking().ToListAsync();
    }

    private static async Task FillAsync(IRenderedComponent<IComponent> cut, string name = "Hydrating facial", string duration = "45", string price = "55")
    {
        await cut.TypeAsync("Name", name);
        await cut.TypeAsync("Activity", "Skin");
        await cut.TypeAsync("Duration (minutes)", duration);
        await cut.TypeAsync("Price (GBP)", price);
    }

    [Fact]
    public async Task Save_NewServiceWithProvider_ListsItAndTheProviderPerformsIt()
    {
        var cut = RenderPage();
        await OpenEditorAsync(cut, "New service");
        await FillAsync(cut);
        await cut.ChooseAsync("Providers who perform it", Seed.ProviderName);

        await cut.Button("Save service").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains(cut.Rows("Services"), r => r[0] == "Hydrating facial" && r[2] == "45 min" && r[6] == Seed.ProviderName), Patience);
        var provider = await Services.GetRequiredService<FrontDesk.Dashboard.Catalog.CatalogQueries>().ProviderAsync(Seed.ProviderId);
        var saved = (await ServicesInDatabaseAsync()).Single(s => s.Name == "Hydrating facial");
        Assert.Contains(saved.Id.Value, provider!.ServiceIds);
    }

    [Fact]
    public async Task Save_NameMissing_ShowsRequiredInlineAndAddsNothing()
    {
        var cut = RenderPage();
        await OpenEditorAsync(cut, "New service");
        await FillAsync(cut, name: string.Empty);

        await cut.Button("Save service").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Enter the service's name.", cut.Markup), Patience);
        Assert.Equal("true", cut.Input("Name").GetAttribute("aria-invalid"));
        Assert.True(cut.HasButton("Save service"));
        Assert.Equal(2, (await ServicesInDatabaseAsync()).Count);
    }

    [Fact]
    public async Task Save_DurationTooShort_ShowsLimitInlineAndAddsNothing()
    {
        var cut = RenderPage();
        await OpenEditorAsync(cut, "New service");
        await FillAsync(cut, duration: "3");

        await cut.Button("Save service").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("A service lasts 5 to 720 minutes.", cut.Markup), Patience);
        Assert.Equal("true", cut.Input("Duration (minutes)").GetAttribute("aria-invalid"));
        Assert.Equal(2, (await ServicesInDatabaseAsync()).Count);
    }

    [Fact]
    public async Task Save_NegativePrice_ShowsMessageInlineAndKeepsTheServiceAsItWas()
    {
        var cut = RenderPage();
        await OpenEditorAsync(cut, $"Edit {Seed.MassageName}");
        await cut.TypeAsync("Price (GBP)", "-5");

        await cut.Button("Save service").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("The price cannot be negative.", cut.Markup), Patience);
        Assert.Equal(Seed.MassagePrice, (await ServicesInDatabaseAsync()).Single(s => s.Id.Value == Seed.MassageId).Price.Amount);
    }

    [Fact]
    public async Task Save_ActiveSwitchedOff_MovesServiceToTheInactiveList()
    {
        var cut = RenderPage();
        await OpenEditorAsync(cut, $"Edit {Seed.MassageName}");
        await cut.Role("checkbox", "Active").ChangeAsync(new ChangeEventArgs { Value = false });

        await cut.Button("Save service").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.DoesNotContain(cut.Rows("Services"), r => r[0] == Seed.MassageName), Patience);
        await cut.ChooseAsync("Show", "Inactive");
        cut.WaitForAssertion(() => Assert.Equal([Seed.MassageName], cut.Rows("Services").Select(r => r[0])), Patience);
        Assert.False((await ServicesInDatabaseAsync()).Single(s => s.Id.Value == Seed.MassageId).Active);
    }

    [Fact]
    public async Task Delete_ServiceWithAppointments_ShowsTheRefusalAndKeepsIt()
    {
        await BookJaneAsync();
        var cut = RenderPage();
        await OpenEditorAsync(cut, $"Edit {Seed.MassageName}");

        await cut.Button($"Delete {Seed.MassageName}").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("cannot be deleted; deactivate it instead", cut.AlertText()), Patience);
        Assert.Contains(await ServicesInDatabaseAsync(), s => s.Id.Value == Seed.MassageId);
    }

    [Fact]
    public async Task Delete_NeverUsedService_RemovesIt()
    {
        var cut = RenderPage();
        await OpenEditorAsync(cut, "Edit Physio follow-up");

        await cut.Button("Delete Physio follow-up").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.DoesNotContain(cut.Rows("Services"), r => r[0] == "Physio follow-up"), Patience);
        Assert.DoesNotContain(await ServicesInDatabaseAsync(), s => s.Id.Value == Seed.PhysioId);
    }
}
