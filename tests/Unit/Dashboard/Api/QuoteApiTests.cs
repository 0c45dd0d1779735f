using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FrontDesk.Tests.Unit.Dashboard.Api;

/// <summary>Quote templates, numbering, quotes, quote sales, single-service sales and credits through the HTTP API.</summary>
public sealed class QuoteApiTests(PackageApiApp app) : IClassFixture<PackageApiApp>
{
    private readonly HttpClient _http = app.CreateClient();

    private async Task<Guid> NewClientAsync(string name)
    {
        var client = await _http.PostJsonAsync("/api/v1/clients", new { name }).OkAsync();
        return client["id"]!.GetValue<Guid>();
    }

    private async Task<Guid> NewTemplateAsync(int sessions = 5) =>
        (await _http.PostJsonAsync("/api/v1/quote-templates", new { name = "Physio plan", items = new[] { new { serviceId = app.Massage, quantity = sessions, price = 100m } }, validityDays = 60 }).OkAsync())["id"]!.GetValue<Guid>();

    private async Task<JsonNode> NewQuoteAsync(Guid client, object? number = null, bool autoNumber = false) =>
        await _http.PostJsonAsync($"/api/v1/clients/{client}/quotes", new { templateId = await NewTemplateAsync(), description = "Back pain", number, autoNumber, start = "2026-11-23", expiry = "2027-01-31" }).OkAsync();

    [Fact]
    public async Task PostQuote_Valid_201DraftWithNumber()
    {
        var client = await NewClientAsync("Quinn Draft");
        var response = await _http.PostAsJsonAsync($"/api/v1/clients/{client}/quotes", new { templateId = await NewTemplateAsync(), description = "Back pain", autoNumber = true, start = "2026-11-23", expiry = "2027-01-31" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var quote = await response.BodyAsync();
        Assert.Equal("Draft", quote["status"]!.GetValue<string>());
        Assert.StartsWith("Q", quote["number"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuoteLifecycle_FiveSessionsSoldTwoThenThree_GetShowsPrescribedSoldRemaining()
    {
        var client = await NewClientAsync("Petra Plan");
        var quote = await NewQuoteAsync(client);
        var id = quote["id"]!.GetValue<Guid>();
        await _http.PostJsonAsync($"/api/v1/quotes/{id}/confirm", new { }).OkAsync();

        await _http.PostJsonAsync($"/api/v1/quotes/{id}/sales", new { items = new[] { new { itemId = 1, quantity = 2 } }, payments = new[] { new { method = "Card", amount = 200m } } }).OkAsync();
        await _http.PostJsonAsync($"/api/v1/quotes/{id}/sales", new { items = new[] { new { itemId = 1, quantity = 3 } }, payments = new[] { new { method = "Cash", amount = 300m } } }).OkAsync();

        var item = (await _http.GetAsync($"/api/v1/quotes/{id}").OkAsync())["items"]![0]!;
        Assert.Equal((5, 5, 0), (item["prescribed"]!.GetValue<int>(), item["sold"]!.GetValue<int>(), item["remaining"]!.GetValue<int>()));
        var credits = (await _http.GetAsync($"/api/v1/clients/{client}/credits").OkAsync()).AsArray();
        Assert.Equal(5, credits.Count);
    }

    [Fact]
    public async Task PostQuoteSale_MoreThanRemains_422AndNothingSold()
    {
        var client = await NewClientAsync("Mo Remains");
        var id = (await NewQuoteAsync(client))["id"]!.GetValue<Guid>();
        await _http.PostJsonAsync($"/api/v1/quotes/{id}/confirm", new { }).OkAsync();

        var problem = await _http.PostJsonAsync($"/api/v1/quotes/{id}/sales", new { items = new[] { new { itemId = 1, quantity = 6 } }, payments = new[] { new { method = "Card", amount = 600m } } }).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("Only 5 of Swedish massage remain", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await _http.GetAsync($"/api/v1/clients/{client}/credits").OkAsync()).AsArray());
    }

    [Fact]
    public async Task PostQuote_NoDescription_400()
    {
        var client = await NewClientAsync("Nadia Nodesc");

        var problem = await _http.PostJsonAsync($"/api/v1/clients/{client}/quotes", new { templateId = await NewTemplateAsync(), start = "2026-11-23", expiry = "2027-01-31" }).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Description is required", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await _http.GetAsync($"/api/v1/clients/{client}/quotes").OkAsync()).AsArray());
    }

    [Fact]
    public async Task PostQuote_ExpiryBeforeStart_400()
    {
        var client = await NewClientAsync("Eve Early");

        var problem = await _http.PostJsonAsync($"/api/v1/clients/{client}/quotes", new { templateId = await NewTemplateAsync(), description = "Plan", start = "2026-12-10", expiry = "2026-12-01" }).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("cannot be before the start date", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostQuote_DuplicateNumber_409()
    {
        var client = await NewClientAsync("Dee Duplicate");
        await NewQuoteAsync(client, number: "DUP-1");

        var problem = await _http.PostJsonAsync($"/api/v1/clients/{client}/quotes", new { templateId = await NewTemplateAsync(), description = "Second", number = "DUP-1", start = "2026-11-23", expiry = "2027-01-31" }).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("DUP-1 is already used", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutItems_Confirmed_409()
    {
        var client = await NewClientAsync("Ivy Items");
        var id = (await NewQuoteAsync(client))["id"]!.GetValue<Guid>();
        await _http.PostJsonAsync($"/api/v1/quotes/{id}/confirm", new { }).OkAsync();

        await _http.PutAsJsonAsync($"/api/v1/quotes/{id}/items", new { items = new[] { new { serviceId = app.Laser, quantity = 2 } } }).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task PutItems_Draft_ReplacesItems()
    {
        var client = await NewClientAsync("Ian Items");
        var id = (await NewQuoteAsync(client))["id"]!.GetValue<Guid>();

        var quote = await _http.PutAsJsonAsync($"/api/v1/quotes/{id}/items", new { items = new[] { new { serviceId = app.Laser, quantity = 2, price = 70m } } }).OkAsync();

        var item = Assert.Single(quote["items"]!.AsArray())!;
        Assert.Equal(("Laser hair removal", 2), (item["serviceName"]!.GetValue<string>(), item["prescribed"]!.GetValue<int>()));
    }

    [Fact]
    public async Task PostServiceSale_TwoServices_201CreditsListed()
    {
        var client = await NewClientAsync("Sam Single");

        var sale = await _http.PostJsonAsync($"/api/v1/clients/{client}/service-sales", new { serviceIds = new[] { app.Laser, app.Massage }, payments = new[] { new { method = "Card", amount = 200m } } }).OkAsync();

        Assert.Equal(200m, sale["total"]!.GetValue<decimal>());
        Assert.Equal(2, (await _http.GetAsync($"/api/v1/clients/{client}/credits").OkAsync()).AsArray().Count);
    }

    [Fact]
    public async Task PostNumberingSequence_KindAlreadySeeded_SetsThatOneNoSecond()
    {
        var receipt = await _http.PostJsonAsync("/api/v1/numbering-sequences", new { kind = "Receipt", prefix = "RC", nextNumber = 40, yearlyReset = false }).OkAsync();

        Assert.Equal("RC0040", receipt["nextPreview"]!.GetValue<string>());
        Assert.Single((await _http.GetAsync("/api/v1/numbering-sequences").OkAsync()).AsArray(), s => s!["kind"]!.GetValue<string>() == "Receipt");
    }

    [Fact]
    public async Task PostNumberingSequence_NextNumberZero_422AndUnchanged()
    {
        var before = (await _http.GetAsync("/api/v1/numbering-sequences").OkAsync()).ToJsonString();

        await _http.PostJsonAsync("/api/v1/numbering-sequences", new { kind = "Invoice", prefix = "F", nextNumber = 0 }).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(before, (await _http.GetAsync("/api/v1/numbering-sequences").OkAsync()).ToJsonString());
    }

    [Fact]
    public async Task PostQuoteTemplate_NoName_400()
    {
        await _http.PostJsonAsync("/api/v1/quote-templates", new { items = Array.Empty<object>(), validityDays = 30 }).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
