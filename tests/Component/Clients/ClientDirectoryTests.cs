using FrontDesk.Dashboard.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Clients;

/// <summary>The client list's query: paging, sorting, column filters and search run in the database.</summary>
public sealed class ClientDirectoryTests : ClinicTestContext
{
    private ClientDirectory Directory => Services.GetRequiredService<ClientDirectory>();

    private static IEnumerable<string> Names(ClientListPage page) => page.Items.Select(c => c.Name);

    [Fact]
    public async Task Page_SortedByNameDescending_StartsFromTheEnd()
    {
        var page = await Directory.PageAsync(new ClientListQuery(0, 2, SortBy: ClientColumn.Name, Descending: true));

        Assert.Equal(["Maria Garcia", "John Smith"], Names(page));
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public async Task Page_SecondPage_SkipsTheFirst()
    {
        var page = await Directory.PageAsync(new ClientListQuery(2, 2));

        Assert.Equal(["Maria Garcia"], Names(page));
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public async Task Page_EmailIsEmptyFilter_KeepsClientsWithoutEmail()
    {
        var page = await Directory.PageAsync(new ClientListQuery(0, 10, Filters: [new ClientFilter(ClientColumn.Email, TextMatch.IsEmpty, null)]));

        Assert.Equal(["John Smith", "Maria Garcia"], Names(page));
    }

    [Fact]
    public async Task Page_PhoneFilterTypedWithSpaces_ComparesDigits()
    {
        var page = await Directory.PageAsync(new ClientListQuery(0, 10, Filters: [new ClientFilter(ClientColumn.Phone, TextMatch.EndsWith, "900 789")]));

        Assert.Equal(["Maria Garcia"], Names(page));
    }

    [Fact]
    public async Task Page_NameStartsWithFilter_IgnoresCase()
    {
        var page = await Directory.PageAsync(new ClientListQuery(0, 10, Filters: [new ClientFilter(ClientColumn.Name, TextMatch.StartsWith, "JO")]));

        Assert.Equal(["John Smith"], Names(page));
    }

    [Fact]
    public async Task Page_SearchPartOfAnEmail_FindsThatClient()
    {
        var page = await Directory.PageAsync(new ClientListQuery(0, 10, Search: "jane@"));

        Assert.Equal(["Jane Cooper"], Names(page));
    }

    [Fact]
    public async Task Page_SearchTooLong_IsRefusedWithAReason()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Directory.PageAsync(new ClientListQuery(0, 10, Search: new string('a', ClientService.MaxQueryLength + 1))));

        Assert.Equal($"Search for at most {ClientService.MaxQueryLength} characters.", error.Message);
    }

    [Fact]
    public async Task Page_TooManyAskedFor_GetsAtMostOneHundred()
    {
        var clients = Services.GetRequiredService<ClientService>();
        for (var i = 0; i < 101; i++)
        {
            await clients.RegisterAsync(new RegisterClient($"Client {i:000}", null, null, null, TestCallers.Manager(Actor.System)));
        }

        var page = await Directory.PageAsync(new ClientListQuery(0, 500));

        Assert.Equal(ClientDirectory.MaxPageSize, page.Items.Count);
        Assert.Equal(104, page.Total);
    }
}
