using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FrontDesk.Tests.Unit.Dashboard.Support;

namespace FrontDesk.Tests.Unit.Dashboard.Api;

/// <summary>
/// The business's attendance settings: from when check-in opens, and whether a no-show or a
/// late cancellation gives the prepaid session back or forfeits it. Monday 23 Nov 2026 08:00.
/// Each test sets every setting it relies on first (they are shared by this class's app).
/// </summary>
public sealed class AttendancePolicyApiTests(PackageApiApp app) : IClassFixture<PackageApiApp>
{
    private readonly HttpClient _http = app.CreateClient();

    private Task<JsonNode> SetAsync(int? checkInHoursBefore = null, string noShow = "Return", string lateCancellation = "Return", int lateCancellationHours = 24) =>
        _http.PutAsJsonAsync("/api/v1/settings/attendance", new { checkInHoursBefore, noShow, lateCancellation, lateCancellationHours }).OkAsync();

    /// <summary>A client with a 5-session laser course, and an appointment booked from its first free session.</summary>
    private async Task<(JsonNode Record, Guid Appointment)> BookedFromCourseAsync(string client, DateTimeOffset start)
    {
        await _http.PutAsJsonAsync("/api/v1/settings/packages", new { redemptionPolicy = "AtCheckOut", redeemOnline = true }).OkAsync();
        var clientId = (await _http.PostJsonAsync("/api/v1/clients", new { name = client }).OkAsync())["id"]!.GetValue<Guid>();
        var template = (await _http.PostJsonAsync("/api/v1/package-templates", new { name = "Laser x5", kind = "Course", serviceIds = new[] { app.Laser }, sessions = 5, price = 250m }).OkAsync())["id"]!.GetValue<Guid>();
        var record = await _http.PostJsonAsync($"/api/v1/clients/{clientId}/packages", new { templateId = template, mode = "Paid", payments = new[] { new { method = "Card", amount = 250m } } }).OkAsync();
        var booked = await _http.PostJsonAsync("/api/v1/appointments", new { clientId, serviceId = app.Laser, providerId = app.Amira, start = ApiCalls.Iso(start), packageRecordId = record["id"]!.GetValue<Guid>() }).OkAsync();
        return (record, booked["id"]!.GetValue<Guid>());
    }

    private async Task<JsonNode> SessionOneAsync(JsonNode record) =>
        (await _http.GetAsync($"/api/v1/package-records/{record["id"]}").OkAsync())["sessions"]!.AsArray().Single(s => s!["number"]!.GetValue<int>() == 1)!;

    private async Task<string> LastNoteAsync(JsonNode record) =>
        (await _http.GetAsync($"/api/v1/package-records/{record["id"]}/history").OkAsync()).AsArray()[^1]!["note"]!.GetValue<string>();

    [Fact]
    public async Task PutAttendance_EveryField_SavedAndReadBack()
    {
        var saved = await SetAsync(checkInHoursBefore: 3, noShow: "Forfeit", lateCancellation: "Return", lateCancellationHours: 12);

        var read = await _http.GetAsync("/api/v1/settings/attendance").OkAsync();

        Assert.Equal(saved.ToJsonString(), read.ToJsonString());
        Assert.Equal((3, "Forfeit", 12), (read["checkInHoursBefore"]!.GetValue<int>(), read["noShow"]!.GetValue<string>(), read["lateCancellationHours"]!.GetValue<int>()));
    }

    [Fact]
    public async Task PutAttendance_MissingFields_400ListingThem()
    {
        var problem = await _http.PutAsync("/api/v1/settings/attendance", ApiCalls.Json("""{"noShow":"Forfeit"}""")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("missing: checkInHoursBefore, lateCancellation, lateCancellationHours.", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"checkInHoursBefore":169,"noShow":"Return","lateCancellation":"Return","lateCancellationHours":24}""")]
    [InlineData("""{"checkInHoursBefore":null,"noShow":"Return","lateCancellation":"Return","lateCancellationHours":-1}""")]
    public async Task PutAttendance_OutOfRange_422(string body)
    {
        await _http.PutAsync("/api/v1/settings/attendance", ApiCalls.Json(body)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task PostNoShow_ForfeitPolicy_SessionUsedUpAndHistorySaysForfeited()
    {
        await SetAsync(noShow: "Forfeit");
        var (record, appointment) = await BookedFromCourseAsync("Absent Abe", PackageDesk.Monday.AddHours(-1)); // 07:00 today: started

        await _http.PostAsync($"/api/v1/appointments/{appointment}/no-show", null).OkAsync();

        var session = await SessionOneAsync(record);
        Assert.Equal(("Redeemed", true), (session["state"]!.GetValue<string>(), session["forfeited"]!.GetValue<bool>()));
        Assert.Equal("Session 1 forfeited: no-show", await LastNoteAsync(record));
    }

    [Fact]
    public async Task PostNoShow_ReturnPolicy_SessionGivenBack()
    {
        await SetAsync(noShow: "Return");
        var (record, appointment) = await BookedFromCourseAsync("Absent Bea", PackageDesk.Monday.AddHours(-2));

        await _http.PostAsync($"/api/v1/appointments/{appointment}/no-show", null).OkAsync();

        var session = await SessionOneAsync(record);
        Assert.Equal(("Free", false), (session["state"]!.GetValue<string>(), session["forfeited"]!.GetValue<bool>()));
        Assert.Equal("Session 1 given back: no-show", await LastNoteAsync(record));
    }

    [Fact]
    public async Task PostCancel_WithinTheLateWindowAndForfeitPolicy_SessionForfeited()
    {
        await SetAsync(lateCancellation: "Forfeit", lateCancellationHours: 24);
        var (record, appointment) = await BookedFromCourseAsync("Late Lou", PackageDesk.At(1, 7)); // 23 hours ahead

        await _http.PostJsonAsync($"/api/v1/appointments/{appointment}/cancel", new { reason = "busy" }).OkAsync();

        Assert.True((await SessionOneAsync(record))["forfeited"]!.GetValue<bool>());
        Assert.Equal("Session 1 forfeited: late cancellation (less than 24 h before)", await LastNoteAsync(record));
    }

    [Fact]
    public async Task PostCancel_BeforeTheLateWindowWithForfeitPolicy_SessionGivenBack()
    {
        await SetAsync(lateCancellation: "Forfeit", lateCancellationHours: 24);
        var (record, appointment) = await BookedFromCourseAsync("Early Eli", PackageDesk.At(3, 10));

        await _http.PostJsonAsync($"/api/v1/appointments/{appointment}/cancel", new { reason = "busy" }).OkAsync();

        Assert.Equal("Free", (await SessionOneAsync(record))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostCheckIn_SettingOpensTwoDaysBefore_TomorrowsAppointmentCheckedIn()
    {
        await SetAsync(checkInHoursBefore: 48);
        var (_, appointment) = await BookedFromCourseAsync("Keen Kai", PackageDesk.At(1, 15));

        var checkedIn = await _http.PostAsync($"/api/v1/appointments/{appointment}/check-in", null).OkAsync();

        Assert.Equal("CheckedIn", checkedIn["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostCheckIn_SettingOpensOneHourBefore_ThreeHoursEarly422()
    {
        await SetAsync(checkInHoursBefore: 1);
        var (_, appointment) = await BookedFromCourseAsync("Eager Ed", PackageDesk.Monday.AddHours(3));

        var problem = await _http.PostAsync($"/api/v1/appointments/{appointment}/check-in", null).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("1 hour before the start", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
