using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace FrontDesk.Tests.Unit.Dashboard.Api;

/// <summary>/api/v1/clients: duplicates (409 naming the client), PUT, merge, erase, export, CSV import.</summary>
public sealed class ClientApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private static int _phone;

    /// <summary>A phone no other test of this class uses.</summary>
    private static string Phone() => $"07333 {Interlocked.Increment(ref _phone):000000}";

    private async Task<JsonNode> CreateAsync(string name, string? phone = null, string? email = null) =>
        await app.Http.PostJsonAsync("/api/v1/clients", new { name, phone = phone ?? Phone(), email }).OkAsync();

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static string Put(string name, string phone, string email = "", bool active = true, string? dateOfBirth = null) =>
        new JsonObject
        {
            ["name"] = name, ["phone"] = phone, ["email"] = email, ["dateOfBirth"] = dateOfBirth, ["notes"] = "", ["marketingConsent"] = false, ["active"] = active,
        }.ToJsonString();

    [Fact]
    public async Task PostClients_PhoneAnotherClientHas_409NamingThatClient()
    {
        var phone = Phone();
        var ella = await CreateAsync("Ella Wood", phone);

        var problem = await app.Http.PostJsonAsync("/api/v1/clients", new { name = "Ella Wood", phone = phone.Replace(" ", "", StringComparison.Ordinal) }).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(ella["id"]!.GetValue<string>(), problem["existingClientId"]!.GetValue<string>());
        Assert.Equal($"Ella Wood, {phone}, already has this phone. Send allowDuplicate: true to create a second record anyway.", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostClients_DuplicateAllowed_201()
    {
        var phone = Phone();
        await CreateAsync("Ella Wood", phone);

        using var response = await app.Http.PostJsonAsync("/api/v1/clients", new { name = "Ella Wood", phone, allowDuplicate = true });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task PutClient_EveryField_ReplacedAndReturned()
    {
        var id = (await CreateAsync("Finn Hale"))["id"]!.GetValue<string>();
        var phone = Phone();

        var put = await app.Http.PutAsync($"/api/v1/clients/{id}", ApiCalls.Json(Put("Finn M. Hale", phone, "finn@example.com", dateOfBirth: "1991-07-04"))).OkAsync();

        Assert.Equal("Finn M. Hale", put["name"]!.GetValue<string>());
        Assert.Equal("1991-07-04", put["dateOfBirth"]!.GetValue<string>());
        var read = await app.Http.GetAsync($"/api/v1/clients/{id}").OkAsync();
        Assert.Equal(phone, read["phone"]!.GetValue<string>());
    }

    [Fact]
    public async Task PutClient_FieldMissing_400NamingItAndUnchanged()
    {
        var id = (await CreateAsync("Gina Holt"))["id"]!.GetValue<string>();

        var problem = await app.Http.PutAsync($"/api/v1/clients/{id}", ApiCalls.Json("""{"name":"Gina H"}""")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("phone", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Gina Holt", (await app.Http.GetAsync($"/api/v1/clients/{id}").OkAsync())["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task PutClient_ActiveFalse_HiddenFromListAndCannotBeBooked()
    {
        var phone = Phone();
        var id = (await CreateAsync("Hana Ito", phone))["id"]!.GetValue<string>();

        await app.Http.PutAsync($"/api/v1/clients/{id}", ApiCalls.Json(Put("Hana Ito", phone, active: false))).OkAsync();

        var list = await app.Http.GetAsync("/api/v1/clients?query=hana ito").OkAsync();
        Assert.Equal(0, list["total"]!.GetValue<int>());
        var withInactive = await app.Http.GetAsync("/api/v1/clients?query=hana ito&includeInactive=true").OkAsync();
        Assert.Equal(1, withInactive["total"]!.GetValue<int>());
        var booking = new { clientId = id, serviceId = app.Clinic.Massage.Id.Value, providerId = app.Clinic.AllDay.Id.Value, start = ApiFactory.Iso(app.NextFutureSlot()) };
        await app.Http.PostJsonAsync("/api/v1/appointments", booking).ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task PostMerge_Duplicate_AppointmentsMoveAndOldRecordPointsToKept()
    {
        var kept = (await CreateAsync("Ivy Lane"))["id"]!.GetValue<string>();
        var duplicate = (await CreateAsync("Ivy Lane (old)"))["id"]!.GetValue<string>();
        var booked = await app.BookAsync(app.NextFutureSlot(), client: Guid.Parse(duplicate));

        var merged = await app.Http.PostJsonAsync($"/api/v1/clients/{duplicate}/merge", new { intoClientId = kept }).OkAsync();

        Assert.Equal(kept, merged["id"]!.GetValue<string>());
        var appointment = await app.Http.GetAsync($"/api/v1/appointments/{booked.GetProperty("id").GetString()}").OkAsync();
        Assert.Equal(kept, appointment["clientId"]!.GetValue<string>());
        var old = await app.Http.GetAsync($"/api/v1/clients/{duplicate}").OkAsync();
        Assert.Equal(kept, old["mergedIntoId"]!.GetValue<string>());
        Assert.False(old["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PostMerge_IntoSelf_400()
    {
        var id = (await CreateAsync("Jay Moss"))["id"]!.GetValue<string>();

        await app.Http.PostJsonAsync($"/api/v1/clients/{id}/merge", new { intoClientId = id }).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PostErase_Client_AnonymisedAndExportShowsNoPersonalData()
    {
        var id = (await CreateAsync("Kim Noor", email: "kim@example.com"))["id"]!.GetValue<string>();

        var erased = await app.Http.PostAsync($"/api/v1/clients/{id}/erase", null).OkAsync();

        Assert.Equal("Erased client", erased["name"]!.GetValue<string>());
        var export = await app.Http.GetAsync($"/api/v1/clients/{id}/export").OkAsync();
        Assert.DoesNotContain("kim", export.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetExport_ClientWithAppointment_ProfileAndAppointments()
    {
        var id = (await CreateAsync("Lena Park"))["id"]!.GetValue<string>();
        await app.BookAsync(app.NextFutureSlot(), client: Guid.Parse(id));

        var export = await app.Http.GetAsync($"/api/v1/clients/{id}/export").OkAsync();

        Assert.Equal("Lena Park", export["profile"]!["name"]!.GetValue<string>());
        Assert.Equal("Swedish massage", export["appointments"]!.AsArray().Single()!["service"]!.GetValue<string>());
        Assert.NotNull(export["packages"]!.AsArray());
        Assert.NotNull(export["invoices"]!.AsArray());
    }

    [Fact]
    public async Task PostImport_DryRun_RowsAndBadRowNumbersAndNothingWritten()
    {
        var csv = $"First name,Last name,Mobile,E-mail\nMia,Reed,{Phone()},mia@example.com\n,,{Phone()},\nNia,Shaw,{Phone()},nia@\n";

        var result = await app.Http.PostAsync("/api/v1/clients/import?dryRun=true", Csv(csv)).OkAsync();

        Assert.Equal("Mia Reed", result["rows"]!.AsArray().Single()!["name"]!.GetValue<string>());
        Assert.Equal([3, 4], result["errors"]!.AsArray().Select(e => e!["row"]!.GetValue<int>()));
        var list = await app.Http.GetAsync("/api/v1/clients?query=mia reed").OkAsync();
        Assert.Equal(0, list["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task PostImport_GoodAndBadRows_CreatesGoodOnesAndReportsSkipped()
    {
        var csv = $"name,phone\nOmar Quinn,{Phone()}\nPia Rowe,not a phone\n";

        var result = await app.Http.PostAsync("/api/v1/clients/import", Csv(csv)).OkAsync();

        Assert.Equal(1, result["created"]!.GetValue<int>());
        Assert.Equal(3, result["errors"]!.AsArray().Single()!["row"]!.GetValue<int>());
        Assert.Equal(1, (await app.Http.GetAsync("/api/v1/clients?query=omar quinn").OkAsync())["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task PostImport_TooLarge_413()
    {
        var csv = "name\n" + string.Concat(Enumerable.Repeat(new string('a', 99) + "\n", 60_000));

        await app.Http.PostAsync("/api/v1/clients/import", Csv(csv)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task PostImport_TooManyRows_422()
    {
        var csv = "name\n" + string.Concat(Enumerable.Range(0, 20_001).Select(i => $"c{i}\n"));

        await app.Http.PostAsync("/api/v1/clients/import?dryRun=true", Csv(csv)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("")]
    [InlineData("phone,email\n07000 000000,a@example.com\n")]
    [InlineData("\"unterminated")]
    public async Task PostImport_Unusable_4xxProblem(string csv)
    {
        using var response = await app.Http.PostAsync("/api/v1/clients/import?dryRun=true", Csv(csv));

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostImport_JsonBody_415()
    {
        await app.Http.PostJsonAsync("/api/v1/clients/import", """{"name":"x"}""").ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }
}
