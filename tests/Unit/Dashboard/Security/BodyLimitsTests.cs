using System.Net;
using System.Text;
using FrontDesk.Dashboard.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Security;

/// <summary>The default limit for API bodies, and an endpoint (such as the CSV import) that allows more through its metadata.</summary>
public sealed class BodyLimitsTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddProblemDetails();
        _app = builder.Build();
        _app.UseBodyLimits();
        _app.MapPost("/api/v1/command", async (HttpRequest request) => (await new StreamReader(request.Body).ReadToEndAsync()).Length);
        _app.MapPost("/api/v1/clients/import", async (HttpRequest request) => (await new StreamReader(request.Body).ReadToEndAsync()).Length)
            .WithBodyLimit(BodyLimits.Import);
        await _app.StartAsync();
        _http = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string path, int bytes) =>
        _http.PostAsync(path, new StringContent(new string('a', bytes), Encoding.UTF8, "text/csv"));

    [Fact]
    public async Task Command_BodyAtTheLimit_Accepted()
    {
        using var response = await PostAsync("/api/v1/command", (int)BodyLimits.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BodyLimits.Json.ToString(System.Globalization.CultureInfo.InvariantCulture), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Command_BodyOverTheLimit_413Problem()
    {
        using var response = await PostAsync("/api/v1/command", (int)BodyLimits.Json + 1);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Import_OneMegabyte_AcceptedThroughItsMetadata()
    {
        using var response = await PostAsync("/api/v1/clients/import", 1024 * 1024);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Import_OverItsOwnLimit_413Problem()
    {
        using var response = await PostAsync("/api/v1/clients/import", (int)BodyLimits.Import + 1);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
