using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FrontDesk.Dashboard.Live;
using FrontDesk.Tests.Unit.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Api;

/// <summary>
/// Every POST of the API, sent twice with one Idempotency-Key: the second answer is the first
/// (status, body, Location), marked replayed, and the database is exactly as the first left it.
/// The list of POSTs comes from the endpoint data source, so a new POST without a case here (or
/// without exactly-once behaviour) fails.
/// </summary>
public sealed class IdempotencyApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    /// <summary>POSTs that are not commands on the clinic's data, and why they may run twice.</summary>
    private static readonly Dictionary<string, string> NotCommands = new()
    {
        ["POST /api/v1/backups"] = "a backup is a copy of the data, not a change; a retry takes a newer copy",
        ["POST /api/v1/sales/{id}/receipt/email"] = "sending a receipt changes no data; asked again (a client lost the email, a retry after a mail-server failure) it sends the receipt again, which is what the desk wants",
    };

    private sealed record Request(string Path, HttpContent? Body);

    private int _n;

    /// <summary>Arranges what the POST needs and gives the request to send (a fresh content each call).</summary>
    private Dictionary<string, Func<Task<Func<Request>>>> Cases() => new()
    {
        ["POST /api/v1/api-keys"] = async () => Json("/api/v1/api-keys", new { name = $"Till {Next()}", role = "Receptionist" }),
        ["POST /api/v1/api-keys/{id}/revoke"] = async () =>
        {
            using var created = await app.Http.PostAsync("/api/v1/api-keys", ApiFactory.Json(new { name = $"Old till {Next()}", role = "Receptionist" }));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetProperty("id").GetGuid();
            return Json($"/api/v1/api-keys/{id}/revoke", null);
        },
        ["POST /api/v1/package-templates"] = async () => Json("/api/v1/package-templates", Course($"Course {Next()}")),
        ["POST /api/v1/clients/{id}/packages"] = async () =>
        {
            var (client, template) = (await ClientAsync(), await CreatedAsync("/api/v1/package-templates", Course($"Course {Next()}")));
            return Json($"/api/v1/clients/{client}/packages", Sale(template));
        },
        ["POST /api/v1/package-records/{id}/freeze"] = async () => Json($"/api/v1/package-records/{await RecordAsync()}/freeze", new { from = "2030-01-10", to = "2030-01-20" }),
        ["POST /api/v1/package-records/{id}/unfreeze"] = async () =>
        {
            var record = await RecordAsync();
            await CreatedAsync($"/api/v1/package-records/{record}/freeze", new { from = "2030-01-10", to = "2030-01-20" }, expectId: false);
            return Json($"/api/v1/package-records/{record}/unfreeze", null);
        },
        ["POST /api/v1/package-records/{id}/payments"] = async () =>
        {
            var (client, template) = (await ClientAsync(), await CreatedAsync("/api/v1/package-templates", Course($"Course {Next()}")));
            var record = await CreatedAsync($"/api/v1/clients/{client}/packages", new { templateId = template, mode = "Unpaid" });
            return Json($"/api/v1/package-records/{record}/payments", new { payments = new[] { new { method = "Cash", amount = 100m } } });
        },
        ["POST /api/v1/package-records/{id}/expiry"] = async () => Json($"/api/v1/package-records/{await RecordAsync()}/expiry", new { expiresOn = "2030-06-30", reason = "Kind gesture" }),
        ["POST /api/v1/package-records/{id}/transfer"] = async () => Json($"/api/v1/package-records/{await RecordAsync()}/transfer", new { toClientId = await ClientAsync() }),
        ["POST /api/v1/package-records/{id}/adjust"] = async () => Json($"/api/v1/package-records/{await RecordAsync()}/adjust", new { delta = 2m, reason = "Goodwill" }),
        ["POST /api/v1/package-records/{id}/cancel"] = async () => Json($"/api/v1/package-records/{await RecordAsync()}/cancel", new { reason = "Moved away" }),
        ["POST /api/v1/services"] = async () => Json("/api/v1/services", Service($"Service {Next()}")),
        ["POST /api/v1/providers"] = async () => Json("/api/v1/providers", Provider($"Provider {Next()}")),
        ["POST /api/v1/resources"] = async () => Json("/api/v1/resources", new { name = $"Room {Next()}", kind = "Room", active = true }),
        ["POST /api/v1/closures"] = async () => Json("/api/v1/closures", new { date = $"2031-{1 + Next() % 12:00}-{1 + Next() % 28:00}", reason = "Holiday" }),
        ["POST /api/v1/appointments"] = async () => Json("/api/v1/appointments", await BookingAsync()),
        ["POST /api/v1/appointments/{id}/check-in"] = async () => Json($"/api/v1/appointments/{await AppointmentAsync(app.NextTodaySlot())}/check-in", new { }),
        ["POST /api/v1/appointments/{id}/check-out"] = async () =>
        {
            var appointment = await AppointmentAsync(app.NextTodaySlot());
            await CreatedAsync($"/api/v1/appointments/{appointment}/check-in", new { }, expectId: false);
            return Json($"/api/v1/appointments/{appointment}/check-out", new { payments = new[] { new { method = "Card", amount = 60m } } });
        },
        ["POST /api/v1/appointments/{id}/no-show"] = async () => Json($"/api/v1/appointments/{await AppointmentAsync(app.NextPastSlot())}/no-show", null),
        ["POST /api/v1/appointments/{id}/cancel"] = async () => Json($"/api/v1/appointments/{await AppointmentAsync(app.NextFutureSlot())}/cancel", new { reason = "Ill" }),
        ["POST /api/v1/appointments/{id}/move"] = async () =>
        {
            var appointment = await AppointmentAsync(app.NextFutureSlot());
            return Json($"/api/v1/appointments/{appointment}/move", new { start = ApiFactory.Iso(app.NextFutureSlot()), overrideAvailability = true });
        },
        ["POST /api/v1/appointments/{id}/package"] = async () =>
        {
            // API keys book as the online channel would only when online redemption is on.
            using (var online = await app.Http.PutAsJsonAsync("/api/v1/settings/packages", new { redemptionPolicy = "AtCheckOut", redeemOnline = true }))
            {
                Assert.Equal(HttpStatusCode.OK, online.StatusCode);
            }
            var record = await RecordAsync(service: app.Clinic.Massage.Id.Value, client: app.Clinic.Olivia.Id.Value);
            var appointment = (await app.BookAsync(app.NextFutureSlot())).GetProperty("id").GetGuid();
            return Json($"/api/v1/appointments/{appointment}/package", new { packageRecordId = record });
        },
        ["POST /api/v1/products"] = async () => Json("/api/v1/products", Membership($"Season {Next()}")),
        ["POST /api/v1/inventory/arrivals"] = async () => Json("/api/v1/inventory/arrivals", new { lines = new[] { new { productId = await ProductAsync(stock: 0), quantity = 3 } }, note = "Printer" }),
        ["POST /api/v1/inventory/write-offs"] = async () => Json("/api/v1/inventory/write-offs", new { lines = new[] { new { productId = await ProductAsync(stock: 2), quantity = 1 } }, note = "Damaged" }),
        ["POST /api/v1/inventory/sales"] = async () =>
        {
            var product = await ProductAsync(stock: 2);
            return Json("/api/v1/inventory/sales", new { lines = new[] { new { productId = product, quantity = 1, code = $"ONCE-{Next()}" } }, payments = new[] { new { method = "Card", amount = 150m } } });
        },
        ["POST /api/v1/memberships/{code}/use"] = async () =>
        {
            var code = await MembershipSoldAsync();
            return Json($"/api/v1/memberships/{code}/use", new { appointmentId = await AppointmentAsync(app.NextFutureSlot()) });
        },
        ["POST /api/v1/memberships/{code}/give-back"] = async () =>
        {
            var code = await MembershipSoldAsync();
            var appointment = await AppointmentAsync(app.NextFutureSlot());
            using (var used = await app.Http.PostAsJsonAsync($"/api/v1/memberships/{code}/use", new { appointmentId = appointment }))
            {
                Assert.True(used.IsSuccessStatusCode, await used.Content.ReadAsStringAsync());
            }
            return Json($"/api/v1/memberships/{code}/give-back", new { appointmentId = appointment });
        },
        ["POST /api/v1/memberships/{code}/assign"] = async () => Json($"/api/v1/memberships/{await MembershipSoldAsync()}/assign", new { clientId = await ClientAsync() }),
        ["POST /api/v1/numbering-sequences"] = async () => Json("/api/v1/numbering-sequences", new { kind = "Receipt", prefix = $"R{Next() % 1000}-", nextNumber = 1 + Next() % 1000, yearlyReset = false }),
        ["POST /api/v1/quote-templates"] = async () => Json("/api/v1/quote-templates", QuoteTemplate($"Plan {Next()}")),
        ["POST /api/v1/quote-templates/{id}/active"] = async () => Json($"/api/v1/quote-templates/{await CreatedAsync("/api/v1/quote-templates", QuoteTemplate($"Plan {Next()}"))}/active", new { active = false }),
        ["POST /api/v1/clients/{id}/quotes"] = async () => Json($"/api/v1/clients/{await ClientAsync()}/quotes", new { templateId = await CreatedAsync("/api/v1/quote-templates", QuoteTemplate($"Plan {Next()}")), description = "Once plan", autoNumber = true }),
        ["POST /api/v1/quotes/{id}/confirm"] = async () => Json($"/api/v1/quotes/{await QuoteAsync(confirmed: false)}/confirm", null),
        ["POST /api/v1/quotes/{id}/close"] = async () => Json($"/api/v1/quotes/{await QuoteAsync(confirmed: true)}/close", null),
        ["POST /api/v1/quotes/{id}/cancel"] = async () => Json($"/api/v1/quotes/{await QuoteAsync(confirmed: false)}/cancel", null),
        ["POST /api/v1/quotes/{id}/sales"] = async () => Json($"/api/v1/quotes/{await QuoteAsync(confirmed: true)}/sales", new { items = new[] { new { itemId = 1, quantity = 1 } }, payments = new[] { new { method = "Card", amount = 50m } } }),
        ["POST /api/v1/clients/{id}/service-sales"] = async () => Json($"/api/v1/clients/{await ClientAsync()}/service-sales", new { serviceIds = new[] { app.Clinic.Massage.Id.Value }, payments = new[] { new { method = "Card", amount = 60m } } }),
        ["POST /api/v1/sales"] = async () => Json("/api/v1/sales", new { clientId = await ClientAsync(), lines = new[] { new { type = "Service", itemId = app.Clinic.Massage.Id.Value } }, payments = new[] { new { method = "Card", amount = 20m } } }),
        ["POST /api/v1/sales/{id}/payments"] = async () => Json($"/api/v1/sales/{await OpenSaleAsync()}/payments", new { payments = new[] { new { method = "Cash", amount = 10m } } }),
        ["POST /api/v1/sales/{id}/refunds"] = async () => Json($"/api/v1/sales/{await OpenSaleAsync()}/refunds", new { lines = new[] { new { lineNumber = 1, quantity = 1 } }, reason = "Changed mind" }),
        ["POST /api/v1/clients"] = async () => Json("/api/v1/clients", Client(Next())),
        ["POST /api/v1/clients/{id}/merge"] = async () => Json($"/api/v1/clients/{await ClientAsync()}/merge", new { intoClientId = await ClientAsync() }),
        ["POST /api/v1/clients/{id}/erase"] = async () => Json($"/api/v1/clients/{await ClientAsync()}/erase", null),
        ["POST /api/v1/clients/import"] = async () =>
        {
            var n = Next();
            var csv = $"name,phone,email\nImported {n},07800 {n:000000},imported{n}@example.com\n";
            return () => new Request("/api/v1/clients/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        },
    };

    /// <summary>A sale of one massage (60.00) to a new client, 20.00 paid: 40.00 owed.</summary>
    private async Task<Guid> OpenSaleAsync() =>
        await CreatedAsync("/api/v1/sales", new { clientId = await ClientAsync(), lines = new[] { new { type = "Service", itemId = app.Clinic.Massage.Id.Value } }, payments = new[] { new { method = "Card", amount = 20m } } });

    public static TheoryData<string> PostEndpoints() => new(new IdempotencyApiTests(null!).Cases().Keys.OrderBy(k => k, StringComparer.Ordinal));

    [Fact]
    public void Cases_EveryPostOfTheApi_HasACaseOrAReason()
    {
        var mapped = Posts(app.Services);
        var cases = Cases().Keys.Concat(NotCommands.Keys).ToHashSet();

        Assert.True(mapped.Count >= 20, $"only {mapped.Count} POST endpoints found");
        var uncovered = mapped.Where(m => !cases.Contains(m)).ToList();
        var stale = cases.Where(c => !mapped.Contains(c)).ToList();
        Assert.Empty(uncovered);
        Assert.Empty(stale);
    }

    [Theory]
    [MemberData(nameof(PostEndpoints))]
    public async Task Post_SameKeyTwice_OneChangeAndTheSameAnswer(string endpoint)
    {
        var request = await Cases()[endpoint]();
        var key = "once-" + Guid.NewGuid();

        using var first = await SendAsync(request(), key);
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.True(first.IsSuccessStatusCode, $"{endpoint}: {(int)first.StatusCode} {firstBody}");
        var afterFirst = DatabaseFingerprint.Of(app.DatabaseFile);
        using var second = await SendAsync(request(), key);

        Assert.Equal(afterFirst, DatabaseFingerprint.Of(app.DatabaseFile));
        if (endpoint == "POST /api/v1/api-keys")
        {
            // A key's secret is shown once and never stored: the retry is told the key exists.
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
            Assert.Contains("shown only once", await second.Content.ReadAsStringAsync());
            return;
        }
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(firstBody, await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal("true", Assert.Single(second.Headers.GetValues("Idempotent-Replayed")));
    }

    [Fact]
    public async Task PostClients_SameKeyDifferentBody_Is422AndChangesNothing()
    {
        var key = "once-" + Guid.NewGuid();
        using var first = await SendAsync(Json("/api/v1/clients", Client(Next()))(), key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var before = DatabaseFingerprint.Of(app.DatabaseFile);

        using var second = await SendAsync(Json("/api/v1/clients", Client(Next()))(), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Contains("different request body", await second.Content.ReadAsStringAsync());
        Assert.Equal(before, DatabaseFingerprint.Of(app.DatabaseFile));
    }

    [Fact]
    public async Task PostClients_ConcurrentCopiesWithOneKey_RegisterOneClient()
    {
        var key = "once-" + Guid.NewGuid();
        var body = Client(Next());

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var response = await SendAsync(Json("/api/v1/clients", body)(), key);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.Equal(201, a.Item1));
        Assert.Single(answers.Select(a => a.Item2).Distinct());
        var list = await app.Http.GetFromJsonAsync<JsonElement>($"/api/v1/clients?search={Uri.EscapeDataString(body.name)}");
        Assert.Equal(1, CountNamed(list, body.name));
    }

    [Fact]
    public async Task PostClients_Replayed_AnnouncesNothingOnTheLiveFeed()
    {
        var feed = app.Services.GetRequiredService<ILiveFeed>();
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var marker = new TaskCompletionSource();
        var markerName = $"Marker {Guid.NewGuid():N}";
        using var subscription = feed.Subscribe(batch =>
        {
            foreach (var e in batch.OfType<ClientRegisteredLive>())
            {
                seen.Enqueue(e.Name);
                if (e.Name == markerName)
                {
                    marker.TrySetResult();
                }
            }
            return Task.CompletedTask;
        });
        var body = Client(Next());
        var key = "once-" + Guid.NewGuid();

        using (await SendAsync(Json("/api/v1/clients", body)(), key))
        using (await SendAsync(Json("/api/v1/clients", body)(), key))
        using (await SendAsync(Json("/api/v1/clients", body)(), key))
        using (await SendAsync(Json("/api/v1/clients", new { name = markerName, phone = "", email = "", notes = "" })(), "once-" + Guid.NewGuid()))
        {
        }
        // Deliveries after the first wait out the coalescing window on the (fake) clock.
        for (var i = 0; i < 50 && !marker.Task.IsCompleted; i++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(marker.Task, Task.Delay(100));
        }

        Assert.True(marker.Task.IsCompleted, "the marker was never announced");
        Assert.Single(seen, n => n == body.name);
    }

    private static int CountNamed(JsonElement list, string name)
    {
        var items = list.ValueKind == JsonValueKind.Array ? list : list.GetProperty("items");
        return items.EnumerateArray().Count(c => c.GetProperty("name").GetString() == name);
    }

    private async Task<HttpResponseMessage> SendAsync(Request request, string key)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Path) { Content = request.Body };
        message.Headers.Add("Idempotency-Key", key);
        return await app.Http.SendAsync(message);
    }

    private static Func<Request> Json(string path, object? body) =>
        () => new Request(path, body is null ? null : ApiFactory.Json(body));

    private int Next() => Interlocked.Increment(ref _n) + (Environment.TickCount & 0xFFFF) * 100;

    private static ClientBody Client(int n) => new($"Once client {n}-{Guid.NewGuid():N}", "", "", "");

    private sealed record ClientBody(string name, string phone, string email, string notes);

    private object Course(string name, Guid? service = null) =>
        new { name, kind = "Course", serviceIds = new[] { service ?? app.Clinic.Massage.Id.Value }, sessions = 5, price = 100m };

    private static object Sale(Guid template) => new { templateId = template, mode = "Paid", payments = new[] { new { method = "Card", amount = 100m } } };

    private object Service(string name) => new { name, activity = "Once", tags = Array.Empty<string>(), durationMinutes = 30, price = 10m, bufferMinutes = 0, resourceIds = Array.Empty<Guid>(), providerIds = Array.Empty<Guid>(), bookableOnline = false, active = true };

    private static object Provider(string name) => new { name, title = "Therapist", serviceIds = Array.Empty<Guid>(), active = true };

    private object Membership(string name) =>
        new { name, price = 150m, isMembership = true, membership = new { validityDays = 90, serviceIds = new[] { app.Clinic.Massage.Id.Value }, visits = 10 } };

    private async Task<Guid> ProductAsync(int stock)
    {
        var product = await CreatedAsync("/api/v1/products", Membership($"Season {Next()}"));
        if (stock > 0)
        {
            await CreatedAsync("/api/v1/inventory/arrivals", new { lines = new[] { new { productId = product, quantity = stock } }, note = "Printer" });
        }
        return product;
    }

    /// <summary>A bearer membership sold with a code of its own.</summary>
    private async Task<string> MembershipSoldAsync()
    {
        var code = $"ONCE-{Next()}";
        await CreatedAsync("/api/v1/inventory/sales", new { lines = new[] { new { productId = await ProductAsync(stock: 1), quantity = 1, code } }, payments = new[] { new { method = "Card", amount = 150m } } });
        return code;
    }

    private object QuoteTemplate(string name) =>
        new { name, items = new[] { new { serviceId = app.Clinic.Massage.Id.Value, quantity = 3, price = 50m } }, validityDays = 30 };

    private async Task<Guid> QuoteAsync(bool confirmed)
    {
        var template = await CreatedAsync("/api/v1/quote-templates", QuoteTemplate($"Plan {Next()}"));
        var quote = await CreatedAsync($"/api/v1/clients/{await ClientAsync()}/quotes", new { templateId = template, description = "Once plan" });
        if (confirmed)
        {
            await CreatedAsync($"/api/v1/quotes/{quote}/confirm", new { }, expectId: false);
        }
        return quote;
    }

    private Task<Guid> ClientAsync() => CreatedAsync("/api/v1/clients", Client(Next()));

    private async Task<Guid> RecordAsync(Guid? service = null, Guid? client = null)
    {
        var template = await CreatedAsync("/api/v1/package-templates", Course($"Course {Next()}", service));
        return await CreatedAsync($"/api/v1/clients/{client ?? await ClientAsync()}/packages", Sale(template));
    }

    private async Task<object> BookingAsync(DateTimeOffset? start = null) => new
    {
        clientId = await ClientAsync(),
        serviceId = app.Clinic.Massage.Id.Value,
        providerId = app.Clinic.AllDay.Id.Value,
        start = ApiFactory.Iso(start ?? app.NextFutureSlot()),
        overrideAvailability = true,
    };

    private async Task<Guid> AppointmentAsync(DateTimeOffset start) => await CreatedAsync("/api/v1/appointments", await BookingAsync(start));

    private async Task<Guid> CreatedAsync(string path, object body, bool expectId = true)
    {
        using var response = await app.Http.PostAsync(path, ApiFactory.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"arrange {path}: {(int)response.StatusCode} {text}");
        return expectId ? JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid() : Guid.Empty;
    }

    private static List<string> Posts(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => "POST " + System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, @"\{(\w+)(:[^}]*)?\}", "{$1}"))
            .Distinct()
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
}
