using Bunit;
using FrontDesk.Dashboard.Components.Packages;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Packages;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Components.Packages;

/// <summary>Settings › Packages: the redemption policy, the template grid and the template form, on a real clinic database.</summary>
public sealed class PackageSettingsPageTests : PackageTestContext
{
    private IRenderedComponent<IComponent> RenderPage()
    {
        var cut = Render(MudQueries.WithProviders<PackageSettingsPage>());
        cut.WaitForAssertion(() => Assert.DoesNotContain("Loading…", cut.StatusTexts()), Patience);
        return cut;
    }

    private static string TemplateName(IReadOnlyList<string> row) => row[0];

    [Fact]
    public async Task Render_TwoTemplates_GridListsBothWithTheirKindAndValue()
    {
        await CreateCourseAsync("Massage course", sessions: 5);
        await CreateCourseAsync("Another course", sessions: 3);

        var cut = RenderPage();

        var rows = cut.Rows("Package templates");
        Assert.Equal(["Another course", "Massage course"], rows.Select(TemplateName).Order());
        Assert.Contains(rows, r => r[0] == "Massage course" && r[1] == "Course" && r[2] == $"5 × {Seed.MassageName}");
    }

    [Fact]
    public async Task Filter_PartOfAName_KeepsOnlyMatchingTemplates()
    {
        await CreateCourseAsync("Massage course");
        await CreateCourseAsync("Laser legs");
        var cut = RenderPage();

        await cut.Input("Filter packages").InputAsync(new ChangeEventArgs { Value = "laser" });

        cut.WaitForAssertion(() => Assert.Equal(["Laser legs"], cut.Rows("Package templates").Select(TemplateName)), Patience);
    }

    [Fact]
    public async Task Disable_ActiveTemplate_IsSavedDisabledAndTheDeskIsTold()
    {
        var template = await CreateCourseAsync("Massage course");
        var cut = RenderPage();

        await cut.Button("Disable Massage course").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Massage course is disabled: no new sales; records already sold are not affected.", cut.StatusTexts()), Patience);
        Assert.Equal(TemplateStatus.Disabled, (await TemplatesInDatabaseAsync()).Single(t => t.Id.Value == template.Id).Status);
        Assert.True(cut.HasButton("Enable Massage course"));
    }

    [Fact]
    public async Task Save_NewCourseWithoutService_SaysChooseTheServiceAndCreatesNothing()
    {
        var cut = RenderPage();
        await cut.Button("New package").ClickAsync(new MouseEventArgs());
        await cut.TypeAsync("Package name", "Spring course");

        await cut.Button("Create package").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Choose the service of the course.", cut.Markup), Patience);
        Assert.Empty(await TemplatesInDatabaseAsync());
        Assert.Equal("Spring course", cut.Input("Package name").GetAttribute("value"));
    }

    [Fact]
    public async Task Save_NewCourseWithoutName_SaysGiveItANameAndCreatesNothing()
    {
        var cut = RenderPage();
        await cut.Button("New package").ClickAsync(new MouseEventArgs());
        await cut.ChooseAsync("Course service", Seed.MassageName);

        await cut.Button("Create package").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Give the package a name.", cut.Markup), Patience);
        Assert.Empty(await TemplatesInDatabaseAsync());
    }

    [Fact]
    public async Task Save_NewCourseFilledIn_CreatesItAndListsIt()
    {
        var cut = RenderPage();
        await cut.Button("New package").ClickAsync(new MouseEventArgs());
        await cut.TypeAsync("Package name", "Spring course");
        await cut.ChooseAsync("Course service", Seed.MassageName);
        await cut.TypeAsync("Number of sessions", "6");
        await cut.TypeAsync("Selling price", "300");

        await cut.Button("Create package").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Created Spring course.", cut.StatusTexts()), Patience);
        var saved = Assert.Single(await TemplatesInDatabaseAsync());
        Assert.Equal("Spring course", saved.Name);
        Assert.Equal(300m, saved.Price.Amount);
        Assert.Contains(cut.Rows("Package templates"), r => r[0] == "Spring course" && r[2] == $"6 × {Seed.MassageName}");
    }

    [Fact]
    public async Task Save_EditedName_KeepsKindAndRenamesTemplate()
    {
        var template = await CreateCourseAsync("Massage course");
        var cut = RenderPage();
        await cut.Button("Edit Massage course").ClickAsync(new MouseEventArgs());
        await cut.TypeAsync("Package name", "Deep massage course");

        await cut.Button("Save changes").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Saved Deep massage course.", cut.StatusTexts()), Patience);
        var saved = (await TemplatesInDatabaseAsync()).Single(t => t.Id.Value == template.Id);
        Assert.Equal("Deep massage course", saved.Name);
        Assert.Equal(PackageKind.Course, saved.Kind);
    }

    [Fact]
    public async Task SaveRedemption_AtBooking_IsStoredAndConfirmed()
    {
        var cut = RenderPage();

        await cut.Role("radio", "At booking").ClickAsync(new MouseEventArgs());
        await cut.Button("Save redemption settings").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains(cut.StatusTexts(), s => s.StartsWith("Saved: sessions count as used at booking", StringComparison.Ordinal)), Patience);
        var settings = await Services.GetRequiredService<SettingsService>().PackagesAsync();
        Assert.Equal(RedemptionPolicy.AtBooking, settings.RedemptionPolicy);
    }
}
