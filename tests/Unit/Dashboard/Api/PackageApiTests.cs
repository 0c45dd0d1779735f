using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Unit.Dashboard.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using FrontDesk.Dashboard.Security;

namespace FrontDesk.Tests.Unit.Dashboard.Api;

/// <summary>The app as Program.cs builds it (Development, demo data off) on a temp SQLite file, time fixed at Monday 23 Nov 2026 08:00 London.</summary>
public sealed class PackageApiApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fdl-pkgapi-" + Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = new(PackageDesk.Monday);
    public Guid Laser { get; } = ServiceId.New().Value;
    public Guid Massage { get; } = ServiceId.New().Value;
    public Guid Amira { get; } = ProviderId.New().Value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Dashboard", $"Data Source={Path.Combine(_directory, "dashboard.db")}");
        builder.UseSetting("DemoData:Enabled", "false");
        builder.UseSetting("Api:Keys:0", ApiFactory.ManagerKey);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Every client sends the configured manager key.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiFactory.ManagerKey);
    }

    public async Task InitializeAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var laser = new Service(new ServiceId(Laser), "Laser hair removal", TimeSpan.FromMinutes(60), new Money(80m, "GBP"), "Laser");
        var massage = new Service(new ServiceId(Massage), "Swedish massage", TimeSpan.FromMinutes(60), new Money(120m, "GBP"), "Massage");
        db.Services.AddRange(laser, massage);
        db.Providers.Add(new Provider(new ProviderId(Amira), "Amira Haddad", [laser.Id, massage.Id],
            Enum.GetValues<DayOfWeek>().Select(d => new WorkingShift(d, new TimeOnly(0, 0), new TimeOnly(23, 59)))));
        await db.SaveChangesAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // cleaned with the temp directory later
        }
    }
}

public sealed class PackageApiTests(PackageApiApp app) : IClassFixture<PackageApiApp>
{
    private readonly HttpClient _http = app.CreateClient();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonNode> BodyAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private async Task<Guid> NewClientAsync(string name = "Alice Archer")
    {
        var response = await _http.PostAsJsonAsync("/api/v1/clients", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await BodyAsync(response))["id"]!.GetValue<Guid>();
    }

    private async Task<Guid> NewTemplateAsync(object body)
    {
        var response = await _http.PostAsJsonAsync("/api/v1/package-templates", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await BodyAsync(response))["id"]!.GetValue<Guid>();
    }

    private Task<Guid> NewCourseAsync(int sessions = 5) =>
        NewTemplateAsync(new { name = "Laser course", kind = "Course", serviceIds = new[] { app.Laser }, sessions, price = 250m });

    private async Task<JsonNode> SellAsync(Guid client, Guid template, decimal price = 250m, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/clients/{client}/packages")
        {
            Content = JsonContent.Create(new { templateId = template, mode = "Paid", payments = new[] { new { method = "Card", amount = price } } }),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await BodyAsync(response);
    }

    private async Task SetOnlineAsync(bool on)
    {
        var response = await _http.PutAsJsonAsync("/api/v1/settings/packages", new { redemptionPolicy = "AtCheckOut", redeemOnline = on });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(on, (await BodyAsync(response))["redeemOnline"]!.GetValue<bool>());
    }

    private Task<HttpResponseMessage> BookAsync(Guid client, int day, Guid? recordId = null, int? sessionNumber = null, Guid? service = null) =>
        _http.PostAsJsonAsync("/api/v1/appointments", new
        {
            clientId = client,
            serviceId = service ?? app.Laser,
            providerId = app.Amira,
            start = PackageDesk.At(day, 10).ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
            packageRecordId = recordId,
            sessionNumber,
        });

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await BodyAsync(response);
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()), "a problem says what is wrong");
    }

    [Fact]
    public async Task PostTemplate_Course_Returns201AndTheListShowsIt()
    {
        var response = await _http.PostAsJsonAsync("/api/v1/package-templates", new { name = "Laser x6", kind = "Course", serviceIds = new[] { app.Laser }, sessions = 6, price = 300m });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await BodyAsync(response);
        Assert.Equal($"/api/v1/package-templates/{created["id"]}", response.Headers.Location?.ToString());
        Assert.Equal(("Course", "Sessions", 6m), (created["kind"]!.GetValue<string>(), created["valueType"]!.GetValue<string>(), created["value"]!.GetValue<decimal>()));
        var list = (await BodyAsync(await _http.GetAsync("/api/v1/package-templates"))).AsArray();
        Assert.Contains(list, t => t!["id"]!.GetValue<Guid>() == created["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task PostTemplate_FixedMix_Returns201WithItsLines()
    {
        var response = await _http.PostAsJsonAsync("/api/v1/package-templates", new
        {
            name = "1 laser + 2 massages",
            kind = "Fixed",
            lines = new[] { new { serviceId = app.Laser, count = 1 }, new { serviceId = app.Massage, count = 2 } },
            price = 280m,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, (await BodyAsync(response))["lines"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("Sessions", 10)]
    [InlineData("Minutes", 240)]
    [InlineData("Amount", 300)]
    [InlineData("Unlimited", 0)]
    public async Task PostTemplate_AnyFromList_Returns201ForEachValueType(string valueType, decimal value)
    {
        var response = await _http.PostAsJsonAsync("/api/v1/package-templates", new { name = $"Any {valueType}", kind = "AnyFromList", valueType, serviceIds = new[] { app.Massage }, value, price = 200m, expiryMonths = 2 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await BodyAsync(response);
        Assert.Equal(valueType, created["valueType"]!.GetValue<string>());
        Assert.Equal(("Months", 2), (created["expiryUnit"]!.GetValue<string>(), created["expiryLength"]!.GetValue<int>()));
    }

    public static TheoryData<string, HttpStatusCode> BadTemplates() => new()
    {
        { """{"name":"x","price":10}""", HttpStatusCode.BadRequest }, // no kind
        { """{"name":"x","kind":"Bogus","price":10}""", HttpStatusCode.BadRequest },
        { """{"name":"x","kind":"Course",""", HttpStatusCode.BadRequest }, // malformed JSON
        { """{"name":"x","kind":"Course","serviceIds":["SERVICE"],"sessions":5,"price":-1}""", HttpStatusCode.BadRequest },
        { """{"name":"x","kind":"Course","serviceIds":["SERVICE"],"price":10}""", HttpStatusCode.BadRequest }, // no sessions
        { """{"name":"x","kind":"Course","serviceIds":["SERVICE"],"sessions":5}""", HttpStatusCode.BadRequest }, // no price
        { """{"name":"","kind":"Course","serviceIds":["SERVICE"],"sessions":5,"price":10}""", HttpStatusCode.BadRequest },
        { """{"name":"x","kind":"AnyFromList","valueType":"Amount","serviceIds":["SERVICE"],"value":0,"price":10}""", HttpStatusCode.BadRequest },
        { """{"name":"x","kind":"AnyFromList","valueType":"Minutes","allServices":true,"value":30,"price":10,"expiryDays":3,"expiryMonths":1}""", HttpStatusCode.BadRequest },
        { """{"name":"x","kind":"Course","serviceIds":["SERVICE"],"sessions":5,"price":10,"restrictions":{"weekdays":[],"from":"13:00","to":"10:00","fixedDates":[]}}""", HttpStatusCode.BadRequest },
        { """{"name":"x","kind":"Course","serviceIds":["00000000-0000-0000-0000-000000000001"],"sessions":5,"price":10}""", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(BadTemplates))]
    public async Task PostTemplate_BadInput_IsAProblemNever500(string body, HttpStatusCode status)
    {
        var response = await _http.PostAsync("/api/v1/package-templates", Json(body.Replace("SERVICE", app.Laser.ToString())));

        await AssertProblemAsync(response, status);
    }

    [Fact]
    public async Task PostClientPackage_PaidCourse_Returns201AndShowsGreenCircles()
    {
        var client = await NewClientAsync();
        var template = await NewCourseAsync(sessions: 4);

        var sold = await SellAsync(client, template);
        var records = (await BodyAsync(await _http.GetAsync($"/api/v1/clients/{client}/packages"))).AsArray();

        var record = Assert.Single(records)!;
        Assert.Equal(sold["id"]!.GetValue<Guid>(), record["id"]!.GetValue<Guid>());
        var sessions = record["sessions"]!.AsArray();
        Assert.Equal(new[] { 1, 2, 3, 4 }, sessions.Select(s => s!["number"]!.GetValue<int>()));
        Assert.All(sessions, s =>
        {
            Assert.Equal("Free", s!["state"]!.GetValue<string>());
            Assert.Null(s["appointmentId"]);
        });
        Assert.Null(record["balance"]);
    }

    [Fact]
    public async Task PostClientPackage_AmountCredit_ShowsItsBalance()
    {
        var client = await NewClientAsync();
        var template = await NewTemplateAsync(new { name = "Massage credit", kind = "AnyFromList", valueType = "Amount", serviceIds = new[] { app.Massage }, value = 300m, price = 250m });

        await SellAsync(client, template);
        var record = (await BodyAsync(await _http.GetAsync($"/api/v1/clients/{client}/packages"))).AsArray().Single()!;

        var balance = record["balance"]!;
        Assert.Equal((300m, 0m, 0m, 300m), (balance["total"]!.GetValue<decimal>(), balance["held"]!.GetValue<decimal>(), balance["used"]!.GetValue<decimal>(), balance["remaining"]!.GetValue<decimal>()));
        Assert.Empty(record["sessions"]!.AsArray());
    }

    [Fact]
    public async Task PostClientPackage_Complimentary_NeedsAReason()
    {
        var client = await NewClientAsync();
        var template = await NewCourseAsync();

        var refused = await _http.PostAsJsonAsync($"/api/v1/clients/{client}/packages", new { templateId = template, mode = "Complimentary" });
        var given = await _http.PostAsJsonAsync($"/api/v1/clients/{client}/packages", new { templateId = template, mode = "Complimentary", reason = "birthday" });

        await AssertProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        Assert.Equal("Complimentary", (await BodyAsync(given))["mode"]!.GetValue<string>());
    }

    public static TheoryData<string, HttpStatusCode> BadSales() => new()
    {
        { """{"templateId":"TEMPLATE"}""", HttpStatusCode.BadRequest }, // no mode
        { """{"mode":"Paid","payments":[{"method":"Card","amount":250}]}""", HttpStatusCode.BadRequest }, // no template
        { """{"templateId":"TEMPLATE","mode":"Paid"}""", HttpStatusCode.BadRequest }, // no payments
        { """{"templateId":"TEMPLATE","mode":"Paid","payments":[{"method":"Card","amount":100}]}""", HttpStatusCode.UnprocessableEntity }, // short
        { """{"templateId":"TEMPLATE","mode":"Paid","payments":[{"method":"Cheque","amount":250}]}""", HttpStatusCode.BadRequest },
        { """{"templateId":"TEMPLATE","mode":"Paid","payments":[{"amount":250}]}""", HttpStatusCode.BadRequest },
        { """{"templateId":"TEMPLATE","mode":"Transfer"}""", HttpStatusCode.BadRequest },
        { """{"templateId":"TEMPLATE","mode":"Unpaid","payments":[{"method":"Card","amount":250}]}""", HttpStatusCode.BadRequest },
        { """{"templateId":"00000000-0000-0000-0000-000000000002","mode":"Unpaid"}""", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(BadSales))]
    public async Task PostClientPackage_BadInput_IsAProblemAndSellsNothing(string body, HttpStatusCode status)
    {
        var client = await NewClientAsync();
        var template = await NewCourseAsync();

        var response = await _http.PostAsync($"/api/v1/clients/{client}/packages", Json(body.Replace("TEMPLATE", template.ToString())));

        await AssertProblemAsync(response, status);
        Assert.Empty((await BodyAsync(await _http.GetAsync($"/api/v1/clients/{client}/packages"))).AsArray());
    }

    [Fact]
    public async Task PostClientPackage_UnknownClient_Is404()
    {
        var template = await NewCourseAsync();

        var response = await _http.PostAsJsonAsync($"/api/v1/clients/{Guid.NewGuid()}/packages", new { templateId = template, mode = "Unpaid" });

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostClientPackage_DisabledTemplate_Is422()
    {
        var client = await NewClientAsync();
        var template = await NewCourseAsync();
        await app.Services.GetRequiredService<FrontDesk.Dashboard.Packages.PackageService>().SetTemplateActiveAsync(template, false, Caller.System("test"));

        var response = await _http.PostAsJsonAsync($"/api/v1/clients/{client}/packages", new { templateId = template, mode = "Unpaid" });

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task PostAppointment_WithARecordWhileOnlineRedemptionIsOff_Is422AndBooksNothing()
    {
        await SetOnlineAsync(false);
        var client = await NewClientAsync();
        var record = await SellAsync(client, await NewCourseAsync());

        var response = await BookAsync(client, 1, record["id"]!.GetValue<Guid>(), 1);

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var sessions = (await BodyAsync(await _http.GetAsync($"/api/v1/package-records/{record["id"]}")))["sessions"]!.AsArray();
        Assert.All(sessions, s => Assert.Equal("Free", s!["state"]!.GetValue<string>()));
    }

    [Fact]
    public async Task PostAppointment_WithARecordWhileOnlineRedemptionIsOn_BooksTheCircle()
    {
        await SetOnlineAsync(true);
        var client = await NewClientAsync();
        var record = await SellAsync(client, await NewCourseAsync());
        var recordId = record["id"]!.GetValue<Guid>();

        var response = await BookAsync(client, 2, recordId, 3);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booked = await BodyAsync(response);
        Assert.Equal((recordId, 3), (booked["packageRecordId"]!.GetValue<Guid>(), booked["packageSession"]!.GetValue<int>()));
        var session = (await BodyAsync(await _http.GetAsync($"/api/v1/clients/{client}/packages"))).AsArray().Single()!["sessions"]!.AsArray().Single(s => s!["number"]!.GetValue<int>() == 3)!;
        Assert.Equal(("Booked", booked["id"]!.GetValue<Guid>()), (session["state"]!.GetValue<string>(), session["appointmentId"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task PostAppointment_WithoutARecordWhileOnlineRedemptionIsOn_UsesTheBestValidRecord()
    {
        await SetOnlineAsync(true);
        var client = await NewClientAsync();
        var record = await SellAsync(client, await NewCourseAsync());

        var response = await BookAsync(client, 3);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booked = await BodyAsync(response);
        Assert.Equal(record["id"]!.GetValue<Guid>(), booked["packageRecordId"]!.GetValue<Guid>());
        Assert.Equal(80m, booked["packageCovers"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task PostAppointment_WithoutARecordWhileOnlineRedemptionIsOff_IsASingleBooking()
    {
        await SetOnlineAsync(false);
        var client = await NewClientAsync();
        await SellAsync(client, await NewCourseAsync());

        var response = await BookAsync(client, 4);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Null((await BodyAsync(response))["packageRecordId"]);
    }

    [Fact]
    public async Task PostClientPackage_SameIdempotencyKeyTwice_ReplaysTheFirstAndSellsOnce()
    {
        var client = await NewClientAsync();
        var template = await NewCourseAsync();
        var key = "sale-" + Guid.NewGuid();
        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/clients/{client}/packages")
            {
                Content = JsonContent.Create(new { templateId = template, mode = "Paid", payments = new[] { new { method = "Card", amount = 250m } } }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        var first = await _http.SendAsync(Request());
        var second = await _http.SendAsync(Request());

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Single((await BodyAsync(await _http.GetAsync($"/api/v1/clients/{client}/packages"))).AsArray());
    }

    [Fact]
    public async Task IdempotencyKey_ReusedOnAnotherEndpoint_Is409AndDoesNothing()
    {
        var client = await NewClientAsync();
        var template = await NewCourseAsync();
        var key = "k-" + Guid.NewGuid();
        await SellAsync(client, template, key: key);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/package-templates") { Content = Json($$"""{"name":"Other","kind":"Course","serviceIds":["{{app.Laser}}"],"sessions":3,"price":10}""") };
        request.Headers.Add("Idempotency-Key", key);
        var before = (await BodyAsync(await _http.GetAsync("/api/v1/package-templates"))).AsArray().Count;

        var response = await _http.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(before, (await BodyAsync(await _http.GetAsync("/api/v1/package-templates"))).AsArray().Count);
    }

    [Fact]
    public async Task FreezeTransferCancelHistory_ThroughTheApi_ShowEveryStep()
    {
        var alice = await NewClientAsync();
        var bob = await NewClientAsync("Bob Baker");
        var record = await SellAsync(alice, await NewCourseAsync());
        var id = record["id"]!.GetValue<Guid>();

        var frozen = await _http.PostAsJsonAsync($"/api/v1/package-records/{id}/freeze", new { from = "2026-12-01", to = "2026-12-07" });
        var transfer = await _http.PostAsJsonAsync($"/api/v1/package-records/{id}/transfer", new { toClientId = bob });
        var received = (await BodyAsync(transfer))["to"]!["id"]!.GetValue<Guid>();
        var cancelled = await _http.PostAsJsonAsync($"/api/v1/package-records/{received}/cancel", new { reason = "refunded" });
        var again = await _http.PostAsJsonAsync($"/api/v1/package-records/{received}/cancel", new { reason = "refunded" });
        var history = (await BodyAsync(await _http.GetAsync($"/api/v1/package-records/{id}/history"))).AsArray();
        var receivedHistory = (await BodyAsync(await _http.GetAsync($"/api/v1/package-records/{received}/history"))).AsArray();

        Assert.Equal(HttpStatusCode.OK, frozen.StatusCode);
        Assert.Single((await BodyAsync(frozen))["freezes"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, transfer.StatusCode);
        Assert.Equal("Cancelled", (await BodyAsync(cancelled))["status"]!.GetValue<string>());
        await AssertProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(new[] { "Purchase", "Freeze", "TransferOut" }, history.Select(e => e!["kind"]!.GetValue<string>()));
        Assert.Equal(new[] { "TransferIn", "Cancel" }, receivedHistory.Select(e => e!["kind"]!.GetValue<string>()));
    }

    public static TheoryData<string, string, HttpStatusCode> BadRecordCommands() => new()
    {
        { "freeze", """{"from":"2026-12-07"}""", HttpStatusCode.BadRequest },
        { "freeze", """{"from":"2026-12-07","to":"2026-12-01"}""", HttpStatusCode.BadRequest },
        { "freeze", """{"from":"yesterday","to":"2026-12-01"}""", HttpStatusCode.BadRequest },
        { "transfer", """{}""", HttpStatusCode.BadRequest },
        { "transfer", """{"toClientId":"00000000-0000-0000-0000-000000000003"}""", HttpStatusCode.NotFound },
        { "cancel", """{}""", HttpStatusCode.BadRequest },
        { "adjust", """{"delta":-99,"reason":"oops"}""", HttpStatusCode.UnprocessableEntity },
    };

    [Theory]
    [MemberData(nameof(BadRecordCommands))]
    public async Task RecordCommand_BadInput_IsAProblemNever500(string command, string body, HttpStatusCode status)
    {
        var record = await SellAsync(await NewClientAsync(), await NewCourseAsync());

        var response = await _http.PostAsync($"/api/v1/package-records/{record["id"]}/{command}", Json(body));

        await AssertProblemAsync(response, status);
    }

    [Theory]
    [InlineData("freeze")]
    [InlineData("transfer")]
    [InlineData("cancel")]
    [InlineData("history")]
    public async Task RecordCommand_UnknownRecord_Is404(string command)
    {
        var unknown = Guid.NewGuid();
        var client = await NewClientAsync();

        var response = command == "history"
            ? await _http.GetAsync($"/api/v1/package-records/{unknown}/history")
            : await _http.PostAsync($"/api/v1/package-records/{unknown}/{command}", Json($$"""{"from":"2026-12-01","to":"2026-12-02","toClientId":"{{client}}","reason":"x"}"""));

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetLiability_AtAPastMomentAndNow_ReplaysTheLedger()
    {
        var before = PackageDesk.Monday.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz");
        var baseline = (await BodyAsync(await _http.GetAsync($"/api/v1/reports/liability?at={Uri.EscapeDataString(before)}")))["total"]!.GetValue<decimal>();
        var nowBefore = (await BodyAsync(await _http.GetAsync("/api/v1/reports/liability")))["total"]!.GetValue<decimal>();

        await SellAsync(await NewClientAsync(), await NewCourseAsync(), key: null);
        var now = (await BodyAsync(await _http.GetAsync("/api/v1/reports/liability")))["total"]!.GetValue<decimal>();
        var past = (await BodyAsync(await _http.GetAsync($"/api/v1/reports/liability?at={Uri.EscapeDataString(before)}")))["total"]!.GetValue<decimal>();

        Assert.Equal(0m, baseline);
        Assert.Equal(nowBefore + 250m, now);
        Assert.Equal(0m, past);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-11-23T10:00:00")]
    public async Task GetLiability_BadAt_Is400(string at)
    {
        var response = await _http.GetAsync($"/api/v1/reports/liability?at={Uri.EscapeDataString(at)}");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PutSettings_UnknownPolicy_Is400()
    {
        var response = await _http.PutAsync("/api/v1/settings/packages", Json("""{"redemptionPolicy":"Never","redeemOnline":true}"""));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
