using System.Net;
using System.Text;
using System.Text.Json;

namespace FrontDesk.Tests.Unit.Dashboard.Api;

/// <summary>
/// Whatever a caller sends, the API answers 4xx with a problem document, never 500.
/// "{appointment}" in a path or body is replaced by a freshly booked appointment's id,
/// "{client}", "{service}" and "{provider}" by seeded ones. The sweep sends the largest
/// values of every numeric type and absurd dates to every POST, PUT and DELETE endpoint while
/// another desk keeps working.
/// </summary>
public sealed partial class ApiBadInputTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private static readonly string Huge = new('x', 200_000);
    private const string Book = "/api/v1/appointments";
    private const string CheckOut = "/api/v1/appointments/{appointment}/check-out";
    private const string Move = "/api/v1/appointments/{appointment}/move";
    private const string Cancel = "/api/v1/appointments/{appointment}/cancel";
    private const string Clients = "/api/v1/clients";

    private static string Booking(string start = "\"2030-02-01T10:00:00Z\"", string extra = "") =>
        $"{{\"clientId\":\"{{client}}\",\"serviceId\":\"{{service}}\",\"providerId\":\"{{provider}}\",\"start\":{start}{extra}}}";

    public static TheoryData<string, string, string?> BadRequests() => new()
    {
        // booking
        { "POST", Book, "" },
        { "POST", Book, "null" },
        { "POST", Book, "[]" },
        { "POST", Book, "{" },
        { "POST", Book, "{}" },
        { "POST", Book, "\"just a string\"" },
        { "POST", Book, "{\"clientId\":\"not-a-guid\"}" },
        { "POST", Book, "{\"clientId\":\"00000000-0000-0000-0000-000000000000\",\"serviceId\":\"{service}\",\"providerId\":\"{provider}\",\"start\":\"2030-02-01T10:00:00Z\"}" },
        { "POST", Book, Booking("12") },
        { "POST", Book, Booking("null") },
        { "POST", Book, Booking("\"\"") },
        { "POST", Book, Booking("\"2030-02-30T10:00:00Z\"") },
        { "POST", Book, Booking("\"2030-02-01T25:00:00Z\"") },
        { "POST", Book, Booking("\"2030-02-01T10:00:00+15:00\"") },
        { "POST", Book, Booking("\"2030-02-01T10:00:00+99:99\"") },
        { "POST", Book, Booking("\"9999-12-31T23:30:00Z\"") },
        { "POST", Book, Booking("\"9999-12-31T23:59:59.9999999+00:00\"") },
        { "POST", Book, Booking("\"0001-01-01T00:00:00Z\"") },
        { "POST", Book, Booking("\"0001-01-01T00:00:00+01:00\"") },
        { "POST", Book, Booking("\"0001-01-01T00:00:00-14:00\"") },
        { "POST", Book, Booking(extra: ",\"overrideWorkingHours\":\"yes\"") },
        { "POST", Book, Booking(extra: ",\"note\":12") },
        { "POST", Book, Booking(extra: $",\"note\":\"{Huge}\"") },
        { "POST", Book, Booking($"\"{Huge}\"") },
        // check-out
        { "POST", CheckOut, "" },
        { "POST", CheckOut, "{}" },
        { "POST", CheckOut, "null" },
        { "POST", CheckOut, "{\"payments\":null}" },
        { "POST", CheckOut, "{\"payments\":{}}" },
        { "POST", CheckOut, "{\"payments\":[null]}" },
        { "POST", CheckOut, "{\"payments\":[{}]}" },
        { "POST", CheckOut, "{\"payments\":[{\"method\":\"Bitcoin\",\"amount\":60}]}" },
        { "POST", CheckOut, "{\"payments\":[{\"method\":0,\"amount\":60}]}" },
        { "POST", CheckOut, "{\"payments\":[{\"method\":\"Cash\"}]}" },
        { "POST", CheckOut, "{\"payments\":[{\"method\":\"Cash\",\"amount\":-60}]}" },
        { "POST", CheckOut, "{\"payments\":[{\"method\":\"Cash\",\"amount\":0}]}" },
        { "POST", CheckOut, "{\"payments\":[{\"method\":\"Cash\",\"amount\":59.999}]}" },
        { "POST", CheckOut, "{\"payments\":[{\"method\":\"Cash\",\"amount\":\"sixty\"}]}" },
        { "POST", CheckOut, "{\"payments\":[{\"method\":\"Cash\",\"amount\":1e40}]}" },
        { "POST", CheckOut, "{\"payments\":[{\"method\":\"Cash\",\"amount\":79228162514264337593543950335},{\"method\":\"Card\",\"amount\":79228162514264337593543950335}]}" },
        { "POST", CheckOut, "{\"payments\":[{\"method\":\"Cash\",\"amount\":79228162514264337593543950335},{\"method\":\"Card\",\"amount\":-79228162514264337593543950335}]}" },
        { "POST", CheckOut, "{\"payments\":[]}" },
        { "POST", "/api/v1/appointments/not-a-guid/check-out", "{\"payments\":[]}" },
        // move and cancel
        { "POST", Move, "" },
        { "POST", Move, "{}" },
        { "POST", Move, "{\"start\":\"9999-12-31T23:30:00Z\"}" },
        { "POST", Move, "{\"start\":\"0001-01-01T00:00:00Z\"}" },
        { "POST", Move, "{\"start\":\"2030-02-01T10:00:00\"}" },
        { "POST", Move, "{\"start\":\"2030-02-01T10:00:00Z\",\"providerId\":\"nope\"}" },
        { "POST", Move, "{\"start\":\"2030-02-01T10:00:00Z\",\"providerId\":\"00000000-0000-0000-0000-000000000000\"}" },
        { "POST", Cancel, "{" },
        { "POST", Cancel, "{\"reason\":12}" },
        { "POST", Cancel, $"{{\"reason\":\"{Huge}\"}}" },
        // clients
        { "POST", Clients, "" },
        { "POST", Clients, "{}" },
        { "POST", Clients, "[1,2]" },
        { "POST", Clients, $"{{\"name\":\"{Huge}\"}}" },
        { "POST", Clients, "{\"name\":\"Grace\",\"phone\":\"call me maybe\"}" },
        { "POST", Clients, $"{{\"name\":\"Grace\",\"notes\":\"{Huge}\"}}" },
        { "POST", Clients, "{\"name\":\"\\u0000\"}" },
        { "PUT", Clients + "/{client}", "{}" },
        { "PUT", Clients + "/{client}", "{\"name\":\"Noah\"}" },
        { "PUT", Clients + "/{client}", "[]" },
        { "PUT", Clients + "/{client}", "{\"name\":\"\",\"phone\":\"\",\"email\":\"\",\"dateOfBirth\":null,\"notes\":\"\",\"marketingConsent\":false,\"active\":true}" },
        { "PUT", Clients + "/{client}", "{\"name\":\"Noah\",\"phone\":\"\",\"email\":\"noah@\",\"dateOfBirth\":null,\"notes\":\"\",\"marketingConsent\":false,\"active\":true}" },
        { "PUT", Clients + "/{client}", "{\"name\":\"Noah\",\"phone\":\"\",\"email\":\"\",\"dateOfBirth\":\"1990-02-30\",\"notes\":\"\",\"marketingConsent\":false,\"active\":true}" },
        { "PUT", Clients + "/{client}", "{\"name\":\"Noah\",\"phone\":\"\",\"email\":\"\",\"dateOfBirth\":\"1850-01-01\",\"notes\":\"\",\"marketingConsent\":false,\"active\":true}" },
        { "PUT", Clients + "/{client}", "{\"name\":\"Noah\",\"phone\":\"\",\"email\":\"\",\"dateOfBirth\":null,\"notes\":\"\",\"marketingConsent\":\"yes\",\"active\":true}" },
        { "PUT", Clients + "/{client}", "{\"name\":\"Noah\",\"phone\":\"\",\"email\":\"\",\"dateOfBirth\":null,\"notes\":\"\",\"marketingConsent\":false,\"active\":null}" },
        { "PUT", Clients + "/00000000-0000-0000-0000-000000000000", "{\"name\":\"Noah\",\"phone\":\"\",\"email\":\"\",\"dateOfBirth\":null,\"notes\":\"\",\"marketingConsent\":false,\"active\":true}" },
        { "POST", Clients, "{\"name\":\"Grace\",\"dateOfBirth\":\"2999-01-01\"}" },
        { "POST", Clients + "/{client}/merge", "{}" },
        { "POST", Clients + "/{client}/merge", "{\"intoClientId\":\"{client}\"}" },
        { "POST", Clients + "/{client}/merge", "{\"intoClientId\":\"00000000-0000-0000-0000-000000000000\"}" },
        { "POST", Clients + "/{client}/merge", "{\"intoClientId\":\"7d3c0b2e-9f9e-4f43-9d55-3f7a1f0b9a01\"}" },
        { "POST", Clients + "/7d3c0b2e-9f9e-4f43-9d55-3f7a1f0b9a01/erase", "" },
        { "GET", Clients + "/7d3c0b2e-9f9e-4f43-9d55-3f7a1f0b9a01/export", null },
        { "POST", Clients + "/import", "{\"name\":\"Grace\"}" },
        { "GET", Clients + "?limit=abc", null },
        { "GET", Clients + "?limit=99999999999", null },
        { "GET", Clients + "?query=" + new string('9', 5000), null },
        { "GET", Clients + "/not-a-guid", null },
        // reading appointments
        { "GET", Book, null },
        { "GET", Book + "?from=yesterday&to=today", null },
        { "GET", Book + "?from=2030-01-01T00:00:00Z", null },
        { "GET", Book + "?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z", null },
        { "GET", Book + "?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z", null },
        { "GET", Book + "?from=2030-01-01T00:00:00Z&to=2030-01-02T00:00:00Z&providerId=abc", null },
        { "GET", Book + "/not-a-guid", null },
        { "GET", "/api/v1/nothing-here", null },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Endpoint_BadInput_4xxProblemNever500(string method, string path, string? body)
    {
        var appointment = path.Contains("{appointment}", StringComparison.Ordinal) ? (await app.BookAsync(app.NextFutureSlot())).GetProperty("id").GetString()! : "";
        string Fill(string s) => s
            .Replace("{appointment}", appointment, StringComparison.Ordinal)
            .Replace("{client}", app.Clinic.Noah.Id.ToString(), StringComparison.Ordinal)
            .Replace("{service}", app.Clinic.Massage.Id.ToString(), StringComparison.Ordinal)
            .Replace("{provider}", app.Clinic.AllDay.Id.ToString(), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), Fill(path));
        if (body is not null)
        {
            request.Content = new StringContent(Fill(body), Encoding.UTF8, "application/json");
        }

        using var response = await app.Http.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{method} {path} {body?[..Math.Min(body.Length, 300)]} answered {status}: {text[..Math.Min(text.Length, 2000)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status, JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task PostAppointments_TextPlainBody_415Problem()
    {
        using var response = await app.Http.PostAsync("/api/v1/appointments", new StringContent("{}", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task GetWithTextForANumber_Problem_NamesTheParameterNotTheClrType()
    {
        using var response = await app.Http.GetAsync("/api/v1/clients?limit=abc");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = problem.GetProperty("detail").GetString();
        Assert.Equal("limit 'abc' is not a whole number.", detail);
    }

    [Fact]
    public async Task GetMembershipWithAHugeCode_404_DoesNotEchoTheCode()
    {
        using var response = await app.Http.GetAsync("/api/v1/memberships/" + new string('x', 5000));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(new string('x', 100), body, StringComparison.Ordinal);
        Assert.Contains("at most 32 characters", body, StringComparison.Ordinal);
    }
}
