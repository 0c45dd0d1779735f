using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FrontDesk.Dashboard.Live;
using FrontDesk.Tests.Unit.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Api;

/// <summary>
/// Setting a clinic up by API: services, providers, schedules, rooms and machines, closures and
/// availability, on the real app. Monday 7 January 2030 08:00 in London (on UTC in January).
/// Each test makes the providers and services it uses, so tests sharing the app never meet.
/// </summary>
public sealed class CatalogApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _http = app.Http;

    /// <summary>Tuesday 8 January 2030 at hh:mm in London.</summary>
    private static string Tuesday(int hour, int minute = 0) => ApiCalls.Iso(A.At(8, hour, minute));

    private async Task<Guid> ServiceAsync(string name, int minutes = 60, object[]? resources = null, Guid[]? providers = null, int buffer = 0) =>
        (await _http.PostJsonAsync("/api/v1/services", new
        {
            name, activity = "Testing", tags = new[] { "t" }, durationMinutes = minutes, price = 50m, bufferMinutes = buffer,
            resourceIds = resources ?? [], providerIds = providers ?? [], bookableOnline = true, active = true,
        }).OkAsync())["id"]!.GetValue<Guid>();

    /// <summary>A provider working Monday to Friday 09:00-17:00 with a break 12:00-12:30.</summary>
    private async Task<Guid> ProviderAsync(string name, params Guid[] services)
    {
        var id = (await _http.PostJsonAsync("/api/v1/providers", new { name, title = "Therapist", serviceIds = services, active = true }).OkAsync())["id"]!.GetValue<Guid>();
        var weekly = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }
            .Select(d => new { weekday = d, start = "09:00", end = "17:00", breaks = new[] { new { start = "12:00", end = "12:30" } } });
        await _http.PutAsJsonAsync($"/api/v1/providers/{id}/schedule", new { weekly, exceptions = Array.Empty<object>() }).OkAsync();
        return id;
    }

    private Task<HttpResponseMessage> BookAsync(Guid service, Guid provider, string start, object? extra = null)
    {
        // Every booking here is Olivia's, at times other tests use too: her own clashes are not the point.
        var body = new JsonObject { ["clientId"] = app.Clinic.Olivia.Id.Value, ["serviceId"] = service, ["providerId"] = provider, ["start"] = start, ["overrideClientClash"] = true };
        foreach (var (key, value) in extra is null ? [] : JsonSerializerNode(extra))
        {
            body[key] = value;
        }
        return _http.PostAsync("/api/v1/appointments", ApiCalls.Json(body.ToJsonString()));
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> JsonSerializerNode(object value) =>
        System.Text.Json.JsonSerializer.SerializeToNode(value)!.AsObject().Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value?.DeepClone()));

    // ---- services ----

    [Fact]
    public async Task PostService_EveryField_CreatedAndReadBackWithItsProviders()
    {
        var provider = await ProviderAsync("Svc Reader");
        var room = (await _http.PostJsonAsync("/api/v1/resources", new { name = "Reader room", kind = "Room" }).OkAsync())["id"]!.GetValue<Guid>();

        var created = await _http.PostJsonAsync("/api/v1/services", new
        {
            name = "Peel", activity = "Beauty", tags = new[] { "skin" }, durationMinutes = 45, price = 90m, bufferMinutes = 15,
            resourceIds = new[] { room }, providerIds = new[] { provider }, bookableOnline = false, active = true, colour = "#00897B",
        }).OkAsync();

        var read = await _http.GetAsync($"/api/v1/services/{created["id"]}").OkAsync();
        Assert.Equal(("Peel", "Beauty", 45, 90m, 15, "#00897b", false, true), (read["name"]!.GetValue<string>(), read["activity"]!.GetValue<string>(), read["durationMinutes"]!.GetValue<int>(), read["price"]!.GetValue<decimal>(), read["bufferMinutes"]!.GetValue<int>(), read["colour"]!.GetValue<string>(), read["bookableOnline"]!.GetValue<bool>(), read["active"]!.GetValue<bool>()));
        Assert.Equal([room], read["resourceIds"]!.AsArray().Select(r => r!.GetValue<Guid>()));
        Assert.Equal([provider], read["providerIds"]!.AsArray().Select(r => r!.GetValue<Guid>()));
    }

    [Fact]
    public async Task PutService_ProviderIds_EditsWhatTheProvidersPerform()
    {
        var first = await ProviderAsync("Svc First");
        var second = await ProviderAsync("Svc Second");
        var service = await ServiceAsync("Svc moved", providers: [first]);

        await _http.PutAsJsonAsync($"/api/v1/services/{service}", new
        {
            name = "Svc moved", activity = "Testing", tags = Array.Empty<string>(), durationMinutes = 60, price = 50m, bufferMinutes = 0,
            resourceIds = Array.Empty<Guid>(), providerIds = new[] { second }, bookableOnline = true, active = true,
        }).OkAsync();

        Assert.DoesNotContain(service, (await _http.GetAsync($"/api/v1/providers/{first}").OkAsync())["serviceIds"]!.AsArray().Select(s => s!.GetValue<Guid>()));
        Assert.Contains(service, (await _http.GetAsync($"/api/v1/providers/{second}").OkAsync())["serviceIds"]!.AsArray().Select(s => s!.GetValue<Guid>()));
    }

    [Fact]
    public async Task PutService_FieldLeftOut_400NamingItAndNothingChanged()
    {
        var service = await ServiceAsync("Svc partial");

        var problem = await _http.PutAsJsonAsync($"/api/v1/services/{service}", new { name = "Renamed" }).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("missing: activity", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Svc partial", (await _http.GetAsync($"/api/v1/services/{service}").OkAsync())["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task PutService_BufferOver240_400AndNothingChanged()
    {
        var service = await ServiceAsync("Svc buffer");

        var problem = await _http.PutAsJsonAsync($"/api/v1/services/{service}", new
        {
            name = "Svc buffer", activity = "Testing", tags = Array.Empty<string>(), durationMinutes = 60, price = 50m, bufferMinutes = 241,
            resourceIds = Array.Empty<Guid>(), providerIds = Array.Empty<Guid>(), bookableOnline = true, active = true,
        }).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("bufferMinutes", problem["field"]!.GetValue<string>());
        Assert.Equal(0, (await _http.GetAsync($"/api/v1/services/{service}").OkAsync())["bufferMinutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task PutServiceInactive_ThenBook_422AndTheOldAppointmentKeepsIt()
    {
        var service = await ServiceAsync("Svc retired");
        var provider = await ProviderAsync("Svc Retirer", service);
        var old = (await BookAsync(service, provider, Tuesday(9)).OkAsync())["id"]!.GetValue<Guid>();

        await _http.PutAsJsonAsync($"/api/v1/services/{service}", new
        {
            name = "Svc retired", activity = "Testing", tags = Array.Empty<string>(), durationMinutes = 60, price = 50m, bufferMinutes = 0,
            resourceIds = Array.Empty<Guid>(), providerIds = new[] { provider }, bookableOnline = true, active = false,
        }).OkAsync();

        var problem = await BookAsync(service, provider, Tuesday(14)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Svc retired is inactive", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Svc retired", (await _http.GetAsync($"/api/v1/appointments/{old}").OkAsync())["serviceName"]!.GetValue<string>());
        Assert.False((await _http.GetAsync($"/api/v1/services/{service}").OkAsync())["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PostPackageTemplate_InactiveService_422NamingIt()
    {
        var service = await ServiceAsync("Svc unsold");
        await _http.PutAsJsonAsync($"/api/v1/services/{service}", new
        {
            name = "Svc unsold", activity = "Testing", tags = Array.Empty<string>(), durationMinutes = 60, price = 50m, bufferMinutes = 0,
            resourceIds = Array.Empty<Guid>(), providerIds = Array.Empty<Guid>(), bookableOnline = true, active = false,
        }).OkAsync();

        var problem = await _http.PostJsonAsync("/api/v1/package-templates", new { name = "Unsold x5", kind = "Course", serviceIds = new[] { service }, sessions = 5, price = 200m })
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("Svc unsold is inactive", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteService_NeverUsed_204AndGone()
    {
        var service = await ServiceAsync("Svc typo");

        using var deleted = await _http.DeleteAsync($"/api/v1/services/{service}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await _http.GetAsync($"/api/v1/services/{service}").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteService_WithAnAppointment_409AndKept()
    {
        var service = await ServiceAsync("Svc used");
        var provider = await ProviderAsync("Svc User", service);
        await BookAsync(service, provider, Tuesday(10)).OkAsync();

        var problem = await _http.DeleteAsync($"/api/v1/services/{service}").ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("deactivate it instead", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await _http.GetAsync($"/api/v1/services/{service}").OkAsync();
    }

    // ---- providers ----

    [Fact]
    public async Task PutProvider_TitleColourOrder_ReadBack()
    {
        var provider = await ProviderAsync("Prov Profile");

        await _http.PutAsJsonAsync($"/api/v1/providers/{provider}", new { name = "Prov Profile", title = "Senior therapist", serviceIds = Array.Empty<Guid>(), active = true, colour = "#c2185b", order = 7 }).OkAsync();

        var read = await _http.GetAsync($"/api/v1/providers/{provider}").OkAsync();
        Assert.Equal(("Senior therapist", "#c2185b", 7, true), (read["title"]!.GetValue<string>(), read["colour"]!.GetValue<string>(), read["order"]!.GetValue<int>(), read["active"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task DeleteProvider_WithAnAppointment_409()
    {
        var service = await ServiceAsync("Prov kept service");
        var provider = await ProviderAsync("Prov Kept", service);
        await BookAsync(service, provider, Tuesday(11)).OkAsync();

        await _http.DeleteAsync($"/api/v1/providers/{provider}").ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task DeleteProvider_NeverBooked_204()
    {
        var provider = await ProviderAsync("Prov Typo");

        using var deleted = await _http.DeleteAsync($"/api/v1/providers/{provider}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    // ---- schedules ----

    [Fact]
    public async Task PutSchedule_WeeklyBreaksAndExceptions_ReadBackAsGiven()
    {
        var provider = await ProviderAsync("Sched Reader");

        await _http.PutAsJsonAsync($"/api/v1/providers/{provider}/schedule", new
        {
            weekly = new object[]
            {
                new { weekday = "Monday", start = "09:00", end = "17:00", breaks = new[] { new { start = "12:00", end = "12:30" } } },
                new { weekday = "Saturday", start = "10:00", end = "24:00", breaks = Array.Empty<object>() },
            },
            exceptions = new object[]
            {
                new { date = "2030-01-08", off = true, reason = "Dentist" },
                new { date = "2030-01-13", start = "10:00", end = "14:00" },
            },
        }).OkAsync();

        var read = await _http.GetAsync($"/api/v1/providers/{provider}/schedule").OkAsync();
        Assert.Equal(
            """[{"weekday":"Monday","start":"09:00","end":"17:00","breaks":[{"start":"12:00","end":"12:30"}]},{"weekday":"Saturday","start":"10:00","end":"24:00","breaks":[]}]""",
            read["weekly"]!.ToJsonString());
        Assert.Equal(
            """[{"date":"2030-01-08","off":true,"start":null,"end":null,"breaks":[],"reason":"Dentist"},{"date":"2030-01-13","off":false,"start":"10:00","end":"14:00","breaks":[],"reason":""}]""",
            read["exceptions"]!.ToJsonString());
    }

    [Fact]
    public async Task PutSchedule_BreakOutsideTheHours_400SayingSoAndScheduleUnchanged()
    {
        var provider = await ProviderAsync("Sched Refused");
        var before = (await _http.GetAsync($"/api/v1/providers/{provider}/schedule").OkAsync()).ToJsonString();

        var problem = await _http.PutAsJsonAsync($"/api/v1/providers/{provider}/schedule", new
        {
            weekly = new[] { new { weekday = "Monday", start = "09:00", end = "17:00", breaks = new[] { new { start = "16:30", end = "17:30" } } } },
            exceptions = Array.Empty<object>(),
        }).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Monday: the break 16:30-17:30 is not inside the working hours 09:00-17:00.", problem["detail"]!.GetValue<string>());
        Assert.Equal(before, (await _http.GetAsync($"/api/v1/providers/{provider}/schedule").OkAsync()).ToJsonString());
    }

    [Theory]
    [InlineData("""{"weekly":[{"weekday":"Monday","start":"9am","end":"17:00","breaks":[]}],"exceptions":[]}""")]
    [InlineData("""{"weekly":[{"weekday":"Funday","start":"09:00","end":"17:00","breaks":[]}],"exceptions":[]}""")]
    [InlineData("""{"weekly":[{"weekday":"Monday","start":"24:00","end":"17:00","breaks":[]}],"exceptions":[]}""")]
    [InlineData("""{"weekly":[],"exceptions":[{"date":"2030-01-08"}]}""")]
    [InlineData("""{"weekly":[],"exceptions":[{"date":"2030-01-08","off":true,"start":"09:00","end":"12:00"}]}""")]
    [InlineData("""{"weekly":[],"exceptions":[{"date":"8 Jan 2030","off":true}]}""")]
    [InlineData("""{"weekly":[]}""")]
    public async Task PutSchedule_BadInput_400(string body)
    {
        var provider = await ProviderAsync("Sched Bad " + Guid.NewGuid().ToString("N")[..6]);

        await _http.PutAsync($"/api/v1/providers/{provider}/schedule", ApiCalls.Json(body)).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Book_OnADayOff_422WithTheReason()
    {
        var service = await ServiceAsync("Off service");
        var provider = await ProviderAsync("Off Person", service);
        await _http.PutAsJsonAsync($"/api/v1/providers/{provider}/schedule", new
        {
            weekly = new[] { new { weekday = "Tuesday", start = "09:00", end = "17:00", breaks = Array.Empty<object>() } },
            exceptions = new[] { new { date = "2030-01-08", off = true, reason = "Sick day" } },
        }).OkAsync();

        var problem = await BookAsync(service, provider, Tuesday(10)).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith("Off Person is off on Tue 8 Jan (Sick day).", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_InABreakWithOverrideAvailability_CreatedAndTheOverrideRecorded()
    {
        var service = await ServiceAsync("Break service");
        var provider = await ProviderAsync("Break Person", service);

        var booked = await BookAsync(service, provider, Tuesday(12), new { overrideAvailability = true }).OkAsync();

        Assert.Equal(["InBreak"], booked["overriddenRules"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Book_NotPerformedWithTheOldOverrideName_CreatedAndTheOverrideRecorded()
    {
        var service = await ServiceAsync("Alias service");
        var provider = await ProviderAsync("Alias Person");

        var booked = await BookAsync(service, provider, Tuesday(10), new { overrideWorkingHours = true }).OkAsync();

        Assert.Equal(["NotPerformed"], booked["overriddenRules"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    // ---- resources ----

    [Fact]
    public async Task PostResource_ThenPut_KindAndActiveReadBack()
    {
        var id = (await _http.PostJsonAsync("/api/v1/resources", new { name = "Res laser", kind = "Machine" }).OkAsync())["id"]!.GetValue<Guid>();

        await _http.PutAsJsonAsync($"/api/v1/resources/{id}", new { name = "Res laser 2", kind = "Machine", active = false }).OkAsync();

        var read = await _http.GetAsync($"/api/v1/resources/{id}").OkAsync();
        Assert.Equal(("Res laser 2", "Machine", false), (read["name"]!.GetValue<string>(), read["kind"]!.GetValue<string>(), read["active"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task PostResource_UnknownKind_400()
    {
        await _http.PostJsonAsync("/api/v1/resources", """{"name":"Res odd","kind":"Boat"}""").ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Book_TwoProvidersAndTheOnlyMachine_SecondRefused409NamingTheMachine()
    {
        var machine = (await _http.PostJsonAsync("/api/v1/resources", new { name = "Laser machine 1", kind = "Machine" }).OkAsync())["id"]!.GetValue<Guid>();
        var service = await ServiceAsync("Res laser treatment", minutes: 30, resources: [machine], buffer: 15);
        var chloe = await ProviderAsync("Res Chloe", service);
        var farah = await ProviderAsync("Res Farah", service);
        await BookAsync(service, chloe, Tuesday(10)).OkAsync();

        var problem = await BookAsync(service, farah, Tuesday(10, 30)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("The Laser machine 1 (Machine) is taken 10:00-10:45 by another appointment.", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteResource_UsedByAnAppointment_409AndUnusedOne204()
    {
        var used = (await _http.PostJsonAsync("/api/v1/resources", new { name = "Res used room", kind = "Room" }).OkAsync())["id"]!.GetValue<Guid>();
        var unused = (await _http.PostJsonAsync("/api/v1/resources", new { name = "Res spare room", kind = "Room" }).OkAsync())["id"]!.GetValue<Guid>();
        var service = await ServiceAsync("Res room treatment", resources: [used]);
        var provider = await ProviderAsync("Res Roomer", service);
        await BookAsync(service, provider, Tuesday(15)).OkAsync();

        await _http.DeleteAsync($"/api/v1/resources/{used}").ProblemAsync(HttpStatusCode.Conflict);
        using var deleted = await _http.DeleteAsync($"/api/v1/resources/{unused}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    // ---- closures ----

    [Fact]
    public async Task PostClosure_ThenBookThatDay_422Closed()
    {
        var service = await ServiceAsync("Closure service");
        var provider = await ProviderAsync("Closure Person", service);
        await _http.PostJsonAsync("/api/v1/closures", new { date = "2030-01-16", reason = "Staff training" }).OkAsync();

        var problem = await BookAsync(service, provider, ApiCalls.Iso(A.At(16, 10))).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith("The business is closed on Wed 16 Jan (Staff training).", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostClosure_SameDateTwice_409()
    {
        await _http.PostJsonAsync("/api/v1/closures", new { date = "2030-02-18", reason = "Holiday" }).OkAsync();

        await _http.PostJsonAsync("/api/v1/closures", new { date = "2030-02-18", reason = "Again" }).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task DeleteClosure_Existing_204AndNoLongerListed()
    {
        await _http.PostJsonAsync("/api/v1/closures", new { date = "2030-02-19", reason = "Holiday" }).OkAsync();

        using var deleted = await _http.DeleteAsync("/api/v1/closures/2030-02-19");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var listed = await _http.GetAsync("/api/v1/closures?from=2030-02-19&to=2030-02-19").OkAsync();
        Assert.Empty(listed.AsArray());
    }

    [Theory]
    [InlineData("/api/v1/closures/2030-02-30")]
    [InlineData("/api/v1/closures/tomorrow")]
    [InlineData("/api/v1/closures/2030-02-20")]
    public async Task DeleteClosure_BadOrUnknownDate_4xx(string path)
    {
        using var response = await _http.DeleteAsync(path);

        Assert.True((int)response.StatusCode is 400 or 404, $"{path}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    // ---- availability ----

    [Fact]
    public async Task GetAvailability_OneProvider_StartsAroundTheBreakAndEveryOneBooks()
    {
        var service = await ServiceAsync("Avail service");
        var provider = await ProviderAsync("Avail Person", service);

        var starts = (await _http.GetAsync($"/api/v1/availability?serviceId={service}&providerId={provider}&from=2030-01-08&to=2030-01-08").OkAsync()).AsArray();

        var times = starts.Select(s => s!["start"]!.GetValue<string>()).ToList();
        Assert.Equal("2030-01-08T09:00:00+00:00", times[0]);
        Assert.Contains("2030-01-08T11:00:00+00:00", times);
        Assert.DoesNotContain("2030-01-08T11:15:00+00:00", times);
        Assert.Equal("2030-01-08T16:00:00+00:00", times[^1]);
        await BookAsync(service, provider, "2030-01-08T12:30:00+00:00").OkAsync();
        await BookAsync(service, provider, "2030-01-08T11:15:00+00:00").ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task GetAvailability_AnyProvider_ListsEveryProviderWhoPerformsIt()
    {
        var service = await ServiceAsync("Avail any");
        var first = await ProviderAsync("Avail First", service);
        var second = await ProviderAsync("Avail Second", service);
        await BookAsync(service, first, Tuesday(9)).OkAsync();

        var starts = (await _http.GetAsync($"/api/v1/availability?serviceId={service}&from=2030-01-08&to=2030-01-08").OkAsync()).AsArray();

        var at9 = starts.Where(s => s!["start"]!.GetValue<string>() == "2030-01-08T09:00:00+00:00").Select(s => s!["providerId"]!.GetValue<Guid>());
        Assert.Equal([second], at9);
        Assert.Contains(starts, s => s!["providerId"]!.GetValue<Guid>() == first);
    }

    [Theory]
    [InlineData("from=2030-01-08&to=2030-01-08")]
    [InlineData("serviceId=nope&from=2030-01-08&to=2030-01-08")]
    [InlineData("serviceId={service}&from=2030-01-08")]
    [InlineData("serviceId={service}&from=2030-01-08&to=2030-03-08")]
    [InlineData("serviceId={service}&from=2030-01-09&to=2030-01-08")]
    [InlineData("serviceId={service}&from=08/01/2030&to=2030-01-08")]
    [InlineData("serviceId={service}&from=9999-12-01&to=9999-12-02")]
    [InlineData("serviceId={service}&from=2030-01-08&to=2030-01-08&step=0")]
    [InlineData("serviceId=00000000-0000-0000-0000-000000000000&from=2030-01-08&to=2030-01-08")]
    [InlineData("serviceId={service}&providerId=00000000-0000-0000-0000-000000000000&from=2030-01-08&to=2030-01-08")]
    public async Task GetAvailability_BadQuery_4xxProblem(string query)
    {
        using var response = await _http.GetAsync("/api/v1/availability?" + query.Replace("{service}", app.Clinic.Massage.Id.ToString(), StringComparison.Ordinal));

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{query}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    // ---- live ----

    [Fact]
    public async Task PutProvider_Committed_CatalogChangedOnTheLiveFeed()
    {
        var provider = await ProviderAsync("Live Person");
        var seen = new TaskCompletionSource<CatalogChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = app.Services.GetRequiredService<ILiveFeed>().Subscribe(batch =>
        {
            if (batch.OfType<CatalogChanged>().FirstOrDefault(c => c.Id == provider) is { } change)
            {
                seen.TrySetResult(change);
            }
            return Task.CompletedTask;
        });

        await _http.PutAsJsonAsync($"/api/v1/providers/{provider}", new { name = "Live Person", title = "", serviceIds = Array.Empty<Guid>(), active = false }).OkAsync();

        var change = await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(CatalogPart.Providers, change.Part);
    }
}
