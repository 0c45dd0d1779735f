using System.Text.Json;
using FrontDesk.Dashboard.Staff;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Authorization;

namespace FrontDesk.Dashboard.Audit;

/// <summary>One audit row in the API: the instant on the business's clock, before and after as JSON objects.</summary>
public sealed record AuditEntryDto(
    long Id,
    DateTimeOffset At,
    ActorKind ActorKind,
    string ActorId,
    string ActorName,
    string Command,
    string ObjectType,
    string ObjectId,
    string? ClientId,
    JsonElement? Before,
    JsonElement? After)
{
    public static AuditEntryDto From(AuditView v, TimeZoneInfo zone) =>
        new(v.Id, TimeZoneInfo.ConvertTime(v.At, zone), v.ActorKind, v.ActorId, v.ActorName, v.Command, v.ObjectType, v.ObjectId, v.ClientId, Json(v.Before), Json(v.After));

    /// <summary>The stored JSON as it is; a value that is not JSON (never written by the app) as a JSON string.</summary>
    private static JsonElement? Json(string? stored)
    {
        if (stored is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(stored);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(stored);
        }
    }
}

/// <summary>A page of audit rows, newest first: <see cref="Page"/> counts from 1.</summary>
public sealed record AuditPageDto(IReadOnlyList<AuditEntryDto> Items, int Page, int PageSize, int Total);

/// <summary>
/// Reading the audit trail: GET only (the trail has no endpoint that changes or removes a row).
/// The JSON API and its CSV live in the /api/v1 group; the audit screen's "Download CSV" is a
/// signed-in manager's plain link (<see cref="DownloadPath"/>).
/// </summary>
public static class AuditEndpoints
{
    public const string DownloadPath = "/audit/export.csv";
    public const int DefaultPageSize = 50;

    /// <summary>GET /audit and GET /audit.csv in the API group, with the same filters.</summary>
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (string? actor, string? command, string? objectType, string? objectId, string? from, string? to, string? page, string? pageSize,
            AuditQueries audit, BusinessClock clock, CancellationToken ct) =>
        {
            var filter = AuditFilter.Parse(actor, command, objectType, objectId, from, to);
            var number = Number(page, "page", 1);
            var size = Number(pageSize, "pageSize", DefaultPageSize);
            if (number < 1)
            {
                throw DomainException.Invalid("page must be a page number from 1.", "page");
            }
            var found = await audit.PageAsync(filter, number - 1, size, ct);
            return new AuditPageDto(found.Items.Select(v => AuditEntryDto.From(v, clock.Zone)).ToList(), number, size, found.Total);
        }).WithTags("Audit").WithName("ListAudit");

        api.MapGet("/audit.csv", (string? actor, string? command, string? objectType, string? objectId, string? from, string? to, AuditQueries audit, CancellationToken ct) =>
            Csv(AuditFilter.Parse(actor, command, objectType, objectId, from, to), audit, ct))
            .WithTags("Audit").WithName("ExportAuditCsv").Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return api;
    }

    /// <summary>The audit screen's "Download CSV": the same file, for a signed-in owner or manager.</summary>
    public static IEndpointRouteBuilder MapAuditDownload(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(DownloadPath, (string? actor, string? command, string? objectType, string? objectId, string? from, string? to, AuditQueries audit, CancellationToken ct) =>
            Csv(AuditFilter.Parse(actor, command, objectType, objectId, from, to), audit, ct))
            .RequireAuthorization(new AuthorizeAttribute { Roles = StaffRoles.Managers })
            .ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The query string of a filter, for links to the CSV (dates as yyyy-MM-dd).</summary>
    public static string Query(AuditFilter filter)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        Add("actor", filter.Actor);
        Add("command", filter.Command);
        Add("objectType", filter.ObjectType);
        Add("objectId", filter.ObjectId);
        Add("from", filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    private static IResult Csv(AuditFilter filter, AuditQueries audit, CancellationToken ct) =>
        Results.Stream(stream => audit.WriteCsvAsync(filter, stream, ct), "text/csv; charset=utf-8", audit.CsvFileName(filter));

    private static int Number(string? value, string field, int fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }
        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : throw DomainException.Invalid($"{field} must be a whole number.", field);
    }
}
