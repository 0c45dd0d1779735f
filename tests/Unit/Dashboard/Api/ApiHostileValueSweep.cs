using FrontDesk.Tests.Unit.Support;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Api;

/// <summary>
/// The sweep that once took the server down (an adjust of 2^63 sessions): the largest values
/// of every numeric type and absurd dates, in every number and date of every POST, PUT and
/// DELETE endpoint (and in their ids), each answered 4xx with a problem document within
/// seconds, nothing stored, while another desk keeps registering clients.
/// </summary>
public sealed partial class ApiBadInputTests
{
    private const string Marker = "__HOSTILE__";
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    /// <summary>long.MaxValue, 2^63, decimal.MaxValue, 1e28, int.MinValue, -1e28, beyond double.</summary>
    private static readonly string[] HostileNumbers =
        ["9223372036854775807", "9223372036854775808", "79228162514264337593543950335", "1e28", "-2147483648", "-1e28", "1e400"];

    private static readonly string[] HostileDates = ["\"0001-01-01\"", "\"3000-01-01\"", "\"9999-12-31\""];

    private static readonly string[] HostileInstants =
        ["\"0001-01-01T00:00:00Z\"", "\"3000-01-01T10:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"9999-12-31T23:59:59.9999999+00:00\""];

    /// <summary>An endpoint as mapped, the fixture its {id} stands for, and a body that is valid as it is (null: none).</summary>
    private sealed record Target(string Method, string Pattern, string Id, string? Body, params string[] ExtraHostile);

    private static IReadOnlyList<Target> Targets() =>
    [
        new("POST", "/api/v1/clients", "", """{"name":"Grace Hall","phone":"07123 456789","email":"grace@example.com","notes":"n"}"""),
        new("PUT", "/api/v1/clients/{id:guid}", "client", """{"name":"Noah Patel","phone":"07555 010101","email":"noah.sweep@example.com","dateOfBirth":"1990-05-01","notes":"n","marketingConsent":true,"active":true}"""),
        new("POST", "/api/v1/clients/{id:guid}/merge", "duplicate", """{"intoClientId":"{other}"}"""),
        new("POST", "/api/v1/clients/{id:guid}/erase", "erasable", null),
        // A text/csv body: the JSON sweep gets 415; its own bad inputs are in ClientImportApiTests.
        new("POST", "/api/v1/clients/import", "", null),
        new("POST", "/api/v1/appointments", "", """{"clientId":"{client}","serviceId":"{service}","providerId":"{provider}","start":"{slot1}","overrideWorkingHours":false,"note":"n","packageRecordId":"{course}","sessionNumber":1}"""),
        new("POST", "/api/v1/appointments/{id:guid}/package", "appointment", """{"packageRecordId":"{course}","sessionNumber":2}"""),
        new("POST", "/api/v1/appointments/{id:guid}/move", "appointment", """{"start":"{slot2}","providerId":"{provider}","overrideWorkingHours":false}"""),
        new("POST", "/api/v1/appointments/{id:guid}/check-out", "toPay", """{"payments":[{"method":"Card","amount":60}]}"""),
        new("POST", "/api/v1/appointments/{id:guid}/cancel", "toCancel", """{"reason":"client asked"}"""),
        new("POST", "/api/v1/appointments/{id:guid}/check-in", "appointment", null),
        new("POST", "/api/v1/appointments/{id:guid}/no-show", "appointment", null),
        new("DELETE", "/api/v1/appointments/{id:guid}/package", "appointment", null),
        new("POST", "/api/v1/package-templates", "", """{"name":"Spa credit","kind":"AnyFromList","valueType":"Amount","serviceIds":["{service}"],"value":200,"price":150,"discountPercent":5,"forSale":true,"expiryDays":365,"restrictions":{"weekdays":[],"firstDate":"2030-01-10","lastDate":"2030-12-31","fixedDates":[]}}"""),
        new("POST", "/api/v1/package-templates", "", """{"name":"Massage x5","kind":"Course","serviceIds":["{service}"],"sessions":5,"price":250,"expiryMonths":6}"""),
        new("POST", "/api/v1/clients/{id:guid}/packages", "client", """{"templateId":"{courseTemplate}","mode":"Paid","payments":[{"method":"Card","amount":100}]}"""),
        new("POST", "/api/v1/package-records/{id:guid}/freeze", "course", """{"from":"2030-02-01","to":"2030-02-10"}"""),
        new("POST", "/api/v1/package-records/{id:guid}/unfreeze", "course", null),
        new("POST", "/api/v1/package-records/{id:guid}/expiry", "course", """{"expiresOn":"2030-12-31","reason":"goodwill"}"""),
        new("POST", "/api/v1/package-records/{id:guid}/adjust", "course", """{"delta":1,"reason":"goodwill"}""", "10000", "-10000", "1001"),
        new("POST", "/api/v1/package-records/{id:guid}/adjust", "amount", """{"delta":10.5,"reason":"goodwill"}""", "1000000.01", "0.001"),
        new("POST", "/api/v1/package-records/{id:guid}/adjust", "minutes", """{"delta":30,"reason":"goodwill"}""", "100001", "0.5"),
        new("POST", "/api/v1/package-records/{id:guid}/payments", "unpaid", """{"payments":[{"method":"Cash","amount":100}]}"""),
        new("POST", "/api/v1/package-records/{id:guid}/transfer", "course", """{"toClientId":"{other}"}"""),
        new("POST", "/api/v1/package-records/{id:guid}/cancel", "amount", """{"reason":"client asked"}"""),
        new("PUT", "/api/v1/settings/packages", "", """{"redemptionPolicy":"AtCheckOut","redeemOnline":true}"""),
        new("PUT", "/api/v1/settings/attendance", "", """{"checkInHoursBefore":2,"noShow":"Return","lateCancellation":"Return","lateCancellationHours":24}"""),
        // the clinic's set-up, on a provider, service and room of the sweep's own
        new("POST", "/api/v1/services", "", """{"name":"Sweep facial","activity":"Beauty","tags":["t"],"durationMinutes":45,"price":50,"bufferMinutes":10,"resourceIds":["{sweepResource}"],"providerIds":["{sweepProvider}"],"bookableOnline":true,"active":true,"colour":"#00897b"}"""),
        new("PUT", "/api/v1/services/{id:guid}", "sweepService", """{"name":"Sweep peel","activity":"Beauty","tags":[],"durationMinutes":30,"price":40,"bufferMinutes":5,"resourceIds":["{sweepResource}"],"providerIds":["{sweepProvider}"],"bookableOnline":false,"active":true}"""),
        new("DELETE", "/api/v1/services/{id:guid}", "sweepService", null),
        new("POST", "/api/v1/providers", "", """{"name":"Sweep Smith","title":"Therapist","serviceIds":["{sweepService}"],"active":true,"colour":"#8e24aa","order":3}"""),
        new("PUT", "/api/v1/providers/{id:guid}", "sweepProvider", """{"name":"Sweep Jones","title":"Senior","serviceIds":["{sweepService}"],"active":true,"order":4}"""),
        new("DELETE", "/api/v1/providers/{id:guid}", "sweepProvider", null),
        new("PUT", "/api/v1/providers/{id:guid}/schedule", "sweepProvider", """{"weekly":[{"weekday":"Monday","start":"09:00","end":"17:00","breaks":[{"start":"12:00","end":"12:30"}]}],"exceptions":[{"date":"2030-02-04","off":true,"reason":"Holiday"},{"date":"2030-02-09","start":"10:00","end":"14:00"}]}"""),
        new("POST", "/api/v1/resources", "", """{"name":"Sweep room","kind":"Room"}"""),
        new("PUT", "/api/v1/resources/{id:guid}", "sweepResource", """{"name":"Sweep room 2","kind":"Room","active":true}"""),
        new("DELETE", "/api/v1/resources/{id:guid}", "sweepResource", null),
        new("POST", "/api/v1/numbering-sequences", "", """{"kind":"Quote","prefix":"Z","nextNumber":5,"yearlyReset":true}"""),
        new("PUT", "/api/v1/numbering-sequences/{id:guid}", "sequence", """{"kind":"Quote","prefix":"Q","nextNumber":5,"yearlyReset":false}"""),
        new("POST", "/api/v1/quote-templates", "", """{"name":"Sweep plan","items":[{"serviceId":"{service}","quantity":3,"price":50}],"validityDays":30}"""),
        new("PUT", "/api/v1/quote-templates/{id:guid}", "quoteTemplate", """{"name":"Sweep plan 2","items":[{"serviceId":"{service}","quantity":4,"price":45}],"validityDays":40}"""),
        new("POST", "/api/v1/quote-templates/{id:guid}/active", "quoteTemplate", """{"active":true}"""),
        new("DELETE", "/api/v1/quote-templates/{id:guid}", "quoteTemplate", null),
        new("POST", "/api/v1/clients/{id:guid}/quotes", "client", """{"templateId":"{quoteTemplate}","description":"Sweep","number":"SW-1","autoNumber":false,"start":"2030-02-01","expiry":"2030-04-01","consultantId":"{provider}"}"""),
        new("PUT", "/api/v1/quotes/{id:guid}/items", "draftQuote", """{"items":[{"serviceId":"{service}","quantity":2,"price":40}]}"""),
        new("POST", "/api/v1/quotes/{id:guid}/confirm", "draftQuote", null),
        new("POST", "/api/v1/quotes/{id:guid}/close", "draftQuote", null),
        new("POST", "/api/v1/quotes/{id:guid}/cancel", "draftQuote", null),
        new("POST", "/api/v1/quotes/{id:guid}/sales", "confirmedQuote", """{"items":[{"itemId":1,"quantity":1}],"payments":[{"method":"Card","amount":50}]}"""),
        new("POST", "/api/v1/clients/{id:guid}/service-sales", "client", """{"serviceIds":["{service}"],"payments":[{"method":"Card","amount":60}]}"""),
        new("POST", "/api/v1/products", "", """{"name":"Sweep season","price":150,"isMembership":true,"membership":{"validityDays":90,"serviceIds":["{service}"],"visits":10}}"""),
        new("PUT", "/api/v1/products/{id:guid}", "product", """{"name":"Sweep season 2","price":160,"isMembership":true,"membership":{"validityDays":60,"serviceIds":["{service}"],"visits":8},"active":true}"""),
        new("POST", "/api/v1/inventory/arrivals", "", """{"lines":[{"productId":"{product}","quantity":2}],"note":"Sweep supplier"}"""),
        new("POST", "/api/v1/inventory/write-offs", "", """{"lines":[{"productId":"{product}","quantity":1}],"note":"Broken"}"""),
        new("POST", "/api/v1/inventory/sales", "", """{"clientId":"{client}","lines":[{"productId":"{product}","quantity":1,"generateCode":true,"holderClientId":"{client}"}],"payments":[{"method":"Card","amount":160}]}"""),
        new("POST", "/api/v1/sales", "", """{"clientId":"{client}","lines":[{"type":"Service","itemId":"{service}","quantity":1,"unitPrice":60,"providerId":"{provider}","discount":{"type":"Percent","value":10,"reason":"Loyal"}}],"discount":{"type":"Amount","value":4,"reason":"Opening"},"tip":{"amount":5,"providerId":"{provider}"},"payments":[{"method":"Card","amount":20}]}"""),
        new("POST", "/api/v1/sales/{id:guid}/payments", "openSale", """{"payments":[{"method":"Cash","amount":10}]}"""),
        new("POST", "/api/v1/sales/{id:guid}/refunds", "paidSale", """{"lines":[{"lineNumber":1,"quantity":1}],"payments":[{"method":"Card","amount":10}],"reason":"Unhappy"}"""),
        new("POST", "/api/v1/memberships/{code}/use", "membershipCode", """{"appointmentId":"{membershipVisit}"}"""),
        new("POST", "/api/v1/memberships/{code}/give-back", "membershipCode", """{"appointmentId":"{membershipVisit}"}"""),
        new("POST", "/api/v1/memberships/{code}/assign", "membershipCode", """{"clientId":"{client}"}"""),
        new("PUT", "/api/v1/settings/inventory", "", """{"allowNegativeStock":false}"""),
        new("POST", "/api/v1/closures", "", """{"date":"2030-12-25","reason":"Christmas Day"}"""),
        new("DELETE", "/api/v1/closures/{date}", "", null),
        new("POST", "/api/v1/backups", "", null),
        // Receipts: no SMTP here, so an email of a known sale is refused (409) and an unknown id is 404.
        new("POST", "/api/v1/sales/{id:guid}/receipt/email", "", null),
        new("PUT", "/api/v1/settings/receipts", "", """{"address":"1 High Street","phone":"0113 496 0000","taxName":"VAT","taxRatePercent":20,"pricesIncludeTax":true}"""),
        new("POST", "/api/v1/api-keys", "", """{"name":"Sweep key 2","role":"Receptionist"}"""),
        new("POST", "/api/v1/api-keys/{id:guid}/revoke", "sweepKey", null),
        new("PUT", "/api/v1/settings/business", "", """{"name":"Sweep clinic","timeZone":"Europe/London","currency":"GBP","culture":"en-GB","hours":[{"weekday":"Monday","open":true,"opens":"09:00","closes":"17:00"},{"weekday":"Tuesday","open":true,"opens":"09:00","closes":"17:00"},{"weekday":"Wednesday","open":true,"opens":"09:00","closes":"17:00"},{"weekday":"Thursday","open":true,"opens":"09:00","closes":"17:00"},{"weekday":"Friday","open":true,"opens":"09:00","closes":"17:00"},{"weekday":"Saturday","open":true,"opens":"09:00","closes":"17:00"},{"weekday":"Sunday","open":true,"opens":"09:00","closes":"17:00"}]}"""),
    ];

    [Fact]
    public void Sweep_EveryWritingEndpoint_IsInTheSweep()
    {
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Where(e => !e.StartsWith("GET ", StringComparison.Ordinal))
            .ToHashSet();
        var swept = Targets().Select(t => $"{t.Method} {t.Pattern}").ToHashSet();

        Assert.NotEmpty(mapped);
        Assert.Empty(mapped.Except(swept));
    }

    [Fact]
    public async Task Sweep_LargestValuesInEveryNumberDateAndId_4xxProblemNothingStoredAndAnotherDeskServed()
    {
        var ids = await ArrangeSweepAsync();
        var before = Fingerprint();
        var requests = Targets().SelectMany(t => Hostile(t, ids)).ToList();
        using var stop = new CancellationTokenSource();
        var otherDesk = AnotherDeskAsync(stop.Token);

        var failures = new List<string>();
        foreach (var (method, path, body) in requests)
        {
            using var timeout = new CancellationTokenSource(Prompt);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }
            HttpResponseMessage response;
            try
            {
                response = await app.Http.SendAsync(request, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                failures.Add($"{method} {path} {body}: no answer within {Prompt.TotalSeconds} s");
                continue;
            }
            using (response)
            {
                var text = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                if (status is < 400 or >= 500 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{method} {path} {body}: {status} {text[..Math.Min(text.Length, 300)]}");
                }
            }
        }
        await stop.CancelAsync();
        var served = await otherDesk;

        Assert.True(requests.Count > 300, $"the sweep sent only {requests.Count} requests");
        Assert.Empty(failures);
        Assert.Equal(before, Fingerprint());
        Assert.True(served.Count >= 3, $"the other desk was served only {served.Count} times");
        Assert.All(served, latency => Assert.True(latency < Prompt, $"the other desk waited {latency.TotalSeconds:0.0} s"));
        await AssertEveryBodyValidAsItIsAsync(ids);
    }

    /// <summary>
    /// Afterwards each body of the table, sent as it is, succeeds: the refusals above were the
    /// hostile values' doing, not a body wrong in some other way.
    /// </summary>
    private async Task AssertEveryBodyValidAsItIsAsync(Dictionary<string, string> ids)
    {
        foreach (var target in Targets().Where(t => t.Body is not null))
        {
            using var request = new HttpRequestMessage(new HttpMethod(target.Method), Path(target, ids[target.Id == "" ? "none" : target.Id]))
            {
                Content = new StringContent(Fill(target.Body!, ids), Encoding.UTF8, "application/json"),
            };
            using var response = await app.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{target.Method} {target.Pattern} with its valid body answered {(int)response.StatusCode}: {text}");
        }
    }

    private async Task<Dictionary<string, string>> ArrangeSweepAsync()
    {
        async Task<string> Post(string path, object body)
        {
            using var response = await app.Http.PostAsJsonAsync(path, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"arrange {path}: {text}");
            return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
        }
        var client = app.Clinic.Noah.Id.Value;
        var service = app.Clinic.Massage.Id.Value;
        var course = await Post("/api/v1/package-templates", new { name = "Massage x10", kind = "Course", serviceIds = new[] { service }, sessions = 10, price = 100m });
        var amount = await Post("/api/v1/package-templates", new { name = "Credit 200", kind = "AnyFromList", valueType = "Amount", serviceIds = new[] { service }, value = 200m, price = 150m });
        var minutes = await Post("/api/v1/package-templates", new { name = "Minutes 600", kind = "AnyFromList", valueType = "Minutes", serviceIds = new[] { service }, value = 600m, price = 300m });
        Task<string> Sell(string template, decimal price) => Post($"/api/v1/clients/{client}/packages", new { templateId = template, mode = "Paid", payments = new[] { new { method = "Card", amount = price } } });
        var ids = new Dictionary<string, string>
        {
            ["none"] = "",
            ["client"] = client.ToString(),
            ["other"] = app.Clinic.Amelia.Id.Value.ToString(),
            ["service"] = service.ToString(),
            ["provider"] = app.Clinic.AllDay.Id.Value.ToString(),
            ["courseTemplate"] = course,
            ["course"] = await Sell(course, 100m),
            ["amount"] = await Sell(amount, 150m),
            ["minutes"] = await Sell(minutes, 300m),
            ["unpaid"] = await Post($"/api/v1/clients/{client}/packages", new { templateId = course, mode = "Unpaid" }),
            ["duplicate"] = await Post("/api/v1/clients", new { name = "Noah Patel (duplicate)", allowDuplicate = true }),
            ["erasable"] = await Post("/api/v1/clients", new { name = "Erin Sweep" }),
            ["slot1"] = ApiFactory.Iso(app.NextFutureSlot()),
            ["slot2"] = ApiFactory.Iso(app.NextFutureSlot()),
        };
        ids["sweepResource"] = await Post("/api/v1/resources", new { name = "Sweep room", kind = "Room" });
        using (var key = await app.Http.PostAsJsonAsync("/api/v1/api-keys", new { name = "Sweep key", role = "Display" }))
        {
            ids["sweepKey"] = JsonDocument.Parse(await key.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetProperty("id").GetString()!;
        }
        ids["sweepProvider"] = await Post("/api/v1/providers", new { name = "Sweep Smith", title = "Therapist", serviceIds = Array.Empty<Guid>(), active = true });
        ids["sweepService"] = await Post("/api/v1/services", new { name = "Sweep facial", activity = "Beauty", durationMinutes = 45, price = 50m, resourceIds = new[] { ids["sweepResource"] }, providerIds = new[] { ids["sweepProvider"] } });
        async Task<string> Book() => (await app.BookAsync(app.NextFutureSlot(), client: client)).GetProperty("id").GetString()!;
        ids["appointment"] = await Book();
        ids["toPay"] = await Book();
        ids["toCancel"] = await Book();
        // Its own appointment: "{appointment}" gets a package attached by the sweep, and a visit
        // cannot be used on an appointment a package pays.
        ids["membershipVisit"] = await Book();
        ids["quoteTemplate"] = await Post("/api/v1/quote-templates", new { name = "Sweep plan", items = new[] { new { serviceId = service, quantity = 3, price = 50m } }, validityDays = 30 });
        ids["draftQuote"] = await Post($"/api/v1/clients/{client}/quotes", new { templateId = ids["quoteTemplate"], description = "Sweep draft" });
        ids["confirmedQuote"] = await Post($"/api/v1/clients/{client}/quotes", new { templateId = ids["quoteTemplate"], description = "Sweep confirmed" });
        using (var confirmed = await app.Http.PostAsJsonAsync($"/api/v1/quotes/{ids["confirmedQuote"]}/confirm", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }
        using (var sequences = await app.Http.GetAsync("/api/v1/numbering-sequences"))
        {
            ids["sequence"] = JsonDocument.Parse(await sequences.Content.ReadAsStringAsync()).RootElement[0].GetProperty("id").GetString()!;
        }
        ids["product"] = await Post("/api/v1/products", new { name = "Sweep membership", price = 150m, isMembership = true, membership = new { validityDays = 90, serviceIds = new[] { service }, visits = 10 } });
        await Post("/api/v1/inventory/arrivals", new { lines = new[] { new { productId = ids["product"], quantity = 5 } }, note = "Sweep supplier" });
        ids["openSale"] = await Post("/api/v1/sales", new { clientId = client, lines = new[] { new { type = "Service", itemId = service } }, payments = new[] { new { method = "Card", amount = 20m } } });
        ids["paidSale"] = await Post("/api/v1/sales", new { clientId = client, lines = new[] { new { type = "Service", itemId = service, quantity = 2, unitPrice = 10m } }, payments = new[] { new { method = "Card", amount = 20m } } });
        ids["membershipCode"] = "SWEEP-CODE-1";
        await Post("/api/v1/inventory/sales", new { lines = new[] { new { productId = ids["product"], quantity = 1, code = ids["membershipCode"] } }, payments = new[] { new { method = "Card", amount = 150m } } });
        using var online = await app.Http.PutAsJsonAsync("/api/v1/settings/packages", new { redemptionPolicy = "AtCheckOut", redeemOnline = true });
        Assert.Equal(HttpStatusCode.OK, online.StatusCode);
        return ids;
    }

    /// <summary>Every request of the sweep for one endpoint: hostile ids, then each number and date of the body replaced in turn.</summary>
    private static IEnumerable<(string Method, string Path, string? Body)> Hostile(Target target, Dictionary<string, string> ids)
    {
        var body = target.Body is null ? null : Fill(target.Body, ids);
        if (target.Pattern.Contains("{id:guid}", StringComparison.Ordinal) || target.Pattern.Contains("{code}", StringComparison.Ordinal))
        {
            foreach (var id in HostileNumbers.Concat(["0001-01-01", "00000000-0000-0000-0000-000000000000"]))
            {
                yield return (target.Method, Path(target, id), body);
            }
        }
        if (body is null)
        {
            yield break;
        }
        var path = Path(target, ids[target.Id == "" ? "none" : target.Id]);
        foreach (var (leaf, kind) in Leaves(JsonNode.Parse(body)!))
        {
            var values = kind switch
            {
                LeafKind.Number => HostileNumbers.Concat(target.ExtraHostile),
                LeafKind.Date => HostileDates.Concat(HostileNumbers.Take(2)),
                LeafKind.Instant => HostileInstants.Concat(HostileNumbers.Take(2)),
                _ => HostileNumbers.Take(2),
            };
            foreach (var value in values)
            {
                var root = JsonNode.Parse(body)!;
                Replace(root, leaf);
                yield return (target.Method, path, root.ToJsonString().Replace($"\"{Marker}\"", value, StringComparison.Ordinal));
            }
        }
    }

    private enum LeafKind
    {
        Number,
        Date,
        Instant,
        Other,
    }

    private static IEnumerable<(string Path, LeafKind Kind)> Leaves(JsonNode node, string path = "")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    foreach (var leaf in child is null ? [] : Leaves(child, $"{path}/{name}"))
                    {
                        yield return leaf;
                    }
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var leaf in a[i] is { } child ? Leaves(child, $"{path}/{i}") : [])
                    {
                        yield return leaf;
                    }
                }
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                yield return (path, LeafKind.Number);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>();
                yield return (path, text.Length == 10 && DateOnly.TryParse(text, out _) ? LeafKind.Date : text.Length > 10 && DateTimeOffset.TryParse(text, out _) ? LeafKind.Instant : LeafKind.Other);
                break;
            default:
                yield return (path, LeafKind.Other);
                break;
        }
    }

    private static void Replace(JsonNode root, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var parent = parts[..^1].Aggregate(root, (node, part) => node is JsonArray a ? a[int.Parse(part)]! : node[part]!);
        if (parent is JsonArray array)
        {
            array[int.Parse(parts[^1])] = Marker;
        }
        else
        {
            parent[parts[^1]] = Marker;
        }
    }

    private static string Path(Target target, string id) =>
        target.Pattern.Replace("{id:guid}", id, StringComparison.Ordinal).Replace("{code}", id, StringComparison.Ordinal);

    private static string Fill(string text, Dictionary<string, string> ids) =>
        ids.Aggregate(text, (s, kv) => s.Replace("{" + kv.Key + "}", kv.Value, StringComparison.Ordinal));

    /// <summary>Another desk registering clients one after another until told to stop; how long each took.</summary>
    private async Task<List<TimeSpan>> AnotherDeskAsync(CancellationToken stop)
    {
        var latencies = new List<TimeSpan>();
        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            var watch = Stopwatch.StartNew();
            using var response = await app.Http.PostAsJsonAsync("/api/v1/clients", new { name = $"Probe {++n}" }, CancellationToken.None);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            latencies.Add(watch.Elapsed);
            try
            {
                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return latencies;
    }

    /// <summary>Every row of every table (the other desk's probe clients aside), as text.</summary>
    private string Fingerprint() => DatabaseFingerprint.Of(app.DatabaseFile, table => table switch
    {
        // The other desk's probe clients, and their audit entries, are written while the sweep runs.
        "Clients" => "SELECT * FROM Clients WHERE Name NOT LIKE 'Probe %' ORDER BY rowid",
        "sqlite_sequence" => "SELECT * FROM sqlite_sequence WHERE name <> 'AuditTrail' ORDER BY rowid",
        "AuditTrail" => "SELECT * FROM AuditTrail WHERE NOT (Command = 'Clients.Register' AND After LIKE '%\"Name\":\"Probe %') ORDER BY rowid",
        _ => null,
    });
}
