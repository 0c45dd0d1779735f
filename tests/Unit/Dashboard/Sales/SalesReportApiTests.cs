using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FrontDesk.Tests.Unit.Dashboard.Api;

namespace FrontDesk.Tests.Unit.Dashboard.Sales;

/// <summary>GET /api/v1/reports/sales?from=&amp;to=&amp;groupBy= and its CSV twin.</summary>
public sealed class SalesReportApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private async Task SellMassageAsync()
    {
        using var sale = await app.Http.PostAsJsonAsync($"/api/v1/clients/{app.Clinic.Noah.Id.Value}/service-sales",
            new { serviceIds = new[] { app.Clinic.Massage.Id.Value }, payments = new[] { new { method = "Card", amount = 60m } } });
        Assert.True(sale.IsSuccessStatusCode, await sale.Content.ReadAsStringAsync());
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(field, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("to=2030-01-07&groupBy=service", "from is required")]
    [InlineData("from=7%2F1%2F2030&to=2030-01-07", "is not a day written yyyy-MM-dd")]
    [InlineData("from=2030-01-07&to=2030-01-06", "must end on or after")]
    [InlineData("from=2029-01-01&to=2030-01-07", "at most 366 days")]
    [InlineData("from=2030-01-07&to=2030-01-07&groupBy=weekday", "groupBy 'weekday'")]
    public async Task GetReport_BadQuery_400ProblemSayingWhy(string query, string message)
    {
        using var response = await app.Http.GetAsync($"/api/v1/reports/sales?{query}");

        await AssertProblemAsync(response, message);
    }

    [Fact]
    public async Task GetReportCsv_UnknownGroupBy_400Problem()
    {
        using var response = await app.Http.GetAsync("/api/v1/reports/sales.csv?from=2030-01-07&to=2030-01-07&groupBy=colour");

        await AssertProblemAsync(response, "groupBy 'colour'");
    }

    [Fact]
    public async Task GetReport_ByService_RowOfTheServiceSold()
    {
        await SellMassageAsync();

        var report = await app.Http.GetFromJsonAsync<JsonElement>("/api/v1/reports/sales?from=2030-01-07&to=2030-01-07&groupBy=service");

        Assert.Equal("Service", report.GetProperty("groupBy").GetString());
        Assert.Equal("2030-01-06", report.GetProperty("previousFrom").GetString());
        var row = Assert.Single(report.GetProperty("rows").EnumerateArray(), r => r.GetProperty("label").GetString() == "Swedish massage");
        Assert.True(row.GetProperty("amount").GetDecimal() >= 60m);
    }

    [Fact]
    public async Task GetReportCsv_ByMethod_OneLinePerMethod()
    {
        await SellMassageAsync();

        using var response = await app.Http.GetAsync("/api/v1/reports/sales.csv?from=2030-01-07&to=2030-01-07&groupBy=method");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("method,sales,amount,previous_amount,change_percent,tips,currency,from,to", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Card,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetSalesBehind_MethodRow_ListsTheSale()
    {
        await SellMassageAsync();

        var sales = await app.Http.GetFromJsonAsync<JsonElement>("/api/v1/reports/sales/behind?from=2030-01-07&to=2030-01-07&groupBy=method&key=Card");

        Assert.Contains(sales.EnumerateArray(), s => s.GetProperty("clientName").GetString() == "Noah Patel");
    }

    [Fact]
    public async Task GetSalesBehind_NoKey_400Problem()
    {
        using var response = await app.Http.GetAsync("/api/v1/reports/sales/behind?from=2030-01-07&to=2030-01-07&groupBy=method");

        await AssertProblemAsync(response, "key is required");
    }

    [Fact]
    public async Task GetSalesBehindCsv_MethodRow_OneLinePerSaleAsTheScreenListsIt()
    {
        await SellMassageAsync();

        using var response = await app.Http.GetAsync("/api/v1/reports/sales/behind.csv?from=2030-01-07&to=2030-01-07&groupBy=method&key=Card");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("sales-behind-method-20300107-20300107.csv", response.Content.Headers.ContentDisposition?.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at,number,client,what,amount,sale_total,paid,currency", lines[0]);
        var massage = Assert.Single(lines, l => l.Contains(",Noah Patel,", StringComparison.Ordinal) && l.Contains("Swedish massage", StringComparison.Ordinal));
        var cells = massage.Split(',');
        Assert.StartsWith("2030-01-07 ", cells[0], StringComparison.Ordinal);
        Assert.Equal(["60.00", "60.00", "Card 60.00"], cells[4..7]);
    }

    [Fact]
    public async Task GetSalesBehindCsv_NoKey_400Problem()
    {
        using var response = await app.Http.GetAsync("/api/v1/reports/sales/behind.csv?from=2030-01-07&to=2030-01-07&groupBy=method");

        await AssertProblemAsync(response, "key is required");
    }
}
