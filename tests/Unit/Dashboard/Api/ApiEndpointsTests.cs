using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Dashboard.Api;

/// <summary>Every /api/v1 endpoint through the real app: happy paths and RFC 7807 refusals.</summary>
public sealed class ApiEndpointsTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private HttpClient Http => app.Http;
    private Clinic Clinic => app.Clinic;

    private static StringContent Json(object body) => ApiFactory.Json(body);

    private static StringContent Json(string body) => ApiFactory.Json(body);

    private static async Task<JsonElement> Body(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Asserts an RFC 7807 problem with that status and returns it.</summary>
    private static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    private Task<HttpResponseMessage> Book(object body) => Http.PostAsync("/api/v1/appointments", Json(body));

    private object Booking(DateTimeOffset start, Guid? provider = null) => new
    {
        clientId = Clinic.Noah.Id.Value,
        serviceId = Clinic.Massage.Id.Value,
        providerId = provider ?? Clinic.AllDay.Id.Value,
        start = ApiFactory.Iso(start),
        note = "From the widget",
    };

    private static string Id(JsonElement appointment) => appointment.GetProperty("id").GetString()!;

    private static string Status(JsonElement appointment) => appointment.GetProperty("status").GetString()!;

    private static StringContent Cash(decimal amount) => Json(new { payments = new[] { new { method = "Cash", amount } } });

    // ---- catalog ----

    [Fact]
    public async Task GetServices_Seeded_ListsServicesInCamelCase()
    {
        var services = await Body(await Http.GetAsync("/api/v1/services"));

        var massage = services.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Swedish massage");
        Assert.Equal(Clinic.Massage.Id.Value, massage.GetProperty("id").GetGuid());
        Assert.Equal(60, massage.GetProperty("durationMinutes").GetInt32());
        Assert.Equal(60m, massage.GetProperty("price").GetDecimal());
        Assert.Equal("GBP", massage.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task GetProviders_Seeded_ListsProvidersWithTheirServices()
    {
        var providers = await Body(await Http.GetAsync("/api/v1/providers"));

        var alex = providers.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == Clinic.AllDay.Id.Value);
        Assert.Equal("Alex Allday", alex.GetProperty("name").GetString());
        Assert.Equal([Clinic.Massage.Id.Value, Clinic.Laser.Id.Value], alex.GetProperty("serviceIds").EnumerateArray().Select(e => e.GetGuid()));
    }

    // ---- clients ----

    [Fact]
    public async Task GetClients_QueryByName_ListsMatches()
    {
        var clients = await Body(await Http.GetAsync("/api/v1/clients?query=patel"));

        Assert.Equal("Noah Patel", Assert.Single(clients.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task GetClients_QueryByPhoneDigits_ListsMatches()
    {
        var clients = await Body(await Http.GetAsync("/api/v1/clients?query=900123"));

        Assert.Contains(clients.GetProperty("items").EnumerateArray(), c => c.GetProperty("name").GetString() == "Olivia Smith");
    }

    [Fact]
    public async Task GetClients_QueryTooLong_400Problem()
    {
        var response = await Http.GetAsync("/api/v1/clients?query=" + new string('a', 101));

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal("query", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task PostClients_Valid_201WithIdAndLocation()
    {
        var response = await Http.PostAsync("/api/v1/clients", Json(new { name = "Grace Hall", phone = "07123 456789", email = "grace@example.com" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await Body(response);
        var id = created.GetProperty("id").GetGuid();
        Assert.NotEqual(Guid.Empty, id);
        Assert.Equal($"/api/v1/clients/{id}", response.Headers.Location?.OriginalString);
        var fetched = await Body(await Http.GetAsync($"/api/v1/clients/{id}"));
        Assert.Equal("Grace Hall", fetched.GetProperty("name").GetString());
    }

    [Fact]
    public async Task PostClients_MissingName_400Problem()
    {
        var response = await Http.PostAsync("/api/v1/clients", Json(new { phone = "07123 456789" }));

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal("name", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task PostClients_BadEmail_400Problem()
    {
        var response = await Http.PostAsync("/api/v1/clients", Json(new { name = "Grace Hall", email = "grace@" }));

        await AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetClient_UnknownId_404Problem()
    {
        await AssertProblem(await Http.GetAsync($"/api/v1/clients/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    // ---- booking and reading ----

    [Fact]
    public async Task PostAppointments_FreeSlot_201WithIdStatusStartAndEnd()
    {
        var start = app.NextFutureSlot();

        var response = await Book(Booking(start));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await Body(response);
        Assert.Equal("Booked", Status(created));
        Assert.Equal(start, created.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(start.AddMinutes(60), created.GetProperty("end").GetDateTimeOffset());
        Assert.Equal($"/api/v1/appointments/{Id(created)}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PostAppointments_StartInSummer_AnsweredInBusinessLocalOffset()
    {
        var start = new DateTimeOffset(2030, 7, 2, 9, 0, 0, TimeSpan.Zero);

        var created = await app.BookAsync(start);

        Assert.Equal("2030-07-02T10:00:00+01:00", created.GetProperty("start").GetString());
    }

    [Fact]
    public async Task GetAppointment_Booked_200WithDetails()
    {
        var created = await app.BookAsync(app.NextFutureSlot());

        var response = await Http.GetAsync($"/api/v1/appointments/{Id(created)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fetched = await Body(response);
        Assert.Equal("Olivia Smith", fetched.GetProperty("clientName").GetString());
        Assert.Equal("Swedish massage", fetched.GetProperty("serviceName").GetString());
        Assert.Equal(created.GetProperty("start").GetDateTimeOffset(), fetched.GetProperty("start").GetDateTimeOffset());
    }

    [Fact]
    public async Task GetAppointment_UnknownId_404Problem()
    {
        await AssertProblem(await Http.GetAsync($"/api/v1/appointments/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetAppointments_RangeWithProviderId_ListsOnlyThatProvidersAppointments()
    {
        // Tuesday 5 March 2030: a day no other test uses.
        var mine = await app.BookAsync(new DateTimeOffset(2030, 3, 5, 10, 0, 0, TimeSpan.Zero));
        var theirs = await app.BookAsync(new DateTimeOffset(2030, 3, 5, 10, 0, 0, TimeSpan.Zero), Clinic.Weekdays.Id.Value, client: Clinic.Noah.Id.Value);

        var response = await Http.GetAsync($"/api/v1/appointments?from=2030-03-05T00:00:00Z&to=2030-03-06T00:00:00Z&providerId={Clinic.AllDay.Id.Value}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = (await Body(response)).EnumerateArray().Select(Id).ToList();
        Assert.Equal([Id(mine)], listed);
        Assert.DoesNotContain(Id(theirs), listed);
    }

    [Fact]
    public async Task GetAppointments_RangeTooLong_400Problem()
    {
        await AssertProblem(await Http.GetAsync("/api/v1/appointments?from=2030-01-01T00:00:00Z&to=2030-06-01T00:00:00Z"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetAppointments_FromMissing_400Problem()
    {
        var problem = await AssertProblem(await Http.GetAsync("/api/v1/appointments?to=2030-01-02T00:00:00Z"), HttpStatusCode.BadRequest);
        Assert.Equal("from", problem.GetProperty("field").GetString());
    }

    // ---- lifecycle ----

    [Fact]
    public async Task PostCheckIn_Booked_200CheckedIn()
    {
        var created = await app.BookAsync(app.NextTodaySlot());

        var response = await Http.PostAsync($"/api/v1/appointments/{Id(created)}/check-in", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("CheckedIn", Status(await Body(response)));
    }

    [Fact]
    public async Task PostCheckOut_ExactPayments_200CompletedWithInvoice()
    {
        var created = await app.BookAsync(app.NextFutureSlot());

        var response = await Http.PostAsync($"/api/v1/appointments/{Id(created)}/check-out",
            Json(new { payments = new object[] { new { method = "Cash", amount = 20.5m }, new { method = "Card", amount = 39.5m } } }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = await Body(response);
        Assert.Equal("Completed", Status(done));
        Assert.NotEqual(JsonValueKind.Null, done.GetProperty("invoiceId").ValueKind);
    }

    [Fact]
    public async Task PostCheckOut_WrongTotal_422Problem()
    {
        var created = await app.BookAsync(app.NextFutureSlot());

        var response = await Http.PostAsync($"/api/v1/appointments/{Id(created)}/check-out", Cash(59.99m));

        var problem = await AssertProblem(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("payments", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task PostCheckOut_Twice_409Problem()
    {
        var created = await app.BookAsync(app.NextFutureSlot());
        await Http.PostAsync($"/api/v1/appointments/{Id(created)}/check-out", Cash(60m));

        await AssertProblem(await Http.PostAsync($"/api/v1/appointments/{Id(created)}/check-out", Cash(60m)), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task PostNoShow_StartedAppointment_200NoShow()
    {
        var created = await app.BookAsync(app.NextPastSlot());

        var response = await Http.PostAsync($"/api/v1/appointments/{Id(created)}/no-show", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("NoShow", Status(await Body(response)));
    }

    [Fact]
    public async Task PostNoShow_BeforeStart_422Problem()
    {
        var created = await app.BookAsync(app.NextFutureSlot());

        await AssertProblem(await Http.PostAsync($"/api/v1/appointments/{Id(created)}/no-show", null), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task PostCancel_WithReason_200Cancelled()
    {
        var created = await app.BookAsync(app.NextFutureSlot());

        var response = await Http.PostAsync($"/api/v1/appointments/{Id(created)}/cancel", Json(new { reason = "Client called" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Cancelled", Status(await Body(response)));
    }

    [Fact]
    public async Task PostCancel_WithoutBody_200Cancelled()
    {
        var created = await app.BookAsync(app.NextFutureSlot());

        var response = await Http.PostAsync($"/api/v1/appointments/{Id(created)}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Cancelled", Status(await Body(response)));
    }

    [Fact]
    public async Task PostCheckIn_Cancelled_409Problem()
    {
        var created = await app.BookAsync(app.NextFutureSlot());
        await Http.PostAsync($"/api/v1/appointments/{Id(created)}/cancel", null);

        await AssertProblem(await Http.PostAsync($"/api/v1/appointments/{Id(created)}/check-in", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task PostCheckOut_Cancelled_409Problem()
    {
        var created = await app.BookAsync(app.NextFutureSlot());
        await Http.PostAsync($"/api/v1/appointments/{Id(created)}/cancel", null);

        await AssertProblem(await Http.PostAsync($"/api/v1/appointments/{Id(created)}/check-out", Cash(60m)), HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("check-in")]
    [InlineData("no-show")]
    [InlineData("cancel")]
    public async Task PostLifecycle_UnknownAppointment_404Problem(string action)
    {
        await AssertProblem(await Http.PostAsync($"/api/v1/appointments/{Guid.NewGuid()}/{action}", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostCheckOut_UnknownAppointment_404Problem()
    {
        await AssertProblem(await Http.PostAsync($"/api/v1/appointments/{Guid.NewGuid()}/check-out", Cash(60m)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostMove_FreeSlot_200WithNewTimes()
    {
        var created = await app.BookAsync(app.NextFutureSlot());
        var target = app.NextFutureSlot();

        var response = await Http.PostAsync($"/api/v1/appointments/{Id(created)}/move", Json(new { start = ApiFactory.Iso(target) }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var moved = await Body(response);
        Assert.Equal(target, moved.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(target.AddMinutes(60), moved.GetProperty("end").GetDateTimeOffset());
    }

    [Fact]
    public async Task PostMove_OntoTakenSlot_409Problem()
    {
        var created = await app.BookAsync(app.NextFutureSlot());
        var taken = await app.BookAsync(app.NextFutureSlot());

        var response = await Http.PostAsync($"/api/v1/appointments/{Id(created)}/move", Json(new { start = taken.GetProperty("start").GetString() }));

        await AssertProblem(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task PostMove_UnknownProvider_404Problem()
    {
        var created = await app.BookAsync(app.NextFutureSlot());

        var response = await Http.PostAsync($"/api/v1/appointments/{Id(created)}/move", Json(new { start = ApiFactory.Iso(app.NextFutureSlot()), providerId = Guid.NewGuid() }));

        await AssertProblem(response, HttpStatusCode.NotFound);
    }

    // ---- refusals when booking ----

    [Fact]
    public async Task PostAppointments_SlotTaken_409Problem()
    {
        var start = app.NextFutureSlot();
        await app.BookAsync(start);

        await AssertProblem(await Book(Booking(start.AddMinutes(30))), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task PostAppointments_OutsideWorkingHours_422Problem()
    {
        // Saturday 12 January 2030: Wendy works Monday to Friday.
        var response = await Book(Booking(A.At(12, 10), Clinic.Weekdays.Id.Value));

        var problem = await AssertProblem(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("start", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task PostAppointments_OutsideWorkingHoursWithOverride_201()
    {
        var response = await Book(new
        {
            clientId = Clinic.Noah.Id.Value,
            serviceId = Clinic.Massage.Id.Value,
            providerId = Clinic.Weekdays.Id.Value,
            start = "2030-01-13T10:00:00Z",
            overrideWorkingHours = true,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task PostAppointments_MalformedJson_400Problem()
    {
        await AssertProblem(await Http.PostAsync("/api/v1/appointments", Json("{\"clientId\": ")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PostAppointments_MissingServiceId_400Problem()
    {
        var response = await Book(new { clientId = Clinic.Noah.Id.Value, providerId = Clinic.AllDay.Id.Value, start = ApiFactory.Iso(app.NextFutureSlot()) });

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal("serviceId", problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("2030-01-20T10:00:00")]
    [InlineData("2030-01-20 10:00")]
    [InlineData("20 January 2030 10:00 +00:00")]
    [InlineData("tomorrow")]
    public async Task PostAppointments_StartWithoutOffsetOrNotIso_400Problem(string start)
    {
        var response = await Book(new { clientId = Clinic.Noah.Id.Value, serviceId = Clinic.Massage.Id.Value, providerId = Clinic.AllDay.Id.Value, start });

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal("start", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task PostAppointments_UnknownClient_404Problem()
    {
        var response = await Book(new { clientId = Guid.NewGuid(), serviceId = Clinic.Massage.Id.Value, providerId = Clinic.AllDay.Id.Value, start = ApiFactory.Iso(app.NextFutureSlot()) });

        await AssertProblem(response, HttpStatusCode.NotFound);
    }

    // ---- OpenAPI ----

    [Fact]
    public async Task GetOpenApi_Development_200ListsAppointments()
    {
        var response = await Http.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await Body(response)).GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/appointments", out _));
        Assert.True(paths.TryGetProperty("/api/v1/appointments/{id}/check-out", out _));
    }
}
