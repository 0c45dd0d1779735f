using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FrontDesk.Tests.Unit.Dashboard.Support;

namespace FrontDesk.Tests.Unit.Dashboard.Api;

/// <summary>
/// Package rules of the seeds through the API: attach and detach, pay an unpaid record,
/// unfreeze, change the expiry by hand, bounds on freezes and values, and liability of an
/// unlimited package. Monday 23 Nov 2026 08:00 London.
/// </summary>
public sealed class PackageRulesApiTests(PackageApiApp app) : IClassFixture<PackageApiApp>
{
    private readonly HttpClient _http = app.CreateClient();

    private async Task<Guid> NewClientAsync(string name) =>
        (await _http.PostJsonAsync("/api/v1/clients", new { name }).OkAsync())["id"]!.GetValue<Guid>();

    private async Task<Guid> NewTemplateAsync(object body) =>
        (await _http.PostJsonAsync("/api/v1/package-templates", body).OkAsync())["id"]!.GetValue<Guid>();

    private Task<Guid> CourseAsync(int? expiryMonths = null) =>
        NewTemplateAsync(new { name = "Laser x5", kind = "Course", serviceIds = new[] { app.Laser }, sessions = 5, price = 250m, expiryMonths });

    private Task<JsonNode> SellAsync(Guid client, Guid template, decimal price = 250m) =>
        _http.PostJsonAsync($"/api/v1/clients/{client}/packages", new { templateId = template, mode = "Paid", payments = new[] { new { method = "Card", amount = price } } }).OkAsync();

    private Task<JsonNode> BookSingleAsync(Guid client, int day, int hour = 10) =>
        _http.PostJsonAsync("/api/v1/appointments", new { clientId = client, serviceId = app.Laser, providerId = app.Amira, start = ApiCalls.Iso(PackageDesk.At(day, hour)) }).OkAsync();

    private async Task SetOnlineAsync(bool on) =>
        await _http.PutAsJsonAsync("/api/v1/settings/packages", new { redemptionPolicy = "AtCheckOut", redeemOnline = on }).OkAsync();

    private Task<JsonNode> RecordAsync(JsonNode record) => _http.GetAsync($"/api/v1/package-records/{record["id"]}").OkAsync();

    private static string SessionState(JsonNode record, int number) =>
        record["sessions"]!.AsArray().Single(s => s!["number"]!.GetValue<int>() == number)!["state"]!.GetValue<string>();

    private static DateOnly Date(JsonNode? node) => DateOnly.Parse(node!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<decimal> LiabilityAsync(DateTimeOffset? at = null) =>
        (await _http.GetAsync(at is { } a ? $"/api/v1/reports/liability?at={Uri.EscapeDataString(ApiCalls.Iso(a))}" : "/api/v1/reports/liability").OkAsync())["total"]!.GetValue<decimal>();

    [Fact]
    public async Task PostAppointmentPackage_SingleBooking_TakesTheSessionAndNothingIsDue()
    {
        await SetOnlineAsync(true);
        var client = await NewClientAsync("Attach Ava");
        var record = await SellAsync(client, await CourseAsync());
        var single = await BookSingleAsync(client, 2);

        var attached = await _http.PostJsonAsync($"/api/v1/appointments/{single["id"]}/package", new { packageRecordId = record["id"]!.GetValue<Guid>(), sessionNumber = 3 }).OkAsync();

        Assert.Equal(record["id"]!.GetValue<Guid>(), attached["packageRecordId"]!.GetValue<Guid>());
        Assert.Equal((3, 80m), (attached["packageSession"]!.GetValue<int>(), attached["packageCovers"]!.GetValue<decimal>()));
        Assert.Equal("Booked", SessionState(await RecordAsync(record), 3));
    }

    [Fact]
    public async Task PostAppointmentPackage_AnotherClientsRecord_422AndTheBookingStaysSingle()
    {
        await SetOnlineAsync(true);
        var owner = await NewClientAsync("Owner Olga");
        var record = await SellAsync(owner, await CourseAsync());
        var single = await BookSingleAsync(await NewClientAsync("Other Otto"), 2, 11);

        var problem = await _http.PostJsonAsync($"/api/v1/appointments/{single["id"]}/package", new { packageRecordId = record["id"]!.GetValue<Guid>() }).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("another client", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null((await _http.GetAsync($"/api/v1/appointments/{single["id"]}").OkAsync())["packageRecordId"]);
        Assert.All((await RecordAsync(record))["sessions"]!.AsArray(), s => Assert.Equal("Free", s!["state"]!.GetValue<string>()));
    }

    [Fact]
    public async Task PostAppointmentPackage_WithoutPackageRecordId_400()
    {
        var single = await BookSingleAsync(await NewClientAsync("Empty Emil"), 2, 12);

        await _http.PostJsonAsync($"/api/v1/appointments/{single["id"]}/package", "{}").ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DeleteAppointmentPackage_Attached_PaidNormallyAndTheSessionIsFreeAgain()
    {
        await SetOnlineAsync(true);
        var client = await NewClientAsync("Detach Dora");
        var record = await SellAsync(client, await CourseAsync());
        var single = await BookSingleAsync(client, 3);
        await _http.PostJsonAsync($"/api/v1/appointments/{single["id"]}/package", new { packageRecordId = record["id"]!.GetValue<Guid>(), sessionNumber = 1 }).OkAsync();

        var detached = await _http.DeleteAsync($"/api/v1/appointments/{single["id"]}/package").OkAsync();

        Assert.Null(detached["packageRecordId"]);
        Assert.Equal(0m, detached["packageCovers"]!.GetValue<decimal>());
        Assert.Equal("Free", SessionState(await RecordAsync(record), 1));
    }

    [Fact]
    public async Task PostRecordPayments_UnpaidRecord_PaidAndLiabilityAndSalesFollow()
    {
        var client = await NewClientAsync("Later Lena");
        var template = await CourseAsync();
        var liabilityBefore = await LiabilityAsync();
        var salesUrl = $"/api/v1/reports/sales?from={Uri.EscapeDataString(ApiCalls.Iso(PackageDesk.Monday.Date))}&to={Uri.EscapeDataString(ApiCalls.Iso(PackageDesk.Monday.Date.AddDays(1)))}";
        var packagesBefore = (await _http.GetAsync(salesUrl).OkAsync())["revenue"]!["packages"]!.GetValue<decimal>();
        var record = await _http.PostJsonAsync($"/api/v1/clients/{client}/packages", new { templateId = template, mode = "Unpaid" }).OkAsync();
        Assert.Equal(liabilityBefore, await LiabilityAsync());

        var paid = await _http.PostJsonAsync($"/api/v1/package-records/{record["id"]}/payments", new { payments = new[] { new { method = "Cash", amount = 200m }, new { method = "Card", amount = 50m } } }).OkAsync();

        Assert.True(paid["isPaid"]!.GetValue<bool>());
        Assert.Equal(liabilityBefore + 250m, await LiabilityAsync());
        Assert.Equal(packagesBefore + 250m, (await _http.GetAsync(salesUrl).OkAsync())["revenue"]!["packages"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task PostRecordPayments_Short_422AndStillUnpaid()
    {
        var client = await NewClientAsync("Short Sam");
        var record = await _http.PostJsonAsync($"/api/v1/clients/{client}/packages", new { templateId = await CourseAsync(), mode = "Unpaid" }).OkAsync();

        await _http.PostJsonAsync($"/api/v1/package-records/{record["id"]}/payments", new { payments = new[] { new { method = "Cash", amount = 20m } } }).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.False((await RecordAsync(record))["isPaid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PostRecordPayments_AlreadyPaid_409()
    {
        var record = await SellAsync(await NewClientAsync("Paid Pia"), await CourseAsync());

        await _http.PostJsonAsync($"/api/v1/package-records/{record["id"]}/payments", new { payments = new[] { new { method = "Cash", amount = 250m } } }).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task PostUnfreeze_FreezeFromTodayOn_EndsItAndTheExpiryComesBack()
    {
        var record = await SellAsync(await NewClientAsync("Frozen Fay"), await CourseAsync(expiryMonths: 6));
        var expires = Date(record["expiresOn"]);
        var today = DateOnly.FromDateTime(PackageDesk.Monday.DateTime);
        var frozen = await _http.PostJsonAsync($"/api/v1/package-records/{record["id"]}/freeze", new { from = today, to = today.AddDays(9) }).OkAsync();
        Assert.Equal(expires.AddDays(10), Date(frozen["expiresOn"]));

        var unfrozen = await _http.PostAsync($"/api/v1/package-records/{record["id"]}/unfreeze", null).OkAsync();

        Assert.Empty(unfrozen["freezes"]!.AsArray());
        Assert.Equal(expires, Date(unfrozen["expiresOn"]));
        var history = await _http.GetAsync($"/api/v1/package-records/{record["id"]}/history").OkAsync();
        Assert.Contains("Unfrozen early: 10 unused days", history.AsArray()[^1]!["note"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostUnfreeze_NotFrozen_409()
    {
        var record = await SellAsync(await NewClientAsync("Thawed Theo"), await CourseAsync());

        await _http.PostAsync($"/api/v1/package-records/{record["id"]}/unfreeze", null).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task PostFreeze_FromTheYearOne_422AndNotFrozen()
    {
        var record = await SellAsync(await NewClientAsync("Ancient Ann"), await CourseAsync(expiryMonths: 6));

        var problem = await _http.PostJsonAsync($"/api/v1/package-records/{record["id"]}/freeze", """{"from":"0001-01-01","to":"2026-11-30"}""").ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("from", problem["field"]!.GetValue<string>());
        var stored = await RecordAsync(record);
        Assert.Empty(stored["freezes"]!.AsArray());
        Assert.Equal(Date(record["expiresOn"]), Date(stored["expiresOn"]));
    }

    [Fact]
    public async Task PostExpiry_NewDateWithReason_ChangedAndTheHistorySaysWhy()
    {
        var record = await SellAsync(await NewClientAsync("Expiry Eve"), await CourseAsync(expiryMonths: 6));

        var changed = await _http.PostJsonAsync($"/api/v1/package-records/{record["id"]}/expiry", new { expiresOn = new DateOnly(2027, 12, 31), reason = "hospital stay" }).OkAsync();

        Assert.Equal(new DateOnly(2027, 12, 31), Date(changed["expiresOn"]));
        var history = await _http.GetAsync($"/api/v1/package-records/{record["id"]}/history").OkAsync();
        Assert.EndsWith("31 Dec 2027: hospital stay", history.AsArray()[^1]!["note"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostExpiry_NeverExpires_ExpiryRemoved()
    {
        var record = await SellAsync(await NewClientAsync("Forever Finn"), await CourseAsync(expiryMonths: 6));

        var changed = await _http.PostJsonAsync($"/api/v1/package-records/{record["id"]}/expiry", new { neverExpires = true, reason = "lifetime member" }).OkAsync();

        Assert.Null(changed["expiresOn"]);
    }

    [Theory]
    [InlineData("""{"reason":"x"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"expiresOn":"2027-01-01","neverExpires":true,"reason":"x"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"expiresOn":"2027-01-01"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"expiresOn":"9999-12-31","reason":"x"}""", HttpStatusCode.UnprocessableEntity)]
    public async Task PostExpiry_BadRequest_ProblemAndUnchanged(string body, HttpStatusCode status)
    {
        var record = await SellAsync(await NewClientAsync("Bad Bea"), await CourseAsync(expiryMonths: 6));

        await _http.PostJsonAsync($"/api/v1/package-records/{record["id"]}/expiry", body).ProblemAsync(status);

        Assert.Equal(Date(record["expiresOn"]), Date((await RecordAsync(record))["expiresOn"]));
    }

    [Fact]
    public async Task PostTemplate_AmountPackageValued1e28ForTen_422()
    {
        var problem = await _http.PostJsonAsync("/api/v1/package-templates",
            $$"""{"name":"Too good","kind":"AnyFromList","valueType":"Amount","serviceIds":["{{app.Massage}}"],"value":1e28,"price":10}""").ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("value", problem["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostAdjust_DuplicateDeltaKey_400AndUnchanged()
    {
        var record = await SellAsync(await NewClientAsync("Twice Tom"), await CourseAsync());

        await _http.PostJsonAsync($"/api/v1/package-records/{record["id"]}/adjust", """{"delta":1,"reason":"x","delta":10000}""").ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(5, (await RecordAsync(record))["sessions"]!.AsArray().Count);
    }

    [Fact]
    public async Task GetLiability_UnlimitedPaid99_CountsWhatWasPaidUntilItExpires()
    {
        var sauna = await NewTemplateAsync(new { name = "Sauna month", kind = "AnyFromList", valueType = "Unlimited", serviceIds = new[] { app.Massage }, price = 99m, expiryDays = 30 });
        var lastWeek = PackageDesk.Monday.AddDays(29);
        var afterExpiry = PackageDesk.Monday.AddDays(40);
        var nowBefore = await LiabilityAsync();
        var lastWeekBefore = await LiabilityAsync(lastWeek);
        var laterBefore = await LiabilityAsync(afterExpiry);

        await SellAsync(await NewClientAsync("Sauna Sven"), sauna, 99m);

        Assert.Equal(nowBefore + 99m, await LiabilityAsync());
        Assert.Equal(lastWeekBefore + 99m, await LiabilityAsync(lastWeek));
        Assert.Equal(laterBefore, await LiabilityAsync(afterExpiry));
    }
}
