using System.Net;
using System.Text;
using System.Text.Json;
using FrontDesk.Dashboard.Data;
using FrontDesk.Tests.Unit.Dashboard.Api;
using FrontDesk.Tests.Unit.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FrontDesk.Tests.Unit.Dashboard.Audit.AuditRows;

namespace FrontDesk.Tests.Unit.Dashboard.Audit;

/// <summary>GET /api/v1/audit and /api/v1/audit.csv: filters, paging, problems for bad filters, nothing that writes.</summary>
public sealed class AuditApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private readonly string _marker = "api-" + Guid.NewGuid().ToString("N")[..8];

    private async Task AddAsync(params AuditEntry[] rows)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        db.AuditTrail.AddRange(rows);
        await db.SaveChangesAsync();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task GetAudit_ByActorIdWithPaging_ReturnsThatPageNewestFirstWithTheTotal()
    {
        await AddAsync(Row(A.At(7, 9), actorId: _marker, command: "Old"), Row(A.At(7, 10), actorId: _marker, command: "Middle"), Row(A.At(7, 11), actorId: _marker, command: "New"));

        var response = await app.Http.GetAsync($"/api/v1/audit?actor={_marker}&page=2&pageSize=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(3, body.GetProperty("total").GetInt32());
        Assert.Equal(2, body.GetProperty("page").GetInt32());
        var item = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal("Old", item.GetProperty("command").GetString());
        Assert.Equal("Staff", item.GetProperty("actorKind").GetString());
        Assert.Equal("Booked", item.GetProperty("before").GetProperty("Status").GetString());
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2030-01-08&to=2030-01-07", "to")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=100000", "pageSize")]
    public async Task GetAudit_BadFilter_400ProblemNamingIt(string query, string field)
    {
        var response = await app.Http.GetAsync($"/api/v1/audit?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(field, (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAuditCsv_Filtered_OnlyThoseRowsUnderAHeader()
    {
        await AddAsync(Row(A.At(7, 9), actorId: _marker, actorName: "@admin"), Row(A.At(7, 10), actorName: "Someone else"));

        var response = await app.Http.GetAsync($"/api/v1/audit.csv?actor={_marker}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains($",{_marker},'@admin,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAuditCsv_BadDay_400Problem()
    {
        var response = await app.Http.GetAsync("/api/v1/audit.csv?to=2030-02-30");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Audit_WriteMethods_NotAllowedAndNothingChanges(string method)
    {
        await AddAsync(Row(A.At(7, 9), actorId: _marker));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var before = await db.AuditTrail.CountAsync();

        var response = await app.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/v1/audit") { Content = new StringContent("{}", Encoding.UTF8, "application/json") });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(before, await db.AuditTrail.CountAsync());
    }
}
