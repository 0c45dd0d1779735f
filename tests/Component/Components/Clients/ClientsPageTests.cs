using Bunit;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Components.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Components.Clients;

/// <summary>The client list: one page at a time from the database, searched and sorted there.</summary>
public sealed class ClientsPageTests : ClinicTestContext
{
    private async Task RegisterAsync(int count)
    {
        var clients = Services.GetRequiredService<ClientService>();
        for (var i = 0; i < count; i++)
        {
            await clients.RegisterAsync(new RegisterClient($"Test Client {i:000}", $"07900 {i:000}111", null, null, TestCallers.Manager(Actor.System)));
        }
    }

    private IRenderedComponent<IComponent> RenderList()
    {
        var cut = Render(MudQueries.WithProviders<ClientsPage>());
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.Rows("Clients")), Patience);
        return cut;
    }

    private static IEnumerable<string> Names(IRenderedComponent<IComponent> cut) => cut.Rows("Clients").Select(r => r[0]);

    [Fact]
    public async Task Render_MoreClientsThanAPage_ShowsTheFirstPageAndTheTotal()
    {
        await RegisterAsync(30); // and the three seeded ones

        var cut = RenderList();

        Assert.Equal(25, cut.Rows("Clients").Count);
        Assert.Contains("1–25 of 33", cut.Markup);
        Assert.Equal("Jane Cooper", Names(cut).First());
    }

    [Fact]
    public async Task NextPage_MoreClientsThanAPage_ShowsTheRest()
    {
        await RegisterAsync(30);
        var cut = RenderList();

        await cut.Role("button", "Next page").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal(8, cut.Rows("Clients").Count), Patience);
        Assert.Contains("26–33 of 33", cut.Markup);
    }

    [Fact]
    public void Render_ColumnHeaders_TakeOneTabStopPerActionWithNoOptionsMenu()
    {
        var cut = RenderList();

        var headers = cut.Role("table", "Clients").QuerySelectorAll("thead th");
        var stops = headers.ToDictionary(h => h.TextContent.Trim(), h => h.QuerySelectorAll("button, a[href], [tabindex='0']").Select(b => b.GetAttribute("aria-label")).ToList());
        // Sorted and filtered columns: sort and filter; "Client since" is only sorted.
        Assert.Equal(2, stops["Name"].Count);
        Assert.Equal(2, stops["Phone"].Count);
        Assert.Single(stops["Client since"]);
        Assert.DoesNotContain(stops.Values.SelectMany(s => s), label => label is not null && label.Contains("column options", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Search_PartOfAPhoneNumber_ShowsOnlyThatClient()
    {
        var cut = RenderList();

        cut.Input("Search clients").Input("900456");

        cut.WaitForAssertion(() => Assert.Equal(["John Smith"], Names(cut)), Patience);
    }

    [Fact]
    public void Search_Surname_FindsByAnyWordOfTheName()
    {
        var cut = RenderList();

        cut.Input("Search clients").Input("garcia");

        cut.WaitForAssertion(() => Assert.Equal(["Maria Garcia"], Names(cut)), Patience);
    }

    [Fact]
    public void Search_Nobody_SaysNoClientMatches()
    {
        var cut = RenderList();

        cut.Input("Search clients").Input("zebedee");

        cut.WaitForAssertion(() => Assert.Contains("No client matches “zebedee”.", cut.StatusTexts()), Patience);
    }

    [Fact]
    public void Render_Client_LinksToTheProfile()
    {
        var cut = RenderList();

        Assert.Equal($"clients/{Seed.JaneId}", cut.Role("link", "Open Jane Cooper's profile").GetAttribute("href"));
    }
}
