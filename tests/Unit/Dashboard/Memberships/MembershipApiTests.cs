using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FrontDesk.Tests.Unit.Dashboard.Api;

namespace FrontDesk.Tests.Unit.Dashboard.Memberships;

/// <summary>The /api/v1 product, inventory and membership endpoints, as the issue lists them.</summary>
public sealed class MembershipApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private async Task<Guid> MembershipTypeAsync(int stock)
    {
        var created = await app.Http.PostAsJsonAsync("/api/v1/products", new
        {
            name = "Massage season " + Guid.NewGuid().ToString("N")[..6],
            price = 150m,
            isMembership = true,
            membership = new { validityDays = 90, serviceIds = new[] { app.Clinic.Massage.Id.Value }, visits = 10 },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        if (stock > 0)
        {
            var arrival = await app.Http.PostAsJsonAsync("/api/v1/inventory/arrivals", new { lines = new[] { new { productId = id, quantity = stock } }, note = "Printer" });
            Assert.Equal(HttpStatusCode.Created, arrival.StatusCode);
        }
        return id;
    }

    private Task<HttpResponseMessage> SellAsync(Guid product, object line, decimal paid = 150m) =>
        app.Http.PostAsJsonAsync("/api/v1/inventory/sales", new { lines = new[] { line }, payments = new[] { new { method = "Card", amount = paid } } });

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task GetProduct_AfterArrival_ShowsStock()
    {
        var id = await MembershipTypeAsync(stock: 4);

        var product = await app.Http.GetFromJsonAsync<JsonElement>($"/api/v1/products/{id}");

        Assert.Equal(4, product.GetProperty("stock").GetInt32());
        Assert.True(product.GetProperty("isMembership").GetBoolean());
    }

    [Fact]
    public async Task PostSale_GenerateCode_201WithEachLinesCode()
    {
        var id = await MembershipTypeAsync(stock: 2);

        var response = await SellAsync(id, new { productId = id, quantity = 1, generateCode = true });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lines")[0].GetProperty("code").GetString();
        Assert.Equal(8, code!.Length);
        var membership = await app.Http.GetFromJsonAsync<JsonElement>($"/api/v1/memberships/{code.ToLowerInvariant()}");
        Assert.Equal(code, membership.GetProperty("code").GetString());
    }

    [Fact]
    public async Task PostSale_DuplicateCode_409ProblemDetails()
    {
        var id = await MembershipTypeAsync(stock: 2);
        var code = "DUP-" + Guid.NewGuid().ToString("N")[..6];
        await SellAsync(id, new { productId = id, quantity = 1, code });

        var response = await SellAsync(id, new { productId = id, quantity = 1, code = " " + code.ToLowerInvariant() });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already used", (await ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PostSale_MembershipQuantityTwo_422()
    {
        var id = await MembershipTypeAsync(stock: 5);

        var response = await SellAsync(id, new { productId = id, quantity = 2, code = "Q2-" + Guid.NewGuid().ToString("N")[..6] }, paid: 300m);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        await ProblemAsync(response);
    }

    [Fact]
    public async Task PostSale_NoStock_422()
    {
        var id = await MembershipTypeAsync(stock: 0);

        var response = await SellAsync(id, new { productId = id, quantity = 1, generateCode = true });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("out of stock", (await ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PostSale_PaymentsShort_422AndStockKept()
    {
        var id = await MembershipTypeAsync(stock: 1);

        var response = await SellAsync(id, new { productId = id, quantity = 1, generateCode = true }, paid: 100m);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(1, (await app.Http.GetFromJsonAsync<JsonElement>($"/api/v1/products/{id}")).GetProperty("stock").GetInt32());
    }

    [Fact]
    public async Task PostSale_NoLines_400()
    {
        var response = await app.Http.PostAsJsonAsync("/api/v1/inventory/sales", new { payments = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ProblemAsync(response);
    }

    [Fact]
    public async Task GetMembership_UnknownCode_404()
    {
        var response = await app.Http.GetAsync("/api/v1/memberships/NOPE-404");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await ProblemAsync(response);
    }

    [Fact]
    public async Task PostUseAndAssign_BearerMembership_VisitKeptAndHolderSet()
    {
        var id = await MembershipTypeAsync(stock: 1);
        var code = "USE-" + Guid.NewGuid().ToString("N")[..6];
        await SellAsync(id, new { productId = id, quantity = 1, code });
        var booked = await app.Http.PostAsJsonAsync("/api/v1/appointments", new
        {
            clientId = app.Clinic.Olivia.Id.Value, serviceId = app.Clinic.Massage.Id.Value, providerId = app.Clinic.AllDay.Id.Value,
            start = app.NextFutureSlot().ToString("yyyy-MM-ddTHH:mm:sszzz"),
        });
        var appointment = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var used = await app.Http.PostAsJsonAsync($"/api/v1/memberships/{code}/use", new { appointmentId = appointment });
        var assigned = await app.Http.PostAsJsonAsync($"/api/v1/memberships/{code}/assign", new { clientId = app.Clinic.Olivia.Id.Value });

        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        var view = await assigned.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, view.GetProperty("visitsUsed").GetInt32());
        Assert.Equal(app.Clinic.Olivia.Id.Value, view.GetProperty("holderClientId").GetGuid());
    }

    [Fact]
    public async Task GetReport_DaysPeriod_ListsSoldCodes()
    {
        var id = await MembershipTypeAsync(stock: 1);
        var code = "REP-" + Guid.NewGuid().ToString("N")[..6];
        await SellAsync(id, new { productId = id, quantity = 1, code });

        var report = await app.Http.GetFromJsonAsync<JsonElement>("/api/v1/reports/memberships?from=2030-01-07&to=2030-01-07");
        var csv = await app.Http.GetStringAsync("/api/v1/reports/memberships.csv?from=2030-01-07&to=2030-01-07");

        Assert.Contains(report.GetProperty("sales").EnumerateArray(), s => s.GetProperty("code").GetString() == code);
        Assert.Contains(code, csv);
    }

    [Fact]
    public async Task GetReport_BadDate_400()
    {
        var response = await app.Http.GetAsync("/api/v1/reports/memberships?from=yesterday&to=2030-01-07");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ProblemAsync(response);
    }
}
