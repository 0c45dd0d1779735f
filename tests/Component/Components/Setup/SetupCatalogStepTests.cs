using Bunit;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Components.Setup;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Components.Setup;

/// <summary>The setup's "Services and providers" step: the settings editors inline, a new provider working the opening hours.</summary>
public sealed class SetupCatalogStepTests : NewInstallationTestContext
{
    [Fact]
    public async Task AddProvider_NewInstallation_ListsThemWorkingTheOpeningHours()
    {
        var cut = RenderWithProviders<SetupCatalogStep>();
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Add a provider")), Patience);

        _ = cut.Button("Add a provider").ClickAsync(new MouseEventArgs()); // waits for the dialog's answer
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Save provider")), Patience);
        await cut.TypeAsync("Name", "Bea Lane");
        await cut.Button("Save provider").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Bea Lane added, working the opening hours.", cut.Markup, StringComparison.Ordinal), Patience);
        var bea = Assert.Single(await Services.GetRequiredService<CatalogQueries>().ProvidersAsync());
        var open = Business.Current.Hours.Where(h => h.Open).ToList();
        var schedule = await Services.GetRequiredService<CatalogQueries>().ScheduleAsync(bea.Id);
        Assert.Equal(open.Select(h => (h.Weekday, h.Opens, h.Closes)), schedule.Weekly.Select(w => (w.Weekday, w.Start, w.End)).OrderBy(w => open.FindIndex(h => h.Weekday == w.Weekday)));
    }

    [Fact]
    public async Task AddService_NameDurationPrice_ListsIt()
    {
        var cut = RenderWithProviders<SetupCatalogStep>();
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Add a service")), Patience);

        _ = cut.Button("Add a service").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Save service")), Patience);
        await cut.TypeAsync("Name", "Sports massage");
        await cut.TypeAsync("Activity", "Massage");
        await cut.TypeAsync("Duration (minutes)", "45");
        await cut.TypeAsync($"Price ({TestClinic.Currency})", "50");
        await cut.Button("Save service").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Sports massage added.", cut.Markup, StringComparison.Ordinal), Patience);
        var service = Assert.Single(await Services.GetRequiredService<CatalogQueries>().ServicesAsync());
        Assert.Equal(("Sports massage", 45, 50m), (service.Name, service.DurationMinutes, service.Price));
    }
}
