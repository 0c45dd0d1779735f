using Bunit;
using Bunit.TestDoubles;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Components.Clients;
using FrontDesk.Domain.Clients;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Components.Clients;

/// <summary>Adding and editing clients on screen, the duplicate prompt, Show inactive, and the CSV import page.</summary>
public sealed class ClientDialogTests : ClinicTestContext
{
    private ClientService Clients => Services.GetRequiredService<ClientService>();

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private async Task<int> CountAsync() => (await Clients.PageAsync(null, 0, 100, includeInactive: true)).Total;

    private async Task<IRenderedComponent<IComponent>> OpenAddDialogAsync()
    {
        var cut = Render(MudQueries.WithProviders<ClientsPage>());
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.Rows("Clients")), Patience);
        cut.Button("Add client").Click(); // not awaited: the handler waits for the dialog to close
        cut.WaitForAssertion(() => Assert.NotNull(cut.Input("Name")), Patience);
        return cut;
    }

    [Fact]
    public async Task AddClient_PhoneAnotherClientHas_ShowsThatClientAndAsksBeforeCreating()
    {
        var cut = await OpenAddDialogAsync();
        await cut.TypeAsync("Name", "Jane C");
        await cut.TypeAsync("Phone", "07700900123");

        await cut.Button("Save client").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Jane Cooper, 07700 900123, already has this phone.", cut.Role("alert", "Possible duplicate").TextContent), Patience);
        Assert.True(cut.HasButton("Use Jane Cooper"));
        Assert.True(cut.HasButton("Create another anyway"));
        Assert.Equal(3, await CountAsync());
    }

    [Fact]
    public async Task AddClient_CreateAnotherAnyway_CreatesAndOpensTheNewProfile()
    {
        var cut = await OpenAddDialogAsync();
        await cut.TypeAsync("Name", "Jane C");
        await cut.TypeAsync("Phone", "07700900123");
        await cut.Button("Save client").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Create another anyway")), Patience);

        await cut.Button("Create another anyway").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("/clients/", Navigation.Uri, StringComparison.Ordinal), Patience);
        var created = Assert.Single(await Clients.SearchAsync("jane c"), c => c.Name == "Jane C");
        Assert.EndsWith($"clients/{created.Id}", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddClient_UseExisting_OpensThatClientAndCreatesNothing()
    {
        var cut = await OpenAddDialogAsync();
        await cut.TypeAsync("Name", "Jane C");
        await cut.TypeAsync("Email", "JANE@example.com");
        await cut.Button("Save client").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Use Jane Cooper")), Patience);

        await cut.Button("Use Jane Cooper").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.EndsWith($"clients/{Seed.JaneId}", Navigation.Uri, StringComparison.Ordinal), Patience);
        Assert.Equal(3, await CountAsync());
    }

    [Fact]
    public async Task AddClient_BadEmail_InlineErrorAndNothingSaved()
    {
        var cut = await OpenAddDialogAsync();
        await cut.TypeAsync("Name", "Zoe Park");
        await cut.TypeAsync("Email", "zoe@");

        await cut.Button("Save client").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("'zoe@' is not an email address.", cut.Markup), Patience);
        Assert.Equal(3, await CountAsync());
    }

    [Fact]
    public async Task AddClient_NoName_RequiredErrorAndNothingSaved()
    {
        var cut = await OpenAddDialogAsync();

        await cut.Button("Save client").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Client name is required.", cut.Markup), Patience);
        Assert.Equal(3, await CountAsync());
    }

    [Fact]
    public async Task ShowInactive_Switched_ListsDeactivatedClient()
    {
        await Clients.UpdateAsync(new UpdateClient(Seed.JohnId, new ClientDetails("John Smith", "07700 900456"), false, TestCallers.Manager(OtherDesk)));
        var cut = Render(MudQueries.WithProviders<ClientsPage>());
        cut.WaitForAssertion(() => Assert.Equal(2, cut.Rows("Clients").Count), Patience);

        await cut.Input("Show inactive").ChangeAsync(new ChangeEventArgs { Value = true });

        cut.WaitForAssertion(() => Assert.Contains(cut.Rows("Clients"), r => r[0].StartsWith("John Smith", StringComparison.Ordinal)), Patience);
    }

    [Fact]
    public async Task EditProfile_NewPhone_SavedAndShown()
    {
        var cut = Render(MudQueries.WithProviders<ClientProfilePage>(("Id", Seed.JohnId)));
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Edit John Smith")), Patience);
        cut.Button("Edit John Smith").Click(); // not awaited: the handler waits for the dialog to close
        cut.WaitForAssertion(() => Assert.NotNull(cut.Input("Phone")), Patience);

        await cut.TypeAsync("Phone", "07123 000999");
        await cut.Button("Save").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("John Smith's details are saved.", cut.StatusTexts()), Patience);
        Assert.Contains("07123 000999", cut.Role("region", "Contact details").TextContent);
        Assert.Equal("07123 000999", (await Clients.FindAsync(Seed.JohnId))!.Phone);
    }

    [Fact]
    public async Task ImportPage_FileWithBadRows_ListsThemBeforeWritingThenImportsTheRest()
    {
        var cut = Render(MudQueries.WithProviders<ClientImportPage>());
        var csv = "First name,Last name,Mobile,E-mail\nElla,Wood,07000 000001,ella@example.com\n,,07000 000002,\nJo,Bad,07700 900 123,\n";

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "clients.csv"));

        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Import 1 client (skip 2 rows)")), Patience);
        var errors = cut.Role("list", "Rows with errors").TextContent;
        Assert.Contains("Row 3: The name is missing.", errors);
        Assert.Contains("Row 4: Phone 07700 900 123 is already Jane Cooper's.", errors);
        Assert.Contains("Ella Wood", cut.Role("region", "Preview").TextContent);
        Assert.Equal(3, await CountAsync());

        await cut.Button("Import 1 client (skip 2 rows)").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains(cut.StatusTexts(), s => s.StartsWith("Imported 1 client, skipped 2 rows.", StringComparison.Ordinal)), Patience);
        Assert.Equal(4, await CountAsync());
    }
}
