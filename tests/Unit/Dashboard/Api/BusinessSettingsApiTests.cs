using System.Net;
using System.Net.Http.Json;

namespace FrontDesk.Tests.Unit.Dashboard.Api;

/// <summary>
/// GET/PUT /api/v1/settings/business: a PUT gives every field; bad values answer 422 with the
/// fields named, and nothing changes. Each test sets what it relies on (the app is shared).
/// </summary>
public sealed class BusinessSettingsApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private const string Path = "/api/v1/settings/business";

    private static object Week(string opens = "09:00", string closes = "17:00") =>
        Enum.GetValues<DayOfWeek>().Select(d => new { weekday = d.ToString(), open = d != DayOfWeek.Sunday, opens, closes }).ToArray();

    private static object Settings(string name = "Harbour Physio", string timeZone = "Europe/Berlin", string currency = "EUR", string culture = "de-DE", object? hours = null) =>
        new { name, timeZone, currency, culture, hours = hours ?? Week() };

    [Fact]
    public async Task PutBusiness_EveryField_SavedAndReadBack()
    {
        await app.Http.PutAsJsonAsync(Path, Settings()).OkAsync();

        var read = await app.Http.GetAsync(Path).OkAsync();

        Assert.Equal(("Harbour Physio", "Europe/Berlin", "EUR", "de-DE"), (read["name"]!.GetValue<string>(), read["timeZone"]!.GetValue<string>(), read["currency"]!.GetValue<string>(), read["culture"]!.GetValue<string>()));
        var monday = read["hours"]!.AsArray().Single(h => h!["weekday"]!.GetValue<string>() == "Monday")!;
        var sunday = read["hours"]!.AsArray().Single(h => h!["weekday"]!.GetValue<string>() == "Sunday")!;
        Assert.Equal(("09:00", "17:00", false), (monday["opens"]!.GetValue<string>(), monday["closes"]!.GetValue<string>(), sunday["open"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task PutBusiness_MissingFields_400ListingThem()
    {
        var problem = await app.Http.PutAsync(Path, ApiCalls.Json("""{"name":"Harbour Physio"}""")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("missing: timeZone, currency, culture, hours.", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutBusiness_BadZoneCurrencyAndCulture_422NamingEachFieldAndNothingChanges()
    {
        await app.Http.PutAsJsonAsync(Path, Settings()).OkAsync();
        var before = (await app.Http.GetAsync(Path).OkAsync()).ToJsonString();

        var problem = await app.Http.PutAsJsonAsync(Path, Settings(timeZone: "Mars/Base", currency: "XYZ", culture: "zz-ZZ")).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        var errors = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Equal(["timeZone", "currency", "culture"], errors);
        Assert.Equal(before, (await app.Http.GetAsync(Path).OkAsync()).ToJsonString());
    }

    [Fact]
    public async Task PutBusiness_ClosingBeforeOpening_422OnThatDay()
    {
        var problem = await app.Http.PutAsJsonAsync(Path, Settings(hours: Week(opens: "18:00", closes: "09:00"))).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("hours.monday", problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task PutBusiness_UnreadableTime_422OnThatDay()
    {
        var hours = Enum.GetValues<DayOfWeek>().Select(d => new { weekday = d.ToString(), open = true, opens = d == DayOfWeek.Friday ? "nine" : "09:00", closes = "17:00" }).ToArray();

        var problem = await app.Http.PutAsJsonAsync(Path, Settings(hours: hours)).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("hours.friday", problem["field"]!.GetValue<string>());
    }
}
