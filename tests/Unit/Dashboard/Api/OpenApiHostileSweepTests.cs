using FrontDesk.Tests.Unit.Support;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Api;

/// <summary>
/// The app's own OpenAPI document is the list of what to attack: every operation in it gets
/// malformed JSON, wrong types in every property, missing fields, oversized strings, negative
/// and huge numbers, NaN and Infinity, dates out of range, unknown ids in the path, markup in
/// every string, and an idempotency key replayed with another body. Nothing may answer 5xx,
/// every 4xx is a problem document, and a refused request leaves every row as it was.
/// Endpoints added later are attacked without editing this file, and an endpoint missing from
/// the document (or listed without its body) fails the first test.
/// </summary>
public sealed partial class OpenApiHostileSweepTests(ApiFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(15);
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];
    private static readonly string[] Markup = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"];
    private static readonly string OneMegabyte = new('x', 1024 * 1024);
    private static readonly string TenKilobytes = new('x', 10 * 1024);

    private sealed record Operation(string Method, string Template, JsonObject Node)
    {
        public string Name => $"{Method.ToUpperInvariant()} {Template}";
    }

    private enum Kind
    {
        Text,
        Instant,
        Date,
        Guid,
        Enum,
        Integer,
        Number,
        Boolean,
        Array,
        Object,
    }

    private sealed record Leaf(string[] Path, Kind Kind);

    [Fact]
    public async Task OpenApiDocument_EveryMappedApiEndpoint_ListedWithItsBody()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToDictionary(o => o.Name);
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Name: $"{m} {Normalise(e.RoutePattern.RawText!)}", Endpoint: e)))
            .ToList();

        Assert.NotEmpty(mapped);
        var unlisted = mapped.Select(m => m.Name).Where(n => !operations.ContainsKey(n)).ToList();
        Assert.Empty(unlisted);
        var withoutSchema = mapped
            .Where(m => m.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 })
            .Where(m => !operations.TryGetValue(m.Name, out var op) || BodySchema(op) is not { } schema || !Describes(schema, document))
            .Select(m => m.Name)
            .ToList();
        Assert.Empty(withoutSchema);
    }

    [Fact]
    public async Task Sweep_HostileInputOnEveryOperation_No5xxEvery4xxAProblemAndRefusalsChangeNothing()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();
        var ids = await ArrangeAsync();
        var failures = new List<string>();
        var exercised = new HashSet<string>();
        var replaysRefused = 0;
        var sent = 0;
        var tally = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var fingerprint = Fingerprint();

        foreach (var operation in operations)
        {
            var pathIds = await PathIdsAsync(operation, ids);
            fingerprint = Fingerprint();
            var leaves = new List<Leaf>();
            var schema = BodySchema(operation);
            var sample = schema is null ? null : Sample(schema, document, "", [], leaves, ids, 0);
            var sampleText = sample?.ToJsonString();
            foreach (var (path, body) in Requests(operation, document, pathIds, sampleText, leaves, ids))
            {
                var (status, problem, text) = await SendAsync(operation.Method, path, body, key: null);
                sent++;
                tally[$"{operation.Name} {status}"] = tally.GetValueOrDefault($"{operation.Name} {status}") + 1;
                fingerprint = Check(operation, path, body, status, problem, text, fingerprint, failures, exercised);
            }
            if (operation.Method == "post")
            {
                // The same key with a different body: refused (422) once the first was done.
                var key = "sweep-" + Guid.NewGuid();
                var path = Fill(operation.Template, pathIds);
                var (status, problem, text) = await SendAsync(operation.Method, path, sampleText, key);
                fingerprint = Check(operation, path, sampleText, status, problem, text, fingerprint, failures, exercised);
                var other = Differently(sample, leaves) ?? "{}";
                var (replay, replayProblem, replayText) = await SendAsync(operation.Method, path, other, key);
                fingerprint = Check(operation, path, other, replay, replayProblem, replayText, fingerprint, failures, exercised);
                // A backup is a copy of the data, not a command on it: a retry takes a newer copy
                // (IdempotencyApiTests lists it with that reason), so there is no first answer to guard.
                if (status is >= 200 and < 300 && operation.Name != "POST /api/v1/backups")
                {
                    replaysRefused += replay == 422 ? 1 : 0;
                    if (replay != 422)
                    {
                        failures.Add($"{operation.Name}: an idempotency key replayed with another body answered {replay}, not 422: {Short(replayText)}");
                    }
                }
                sent += 2;
            }
        }

        output.WriteLine($"{operations.Count} operations, {sent} requests, {replaysRefused} replays refused");
        foreach (var (answer, count) in tally)
        {
            output.WriteLine($"{answer}: {count}");
        }
        Assert.True(operations.Count >= 20, $"the document lists only {operations.Count} operations");
        Assert.True(sent > 1000, $"the sweep sent only {sent} requests");
        Assert.Empty(failures.Take(40));
        var notExercised = operations.Select(o => o.Name).Where(n => !exercised.Contains(n)).ToList();
        Assert.Empty(notExercised);
        Assert.True(replaysRefused > 0, "no idempotency replay was checked (no POST succeeded with its sample body)");
    }

    /// <summary>Judges one answer; returns the fingerprint of the database to compare the next refusal with.</summary>
    private string Check(Operation operation, string path, string? body, int status, bool problem, string text, string before, List<string> failures, HashSet<string> exercised)
    {
        var request = $"{operation.Name} as {Short(path, 200)} {Short(body ?? "", 200)}";
        if (status == 0)
        {
            failures.Add($"{request}: no answer within {Prompt.TotalSeconds} s");
            return Fingerprint();
        }
        if (status is not (404 or 405) || text.Contains("\"detail\"", StringComparison.Ordinal))
        {
            exercised.Add(operation.Name);
        }
        if (status >= 500 || status < 200)
        {
            failures.Add($"{request}: answered {status}: {Short(text)}");
            return Fingerprint();
        }
        if (status < 400)
        {
            return Fingerprint();
        }
        if (!problem)
        {
            failures.Add($"{request}: {status} is not application/problem+json: {Short(text)}");
        }
        var after = Fingerprint();
        if (after != before)
        {
            failures.Add($"{request}: refused with {status} but the database changed");
        }
        return after;
    }

    private async Task<(int Status, bool Problem, string Text)> SendAsync(string method, string path, string? body, string? key)
    {
        using var timeout = new CancellationTokenSource(Prompt);
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        try
        {
            using var response = await app.Http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType == "application/problem+json", text);
        }
        catch (OperationCanceledException)
        {
            return (0, false, string.Empty);
        }
    }

    /// <summary>Every hostile request for one operation: (path with query, body).</summary>
    private static IEnumerable<(string Path, string? Body)> Requests(Operation operation, JsonObject document, Dictionary<string, string> pathIds, string? sample, List<Leaf> leaves, Dictionary<string, string> ids)
    {
        var parameters = (operation.Node["parameters"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var query = parameters.Where(p => (string?)p["in"] == "query").ToList();
        var baseQuery = query.ToDictionary(p => (string)p["name"]!, p => QueryValue((string)p["name"]!, Resolve(p["schema"], document)));
        string PathWith(Dictionary<string, string> values, Dictionary<string, string?> q) =>
            Fill(operation.Template, values) + (q.Count == 0 ? "" : "?" + string.Join("&", q.Where(kv => kv.Value is not null).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!)}")));
        var validPath = PathWith(pathIds, baseQuery);

        // The sample itself, and without any query.
        yield return (validPath, sample);
        if (query.Count > 0)
        {
            yield return (PathWith(pathIds, []), sample);
        }

        // Unknown and malformed ids in the path.
        foreach (var name in pathIds.Keys)
        {
            foreach (var id in new[] { Guid.NewGuid().ToString(), Guid.Empty.ToString(), "not-a-guid", "9223372036854775808", "-1", Markup[0], Markup[1], "..%2F..%2Fopenapi" })
            {
                yield return (PathWith(new Dictionary<string, string>(pathIds) { [name] = Uri.EscapeDataString(id) }, baseQuery), sample);
            }
        }

        // Every query parameter with hostile values.
        foreach (var parameter in query)
        {
            var name = (string)parameter["name"]!;
            foreach (var value in new[] { "abc", "-1", "-2147483649", "99999999999999999999", "1e400", "NaN", "Infinity", "-Infinity", "", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2030-02-30T10:00:00Z", "9999-12-31T23:59:59.9999999+00:00", Markup[0], Markup[1], new string('9', 100_000) })
            {
                yield return (PathWith(pathIds, new Dictionary<string, string?>(baseQuery) { [name] = value }), sample);
            }
        }

        if (sample is null)
        {
            // No body is read here: an unexpected one must not matter either.
            yield return (validPath, "{\"unexpected\":\"" + Markup[0] + "\"}");
            yield break;
        }

        // Malformed and wrongly shaped bodies.
        foreach (var body in new[] { "", "{", "{\"a\":", "[", "nul", "null", "[]", "\"text\"", "42", "{}", "NaN", "Infinity", "{\"a\":1,\"a\":2}", OneMegabyte, "[" + string.Join(",", Enumerable.Repeat("{}", 20_000)) + "]" })
        {
            yield return (validPath, body);
        }

        var root = JsonNode.Parse(sample);
        if (root is JsonObject top)
        {
            // Each field missing in turn, and each given twice.
            foreach (var name in top.Select(p => p.Key).ToList())
            {
                var copy = (JsonObject)top.DeepClone();
                copy.Remove(name);
                yield return (validPath, copy.ToJsonString());
                yield return (validPath, sample.TrimEnd('}') + $",\"{name}\":null}}");
            }
        }

        // Every leaf of the body with every hostile value of its kind.
        foreach (var leaf in leaves)
        {
            foreach (var value in HostileValues(leaf, ids))
            {
                yield return (validPath, Replace(sample, leaf.Path, value));
            }
        }
    }

    private static IEnumerable<string> HostileValues(Leaf leaf, Dictionary<string, string> ids)
    {
        string[] strings = ["12", "true", "{}", "[]", "null", Quote(""), Quote("   "), Quote("\u0000"), Quote(Markup[0]), Quote(Markup[1]), Quote(TenKilobytes), Quote(OneMegabyte)];
        string[] numbers =
        [
            Quote("abc"), "true", "{}", "[]", "null", Quote("NaN"), Quote("Infinity"), Quote("-Infinity"), "NaN", "Infinity", "-1", "-0", "0", "0.0001", "-2147483649",
            "2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "79228162514264337593543950335", "-79228162514264337593543950335",
            "1e28", "-1e28", "1e400", Quote("1e28"), Quote(Markup[0]),
        ];
        return leaf.Kind switch
        {
            Kind.Integer or Kind.Number => numbers,
            Kind.Boolean => ["\"yes\"", "2", "{}", "[]", "null", Quote(Markup[0])],
            Kind.Guid => strings.Concat([Quote(Guid.NewGuid().ToString()), Quote(Guid.Empty.ToString()), Quote("not-a-guid"), Quote(ids["client"]), "-1", "1e400"]),
            Kind.Date => strings.Concat(["\"0001-01-01\"", "\"9999-12-31\"", "\"0000-00-00\"", "\"2030-02-30\"", "\"-0001-01-01\"", "\"2030-01-01T10:00:00Z\"", "-1", "9223372036854775808"]),
            Kind.Instant => strings.Concat(
            [
                "\"0001-01-01T00:00:00Z\"", "\"0001-01-01T00:00:00+01:00\"", "\"9999-12-31T23:59:59Z\"", "\"9999-12-31T23:59:59.9999999+00:00\"", "\"9999-12-31T23:59:59-14:00\"",
                "\"2030-02-30T10:00:00Z\"", "\"2030-01-01T10:00:00+99:00\"", "\"2030-01-01T10:00:00\"", "\"2030-01-01\"", "-1", "9223372036854775808",
            ]),
            Kind.Enum => strings.Concat(["\"NotAValue\"", "0", "-1", "99"]),
            Kind.Array => ["{}", "\"x\"", "12", "null", "[null]", "[[]]", "[" + string.Join(",", Enumerable.Repeat("null", 10_000)) + "]", "[" + string.Join(",", Enumerable.Repeat(Quote(Markup[0]), 1_000)) + "]"],
            Kind.Object => ["\"x\"", "[]", "12", "null", "{\"unknown\":" + Quote(Markup[0]) + "}"],
            _ => strings,
        };
    }

    /// <summary>The sample with one text leaf changed, to replay a key with (null: nothing to change).</summary>
    private static string? Differently(JsonNode? sample, List<Leaf> leaves)
    {
        if (sample is null)
        {
            return null;
        }
        var text = leaves.FirstOrDefault(l => l.Kind == Kind.Text) ?? leaves.FirstOrDefault(l => l.Kind is Kind.Integer or Kind.Number);
        return text is null ? sample.ToJsonString() + " " : Replace(sample.ToJsonString(), text.Path, text.Kind == Kind.Text ? Quote("Changed on replay") : "2");
    }

    // ---- the document -------------------------------------------------------------------

    private async Task<JsonObject> DocumentAsync()
    {
        using var response = await app.Http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static IEnumerable<Operation> Operations(JsonObject document)
    {
        foreach (var (template, item) in (JsonObject)document["paths"]!)
        {
            if (!template.StartsWith("/api/", StringComparison.Ordinal) || item is not JsonObject methods)
            {
                continue;
            }
            foreach (var method in Methods)
            {
                if (methods[method] is JsonObject node)
                {
                    yield return new Operation(method, template, node);
                }
            }
        }
    }

    private static string Normalise(string routePattern) => RouteParameter().Replace(routePattern, "{$1}");

    [GeneratedRegex(@"\{\*{0,2}(\w+)(:[^}]*)?\??\}")]
    private static partial Regex RouteParameter();

    private static JsonNode? BodySchema(Operation operation) =>
        operation.Node["requestBody"]?["content"] is JsonObject content && content.FirstOrDefault().Value is JsonObject media ? media["schema"] ?? new JsonObject() : null;

    /// <summary>Whether a schema says anything about the body (a bare {} is what an undescribed JsonElement gets).</summary>
    private static bool Describes(JsonNode schema, JsonObject document) =>
        Resolve(schema, document) is var resolved && (TypeOf(resolved) is not null || resolved["enum"] is not null);

    private static JsonObject Resolve(JsonNode? schema, JsonObject document)
    {
        var current = schema as JsonObject ?? [];
        for (var depth = 0; depth < 10; depth++)
        {
            if (current["$ref"]?.GetValue<string>() is { } reference)
            {
                current = (JsonObject)document["components"]!["schemas"]![reference.Split('/')[^1]]!;
                continue;
            }
            var choices = (current["oneOf"] ?? current["anyOf"] ?? current["allOf"]) as JsonArray;
            if (choices?.OfType<JsonObject>().FirstOrDefault(c => TypeOf(c) != "null") is { } choice)
            {
                current = choice;
                continue;
            }
            break;
        }
        return current;
    }

    /// <summary>The schema's type, preferring anything over "null" and "string" (numbers are also accepted as strings).</summary>
    private static string? TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonArray types => types.Select(t => t!.GetValue<string>()).OrderBy(t => t switch { "null" => 3, "string" => 2, _ => 1 }).FirstOrDefault(),
        JsonValue type => type.GetValue<string>(),
        _ => schema["properties"] is not null ? "object" : null,
    };

    /// <summary>A plausible body for the schema, noting every leaf and its kind on the way.</summary>
    private JsonNode? Sample(JsonNode schemaNode, JsonObject document, string name, string[] path, List<Leaf> leaves, Dictionary<string, string> ids, int depth)
    {
        var schema = Resolve(schemaNode, document);
        var type = TypeOf(schema);
        var format = schema["format"]?.GetValue<string>();
        if (depth > 4)
        {
            return null;
        }
        JsonNode? Note(Kind kind, JsonNode? value)
        {
            if (path.Length > 0)
            {
                leaves.Add(new Leaf(path, kind));
            }
            return value;
        }
        if (schema["enum"] is JsonArray choices && choices.FirstOrDefault(v => v is not null) is { } first)
        {
            return Note(Kind.Enum, first.DeepClone());
        }
        switch (type)
        {
            case "object":
                var result = new JsonObject();
                if (schema["properties"] is JsonObject properties)
                {
                    if (path.Length > 0)
                    {
                        leaves.Add(new Leaf(path, Kind.Object));
                    }
                    foreach (var (property, propertySchema) in properties)
                    {
                        result[property] = Sample(propertySchema ?? new JsonObject(), document, property, [.. path, property], leaves, ids, depth + 1);
                    }
                }
                return result;
            case "array":
                var item = Sample(schema["items"] ?? new JsonObject(), document, Singular(name), [.. path, "0"], leaves, ids, depth + 1);
                leaves.Add(new Leaf(path, Kind.Array));
                return new JsonArray(item);
            case "integer":
                return Note(Kind.Integer, name.Contains("session", StringComparison.OrdinalIgnoreCase) ? 1 : 2);
            case "number":
                return Note(Kind.Number, 10);
            case "boolean":
                return Note(Kind.Boolean, false);
            case "string" when format == "uuid":
                return Note(Kind.Guid, IdFor(name, ids));
            case "string" when format == "date":
                return Note(Kind.Date, "2030-02-01");
            case "string" when format == "date-time":
                return Note(Kind.Instant, ApiFactory.Iso(app.NextFutureSlot()));
            case "string" when IsInstantName(name):
                return Note(Kind.Instant, ApiFactory.Iso(app.NextFutureSlot()));
            case "string":
                return Note(Kind.Text, name.Contains("email", StringComparison.OrdinalIgnoreCase) ? "sweep@example.com" : name.Contains("phone", StringComparison.OrdinalIgnoreCase) ? "07123 456789" : "Sweep " + name);
            default:
                return Note(Kind.Text, "Sweep");
        }
    }

    private static bool IsInstantName(string name) =>
        name is "start" or "end" or "from" or "to" or "at" || name.EndsWith("At", StringComparison.Ordinal) || name.EndsWith("Start", StringComparison.Ordinal) || name.EndsWith("End", StringComparison.Ordinal);

    private static string Singular(string name) => name.EndsWith("Ids", StringComparison.Ordinal) ? name[..^1] : name.TrimEnd('s');

    /// <summary>A real id for a property named after what it points to (clientId, serviceIds...), else an unknown one.</summary>
    private static string IdFor(string name, Dictionary<string, string> ids)
    {
        var what = name.Replace("Ids", "", StringComparison.Ordinal).Replace("Id", "", StringComparison.Ordinal).ToLowerInvariant();
        return what switch
        {
            "toclient" => ids["other"],
            "packagerecord" => ids["package-records"],
            "template" => ids["package-templates"],
            _ => ids.TryGetValue(what + "s", out var id) ? id : ids.TryGetValue(what, out var other) ? other : Guid.NewGuid().ToString(),
        };
    }

    private static string? QueryValue(string name, JsonObject schema) => name switch
    {
        "from" => "2030-01-07T00:00:00Z",
        "to" => "2030-01-14T00:00:00Z",
        "at" => "2030-01-07T12:00:00Z",
        _ => TypeOf(schema) switch
        {
            "integer" or "number" => name == "offset" ? "0" : "10",
            "boolean" => "false",
            "string" when schema["format"]?.GetValue<string>() == "uuid" => null,
            "string" when schema["format"]?.GetValue<string>() == "date" => "2030-01-07",
            _ => "a",
        },
    };

    // ---- fixtures -----------------------------------------------------------------------

    /// <summary>Ids by the collection they belong to (the path segment before an {id}).</summary>
    private async Task<Dictionary<string, string>> ArrangeAsync()
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
        var record = await Post($"/api/v1/clients/{client}/packages", new { templateId = course, mode = "Paid", payments = new[] { new { method = "Card", amount = 100m } } });
        using var online = await app.Http.PutAsJsonAsync("/api/v1/settings/packages", new { redemptionPolicy = "AtCheckOut", redeemOnline = true });
        Assert.Equal(HttpStatusCode.OK, online.StatusCode);
        return new Dictionary<string, string>
        {
            ["clients"] = client.ToString(),
            ["client"] = client.ToString(),
            ["other"] = app.Clinic.Amelia.Id.Value.ToString(),
            ["services"] = service.ToString(),
            ["providers"] = app.Clinic.AllDay.Id.Value.ToString(),
            ["resources"] = FrontDesk.Tests.Unit.Support.Clinic.LaserMachine.Value.ToString(),
            ["package-templates"] = course,
            ["package-records"] = record,
        };
    }

    /// <summary>
    /// A real id for each {parameter} of the path, from the segment before it: a fresh appointment
    /// for every operation on one, a seeded id, or the first item the collection lists.
    /// </summary>
    private int _freshClients;

    /// <summary>
    /// An appointment of its own client, provider and service, so that whatever the sweep did to
    /// the seeded ones before (an accepted erase, delete or new hours) cannot make it unbookable.
    /// </summary>
    private async Task<string> FreshAppointmentAsync()
    {
        var n = Interlocked.Increment(ref _freshClients);
        var client = await CreatedIdAsync("/api/v1/clients", new { name = $"Sweep client {n}", phone = $"07700 {n:000000}", email = $"sweep{n}@example.com", notes = "" });
        var provider = await CreatedIdAsync("/api/v1/providers", new { name = $"Sweep provider {n}", title = "Therapist", serviceIds = Array.Empty<Guid>(), active = true });
        var service = await CreatedIdAsync("/api/v1/services", new { name = $"Sweep service {n}", activity = "Sweep", tags = Array.Empty<string>(), durationMinutes = 30, price = 10m, bufferMinutes = 0, resourceIds = Array.Empty<Guid>(), providerIds = new[] { provider }, bookableOnline = false, active = true });
        // No working hours of its own: booked with the override, as a manager would.
        return (await CreatedIdAsync("/api/v1/appointments", new { clientId = client, serviceId = service, providerId = provider, start = ApiFactory.Iso(app.NextFutureSlot()), overrideAvailability = true })).ToString();
    }

    private async Task<Guid> CreatedIdAsync(string path, object body)
    {
        var response = await app.Http.PostAsync(path, ApiFactory.Json(body));
        Assert.True(response.IsSuccessStatusCode, $"{path}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<Dictionary<string, string>> PathIdsAsync(Operation operation, Dictionary<string, string> ids)
    {
        var result = new Dictionary<string, string>();
        var segments = operation.Template.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{'))
            {
                continue;
            }
            var name = segments[i].Trim('{', '}');
            var collection = segments[i - 1];
            result[name] = collection switch
            {
                // A fresh client each time: an accepted erase or merge earlier in the sweep leaves a seeded one unbookable.
                "appointments" => await FreshAppointmentAsync(),
                _ when ids.TryGetValue(collection, out var id) => id,
                _ => await FirstListedAsync(string.Join('/', segments[..i])) ?? Guid.NewGuid().ToString(),
            };
        }
        return result;
    }

    private async Task<string?> FirstListedAsync(string collection)
    {
        using var response = await app.Http.GetAsync(collection);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        var node = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        var items = node as JsonArray ?? node?["items"] as JsonArray;
        return items?.FirstOrDefault()?["id"]?.ToString();
    }

    // ---- JSON text ----------------------------------------------------------------------

    private static string Fill(string template, Dictionary<string, string> values) =>
        values.Aggregate(template, (s, kv) => s.Replace("{" + kv.Key + "}", kv.Value, StringComparison.Ordinal));

    private const string Marker = "__SWEEP_MARKER__";

    private static string Replace(string json, string[] path, string literal)
    {
        var root = JsonNode.Parse(json)!;
        if (path.Length == 0)
        {
            return literal;
        }
        var parent = path[..^1].Aggregate(root, (node, part) => node is JsonArray a ? a[int.Parse(part, CultureInfo.InvariantCulture)]! : node[part]!);
        if (parent is JsonArray array)
        {
            array[int.Parse(path[^1], CultureInfo.InvariantCulture)] = Marker;
        }
        else
        {
            parent[path[^1]] = Marker;
        }
        return root.ToJsonString().Replace($"\"{Marker}\"", literal, StringComparison.Ordinal);
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text);

    private static string Short(string text, int length = 400) => text.Length <= length ? text : text[..length] + "...";

    /// <summary>Every row of every table, as text.</summary>
    private string Fingerprint() => DatabaseFingerprint.Of(app.DatabaseFile);
}
