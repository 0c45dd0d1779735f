using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Live;
using FrontDesk.Domain.Common;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Dashboard.Clients;

public sealed class ClientServiceTests : IAsyncLifetime
{
    private readonly Clinic _clinic = new();
    private SqliteDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await SqliteDatabase.CreateAsync();
        await _clinic.SeedAsync(_db); // Olivia Smith 07700 900123, Noah Patel 07911 222333, Amelia Smith-Jones +44 20 7946 0958
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<string[]> Names(string? query, int limit = 20) =>
        (await _db.Clients.SearchAsync(query, limit)).Select(c => c.Name).ToArray();

    [Fact]
    public async Task SearchAsync_OneWordAnyCase_FindsEveryNameContainingIt()
    {
        Assert.Equal(["Amelia Smith-Jones", "Olivia Smith"], await Names("SMITH"));
    }

    [Fact]
    public async Task SearchAsync_WordsInAnyOrder_FindsOnlyNamesWithAllWords()
    {
        Assert.Equal(["Olivia Smith"], await Names("smith  oliv"));
    }

    [Fact]
    public async Task SearchAsync_PartOfAWord_Finds()
    {
        Assert.Equal(["Noah Patel"], await Names("ate"));
    }

    [Fact]
    public async Task SearchAsync_PhoneDigitsWithSpaces_FindsByPhone()
    {
        Assert.Equal(["Olivia Smith"], await Names("900 123"));
    }

    [Fact]
    public async Task SearchAsync_PhoneDigitsFromInternationalNumber_FindsByPhone()
    {
        Assert.Equal(["Amelia Smith-Jones"], await Names("7946-0958"));
    }

    [Fact]
    public async Task SearchAsync_NoMatch_Empty()
    {
        Assert.Empty(await Names("zebedee"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task SearchAsync_EmptyQuery_ListsClientsByName(string? query)
    {
        Assert.Equal(["Amelia Smith-Jones", "Noah Patel", "Olivia Smith"], await Names(query));
    }

    [Fact]
    public async Task SearchAsync_Limit_ReturnsAtMostThatMany()
    {
        Assert.Equal(["Amelia Smith-Jones", "Noah Patel"], await Names(null, 2));
    }

    [Fact]
    public async Task SearchAsync_OversizedQuery_RefusedAsInvalid()
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() => _db.Clients.SearchAsync(new string('a', ClientService.MaxQueryLength + 1)));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
        Assert.Equal("query", ex.Field);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("' OR 1=1 --")]
    public async Task SearchAsync_SqlWildcardsOrQuotes_MatchLiterally(string query)
    {
        Assert.Empty(await Names(query));
    }

    [Fact]
    public async Task RegisterAsync_ValidDetails_StoredFindableAndAnnounced()
    {
        var registered = await _db.Clients.RegisterAsync(new RegisterClient("Grace Hall", "07123 456789", "grace@example.com", "Prefers mornings", Callers.Desk));

        var found = await _db.Clients.FindAsync(registered.Id);
        Assert.Equal("Grace Hall", found!.Name);
        Assert.Equal(["Grace Hall"], await Names("grace"));
        Assert.IsType<ClientRegisteredLive>(Assert.Single(_db.Feed.Published));
    }

    [Fact]
    public async Task RegisterAsync_BadEmail_RefusedAndNoRowAdded()
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() => _db.Clients.RegisterAsync(new RegisterClient("Grace Hall", null, "grace@", null, Callers.Desk)));

        Assert.Equal("email", ex.Field);
        Assert.Equal(3, await _db.CountClientsAsync());
        Assert.Empty(_db.Feed.Published);
    }
}
