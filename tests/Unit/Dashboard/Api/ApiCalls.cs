using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace FrontDesk.Tests.Unit.Dashboard.Api;

/// <summary>Small HTTP helpers shared by the API tests: JSON in, JSON (or a problem) out.</summary>
internal static class ApiCalls
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonNode> BodyAsync(this HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    /// <summary>The JSON of a successful answer; fails with the body when it was not.</summary>
    public static async Task<JsonNode> OkAsync(this Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Asserts an RFC 7807 answer with this status and a detail; returns it.</summary>
    public static async Task<JsonNode> ProblemAsync(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()), "a problem says what is wrong");
        return problem;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, string json) => http.PostAsync(path, Json(json));

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, object body) => http.PostAsJsonAsync(path, body);

    public static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
