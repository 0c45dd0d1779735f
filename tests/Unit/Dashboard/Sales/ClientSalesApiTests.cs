using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FrontDesk.Tests.Unit.Dashboard.Api;

namespace FrontDesk.Tests.Unit.Dashboard.Sales;

/// <summary>GET /api/v1/clients/{id}/sales: every sale and refund of a client, newest first, a page at a time.</summary>
public sealed class ClientSalesApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private async Task<Guid> NewClientWithSaleAsync()
    {
        using var created = await app.Http.PostAsJsonAsync("/api/v1/clients", new { name = "Paging Client", phone = $"07700 {Random.Shared.Next(100000, 999999)}" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var client = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var sale = await app.Http.PostAsJsonAsync("/api/v1/sales", new
        {
            clientId = client,
            lines = new[] { new { type = "Service", itemId = app.Clinic.Massage.Id.Value, quantity = 1 } },
            payments = new[] { new { method = "Card", amount = app.Clinic.Massage.Price.Amount } },
        });
        Assert.True(sale.IsSuccessStatusCode, await sale.Content.ReadAsStringAsync());
        return client;
    }

    [Fact]
    public async Task GetClientSales_NoOpen_PageOfSalesWithMore()
    {
        var client = await NewClientWithSaleAsync();

        var page = await app.Http.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{client}/sales?limit=1");

        Assert.Equal(1, page.GetProperty("sales").GetArrayLength());
        Assert.Equal("Sale", page.GetProperty("sales")[0].GetProperty("kind").GetString());
        Assert.False(page.GetProperty("more").GetBoolean());
    }

    [Fact]
    public async Task GetClientSales_LimitZero_4xxProblemNamingLimit()
    {
        var client = await NewClientWithSaleAsync();

        using var response = await app.Http.GetAsync($"/api/v1/clients/{client}/sales?limit=0");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("limit", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetClientSales_UnknownClient_404Problem()
    {
        using var response = await app.Http.GetAsync($"/api/v1/clients/{Guid.NewGuid()}/sales");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetClientSales_OpenWithLimit_400Problem()
    {
        var client = await NewClientWithSaleAsync();

        using var response = await app.Http.GetAsync($"/api/v1/clients/{client}/sales?open=true&limit=5");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("limit", await response.Content.ReadAsStringAsync());
    }
}
