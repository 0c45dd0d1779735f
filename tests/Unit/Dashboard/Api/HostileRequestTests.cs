using System.Net;
using System.Text;
using FrontDesk.Dashboard.Security;

namespace FrontDesk.Tests.Unit.Dashboard.Api;

/// <summary>Idempotency keys that come back with another body, bodies over the limit, and the headers every answer carries.</summary>
public sealed class HostileRequestTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private async Task<HttpResponseMessage> RegisterAsync(string body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clients") { Content = ApiCalls.Json(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return await app.Http.SendAsync(request);
    }

    private async Task<int> ClientCountAsync(string query) =>
        (await app.Http.GetAsync($"/api/v1/clients?query={Uri.EscapeDataString(query)}").OkAsync())["total"]!.GetValue<int>();

    [Fact]
    public async Task IdempotencyKey_ReplayedWithADifferentBody_422ProblemAndNothingDone()
    {
        var key = "k-" + Guid.NewGuid();
        using var first = await RegisterAsync("""{"name":"Keyed Hart"}""", key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var problem = await RegisterAsync("""{"name":"Keyed Other"}""", key).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("different request body", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await ClientCountAsync("Keyed Other"));
    }

    [Fact]
    public async Task IdempotencyKey_ReplayedWithTheSameBody_ReplaysTheFirstAnswer()
    {
        var key = "k-" + Guid.NewGuid();
        using var first = await RegisterAsync("""{"name":"Replay Hart"}""", key);
        using var second = await RegisterAsync("""{"name":"Replay Hart"}""", key);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await ClientCountAsync("Replay Hart"));
    }

    [Fact]
    public async Task PostClients_BodyOverTheJsonLimit_413Problem()
    {
        var body = $$"""{"name":"Big Hart","notes":"{{new string('x', (int)BodyLimits.Json)}}"}""";

        var problem = await app.Http.PostAsync("/api/v1/clients", ApiCalls.Json(body)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("64 KB", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await ClientCountAsync("Big Hart"));
    }

    [Fact]
    public async Task PostClients_ChunkedBodyOverTheJsonLimit_413Problem()
    {
        var bytes = Encoding.UTF8.GetBytes($$"""{"name":"Chunked Hart","notes":"{{new string('x', 200_000)}}"}""");
        using var content = new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clients") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await app.Http.SendAsync(request).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(0, await ClientCountAsync("Chunked Hart"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/display")]
    [InlineData("/api/v1/services")]
    [InlineData("/api/v1/clients/not-a-guid")]
    [InlineData("/openapi/v1.json")]
    public async Task AnyAnswer_CarriesTheSecurityHeaders(string path)
    {
        using var response = await app.Http.GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    /// <summary>A body whose length the client does not know beforehand (sent in chunks).</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
