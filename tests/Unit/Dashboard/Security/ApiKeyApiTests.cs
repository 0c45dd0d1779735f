using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FrontDesk.Tests.Unit.Dashboard.Api;

namespace FrontDesk.Tests.Unit.Dashboard.Security;

/// <summary>The API needs a key: none is 401, too little right 403, a revoked key 401, a configured key works.</summary>
public sealed partial class ApiKeyApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private HttpClient Anonymous()
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Remove("X-Api-Key");
        return http;
    }

    private HttpClient WithKey(string secret)
    {
        var http = Anonymous();
        http.DefaultRequestHeaders.Add("X-Api-Key", secret);
        return http;
    }

    private async Task<(Guid Id, string Secret)> CreateKeyAsync(string role)
    {
        using var response = await app.Http.PostAsJsonAsync("/api/v1/api-keys", new { name = $"{role} key {Guid.NewGuid():N}", role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("key").GetProperty("id").GetGuid(), body.GetProperty("secret").GetString()!);
    }

    [Fact]
    public async Task EveryOperationOfTheOpenApiDocument_WithoutKey_401ProblemWithChallenge()
    {
        using var anonymous = Anonymous();
        using var documentResponse = await anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, documentResponse.StatusCode); // the document itself stays open
        var document = await documentResponse.Content.ReadFromJsonAsync<JsonElement>();
        var failures = new List<string>();
        var count = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                count++;
                var url = Placeholder().Replace(path.Name, m => m.Value.Contains("date", StringComparison.OrdinalIgnoreCase) ? "2030-12-25" : Guid.NewGuid().ToString());
                using var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), url);
                if (operation.Name is "post" or "put")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }
                using var response = await anonymous.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Unauthorized
                    || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                    || !response.Headers.WwwAuthenticate.Any(h => h.Scheme == "ApiKey"))
                {
                    failures.Add($"{operation.Name.ToUpperInvariant()} {path.Name}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
                }
            }
        }
        Assert.True(count > 40, $"the document lists only {count} operations");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task ManagerEndpoint_ReceptionistKey_403Problem()
    {
        var (_, secret) = await CreateKeyAsync("Receptionist");
        using var http = WithKey(secret);

        using var report = await http.GetAsync("/api/v1/reports/sales?from=2030-01-01T00:00:00Z&to=2030-01-08T00:00:00Z");
        using var service = await http.PostAsJsonAsync("/api/v1/services", new { name = "Not mine", activity = "Beauty", durationMinutes = 30, price = 10m });

        Assert.Equal(HttpStatusCode.Forbidden, report.StatusCode);
        Assert.Equal("application/problem+json", report.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, service.StatusCode);
        Assert.Contains("not allowed to add services", await service.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DeskEndpoint_ReceptionistKey_AllowedAndRecordedAsTheKey()
    {
        var (id, secret) = await CreateKeyAsync("Receptionist");
        using var http = WithKey(secret);

        using var response = await http.PostAsJsonAsync("/api/v1/clients", new { name = "Keyed Client" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var audit = await app.Http.GetAsync("/api/v1/api-keys");
        var keys = await audit.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(keys.EnumerateArray(), k => k.GetProperty("id").GetGuid() == id && k.GetProperty("lastUsedAt").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task RevokedKey_401()
    {
        var (id, secret) = await CreateKeyAsync("Manager");
        using var http = WithKey(secret);
        using (var before = await http.GetAsync("/api/v1/services"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var revoke = await app.Http.PostAsync($"/api/v1/api-keys/{id}/revoke", null);
        using var after = await http.GetAsync("/api/v1/services");

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownKey_401()
    {
        using var http = WithKey("fdl_not-a-key-that-exists-anywhere-000000000");

        using var response = await http.GetAsync("/api/v1/services");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ConfiguredKey_ManagerEndpoint_Allowed()
    {
        using var http = WithKey(ApiFactory.ManagerKey);

        using var response = await http.GetAsync("/api/v1/reports/sales?from=2030-01-01T00:00:00Z&to=2030-01-08T00:00:00Z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CreateKey_NameOfAnActiveKeyInOtherCase_400OnNameAndNoKeyMade()
    {
        var name = $"Widget {Guid.NewGuid():N}";
        using (var first = await app.Http.PostAsJsonAsync("/api/v1/api-keys", new { name, role = "online" }))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var second = await app.Http.PostAsJsonAsync("/api/v1/api-keys", new { name = $"  {name.ToUpperInvariant()} ", role = "Display" });

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("name", problem.GetProperty("field").GetString());
        using var list = await app.Http.GetAsync("/api/v1/api-keys");
        var keys = await list.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Single(keys.EnumerateArray(), k => string.Equals(k.GetProperty("name").GetString(), name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task CreateKey_NameOfARevokedKey_Created()
    {
        var name = $"Old widget {Guid.NewGuid():N}";
        Guid id;
        using (var first = await app.Http.PostAsJsonAsync("/api/v1/api-keys", new { name, role = "online" }))
        {
            id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetProperty("id").GetGuid();
        }
        using (var revoke = await app.Http.PostAsync($"/api/v1/api-keys/{id}/revoke", null))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        using var again = await app.Http.PostAsJsonAsync("/api/v1/api-keys", new { name, role = "online" });

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task CreateKey_SecretShownOnceAndStoredOnlyAsHash()
    {
        var (id, secret) = await CreateKeyAsync("Display");

        using var list = await app.Http.GetAsync("/api/v1/api-keys");
        var text = await list.Content.ReadAsStringAsync();

        Assert.StartsWith("fdl_", secret);
        Assert.True(secret.Length >= 4 + 43, secret);
        Assert.Contains(id.ToString(), text);
        Assert.DoesNotContain(secret, text);
    }

    [Fact]
    public async Task OnlineKey_BooksButCannotCheckIn()
    {
        var (_, secret) = await CreateKeyAsync("online");
        using var http = WithKey(secret);
        var booked = await app.BookAsync(app.NextTodaySlot());

        using var checkIn = await http.PostAsync($"/api/v1/appointments/{booked.GetProperty("id").GetGuid()}/check-in", null);

        Assert.Equal(HttpStatusCode.Forbidden, checkIn.StatusCode);
        Assert.Contains("online booking channel", await checkIn.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();
}
