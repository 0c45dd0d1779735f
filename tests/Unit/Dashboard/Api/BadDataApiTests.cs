using System.Net;
using System.Net.Http.Json;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Dashboard.Api;

/// <summary>Bad data the API once accepted, now refused with a reason (issue 8); the clock is Monday 7 Jan 2030 08:00 London.</summary>
public sealed class BadDataApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private HttpClient Http => app.Http;

    private Task<HttpResponseMessage> Book(string start, Guid? provider = null, Guid? client = null, bool? overrideClientClash = null) =>
        Http.PostJsonAsync("/api/v1/appointments", new
        {
            clientId = client ?? app.Clinic.Amelia.Id.Value,
            serviceId = app.Clinic.Massage.Id.Value,
            providerId = provider ?? app.Clinic.AllDay.Id.Value,
            start,
            overrideClientClash,
        });

    [Theory]
    [InlineData("3000-01-08T10:00:00Z")]
    [InlineData("9999-01-08T10:00:00Z")]
    public async Task PostAppointments_FarFuture_422NamingTheWindowAndNothingBooked(string start)
    {
        var problem = await Book(start).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("start", problem["field"]!.GetValue<string>());
        Assert.Contains("7 Jan 2035", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var day = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        var listed = await Http.GetAsync($"/api/v1/appointments?from={Uri.EscapeDataString(ApiCalls.Iso(day.AddDays(-1)))}&to={Uri.EscapeDataString(ApiCalls.Iso(day.AddDays(1)))}").OkAsync();
        Assert.Empty(listed.AsArray());
    }

    [Theory]
    [InlineData("3000-01-08T10:00:00Z")]
    [InlineData("9999-12-31T10:00:00Z")]
    public async Task PostMove_FarFuture_422AndTheAppointmentStays(string start)
    {
        var booked = await Book(ApiCalls.Iso(app.NextFutureSlot())).OkAsync();
        var id = booked["id"]!.GetValue<Guid>();

        await Http.PostJsonAsync($"/api/v1/appointments/{id}/move", new { start }).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        var stored = await Http.GetAsync($"/api/v1/appointments/{id}").OkAsync();
        Assert.Equal(booked["start"]!.GetValue<DateTimeOffset>(), stored["start"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task PostCheckIn_TwoYearsBeforeTheStart_422TooEarlyAndStillBooked()
    {
        var booked = await Book(ApiCalls.Iso(A.Now.AddYears(2).AddHours(2))).OkAsync();
        var id = booked["id"]!.GetValue<Guid>();

        var problem = await Http.PostAsync($"/api/v1/appointments/{id}/check-in", null).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith("It is too early to check in: check-in opens on the day of the appointment", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Booked", (await Http.GetAsync($"/api/v1/appointments/{id}").OkAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostCheckIn_LaterTheSameDay_200CheckedIn()
    {
        var booked = await Book(ApiCalls.Iso(app.NextTodaySlot())).OkAsync();

        var checkedIn = await Http.PostAsync($"/api/v1/appointments/{booked["id"]}/check-in", null).OkAsync();

        Assert.Equal("CheckedIn", checkedIn["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostAppointments_SameClientOverlappingWithAnotherProvider_409AndNotBooked()
    {
        var client = app.Clinic.Noah.Id.Value;
        var start = new DateTimeOffset(2030, 4, 2, 10, 0, 0, TimeSpan.Zero); // a Tuesday no other test uses
        await Book(ApiCalls.Iso(start), client: client).OkAsync();

        var problem = await Book(ApiCalls.Iso(start.AddMinutes(30)), app.Clinic.Weekdays.Id.Value, client).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("already has an appointment", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var listed = await Http.GetAsync($"/api/v1/appointments?from=2030-04-02T00:00:00Z&to=2030-04-03T00:00:00Z").OkAsync();
        Assert.Single(listed.AsArray());
    }

    [Fact]
    public async Task PostAppointments_SameClientOverlappingWithOverride_201AndTheOverrideIsRecorded()
    {
        var client = app.Clinic.Noah.Id.Value;
        var start = new DateTimeOffset(2030, 4, 3, 10, 0, 0, TimeSpan.Zero);
        var first = await Book(ApiCalls.Iso(start), client: client).OkAsync();

        var second = await Book(ApiCalls.Iso(start.AddMinutes(30)), app.Clinic.Weekdays.Id.Value, client, overrideClientClash: true).OkAsync();

        Assert.True(second["bookedOverClientClash"]!.GetValue<bool>());
        Assert.False(first["bookedOverClientClash"]!.GetValue<bool>());
        var stored = await Http.GetAsync($"/api/v1/appointments/{second["id"]}").OkAsync();
        Assert.True(stored["bookedOverClientClash"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PostAppointments_DuplicateKey_400ProblemAndNothingBooked()
    {
        var body = $$"""{"clientId":"{{app.Clinic.Amelia.Id}}","serviceId":"{{app.Clinic.Massage.Id}}","providerId":"{{app.Clinic.AllDay.Id}}","start":"2030-04-04T10:00:00Z","start":"2030-04-04T12:00:00Z"}""";

        var problem = await Http.PostJsonAsync("/api/v1/appointments", body).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("start", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await Http.GetAsync("/api/v1/appointments?from=2030-04-04T00:00:00Z&to=2030-04-05T00:00:00Z").OkAsync()).AsArray());
    }

    [Theory]
    [InlineData("{}", "redemptionPolicy, redeemOnline")]
    [InlineData("""{"redeemOnline":true}""", "redemptionPolicy")]
    public async Task PutPackageSettings_MissingFields_400ListingThemAndNothingReset(string body, string missing)
    {
        await Http.PutAsJsonAsync("/api/v1/settings/packages", new { redemptionPolicy = "AtBooking", redeemOnline = false }).OkAsync();

        var problem = await Http.PutAsync("/api/v1/settings/packages", ApiCalls.Json(body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains($"missing: {missing}.", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var settings = await Http.GetAsync("/api/v1/settings/packages").OkAsync();
        Assert.Equal(("AtBooking", false), (settings["redemptionPolicy"]!.GetValue<string>(), settings["redeemOnline"]!.GetValue<bool>()));
        await Http.PutAsJsonAsync("/api/v1/settings/packages", new { redemptionPolicy = "AtCheckOut", redeemOnline = false }).OkAsync();
    }

    [Fact]
    public async Task PutPackageSettings_DuplicateKey_400()
    {
        await Http.PutAsync("/api/v1/settings/packages", ApiCalls.Json("""{"redemptionPolicy":"AtCheckOut","redeemOnline":false,"redeemOnline":true}"""))
            .ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetClients_PagesWithOffsetAndLimit_EveryMatchOnceInNameOrderWithTheTotal()
    {
        foreach (var name in new[] { "Pager Echo", "Pager Alpha", "Pager Delta", "Pager Charlie", "Pager Bravo" })
        {
            await Http.PostJsonAsync("/api/v1/clients", new { name }).OkAsync();
        }

        var pages = new List<JsonNodeList>();
        for (var offset = 0; offset < 6; offset += 2)
        {
            var page = await Http.GetAsync($"/api/v1/clients?query=pager&offset={offset}&limit=2").OkAsync();
            Assert.Equal(5, page["total"]!.GetValue<int>());
            pages.Add(new JsonNodeList(page["items"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList()));
        }

        Assert.Equal([2, 2, 1], pages.Select(p => p.Names.Count));
        Assert.Equal(["Pager Alpha", "Pager Bravo", "Pager Charlie", "Pager Delta", "Pager Echo"], pages.SelectMany(p => p.Names));
    }

    [Fact]
    public async Task GetClients_WithoutQuery_ListsEveryClientInPages()
    {
        var first = await Http.GetAsync("/api/v1/clients?limit=1").OkAsync();
        var total = first["total"]!.GetValue<int>();

        var all = await Http.GetAsync($"/api/v1/clients?limit={total}").OkAsync();

        Assert.True(total >= 3);
        Assert.Equal(total, all["items"]!.AsArray().Count);
        Assert.Equal(0, all["offset"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=501")]
    [InlineData("offset=-1")]
    public async Task GetClients_PageOutOfRange_422(string query)
    {
        await Http.GetAsync($"/api/v1/clients?{query}").ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    private sealed record JsonNodeList(List<string> Names);
}
