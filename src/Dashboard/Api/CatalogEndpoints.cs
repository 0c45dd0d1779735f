using System.Globalization;
using System.Text.Json;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Domain.Catalog;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace FrontDesk.Dashboard.Api;

public sealed record ServiceRequest(
    string? Name,
    string? Activity,
    IReadOnlyList<string?>? Tags,
    int? DurationMinutes,
    decimal? Price,
    int? BufferMinutes,
    IReadOnlyList<Guid>? ResourceIds,
    IReadOnlyList<Guid>? ProviderIds,
    bool? BookableOnline,
    bool? Active,
    string? Colour);

public sealed record CatalogServiceDto(
    Guid Id,
    string Name,
    string Activity,
    IReadOnlyList<string> Tags,
    int DurationMinutes,
    decimal Price,
    string Currency,
    int BufferMinutes,
    IReadOnlyList<Guid> ResourceIds,
    IReadOnlyList<Guid> ProviderIds,
    bool BookableOnline,
    bool Active,
    string Colour)
{
    public static CatalogServiceDto From(ServiceView s) => new(
        s.Id, s.Name, s.Activity, s.Tags, s.DurationMinutes, s.Price, s.Currency, s.BufferMinutes, s.RequiredResourceIds, s.ProviderIds, s.BookableOnline, s.Active, s.Colour);
}

public sealed record ProviderRequest(string? Name, string? Title, IReadOnlyList<Guid>? ServiceIds, bool? Active, string? Colour, int? Order);

public sealed record CatalogProviderDto(Guid Id, string Name, string Title, IReadOnlyList<Guid> ServiceIds, bool Active, string Colour, int Order)
{
    public static CatalogProviderDto From(ProviderView p) => new(p.Id, p.Name, p.Title, p.ServiceIds, p.Active, p.Colour, p.Order);
}

public sealed record ResourceRequest(string? Name, ResourceKind? Kind, bool? Active);

public sealed record ResourceDto(Guid Id, string Name, ResourceKind Kind, bool Active)
{
    public static ResourceDto From(ResourceView r) => new(r.Id, r.Name, r.Kind, r.Active);
}

public sealed record BreakDto(string? Start, string? End);

public sealed record WeeklyHoursDto(DayOfWeek? Weekday, string? Start, string? End, IReadOnlyList<BreakDto?>? Breaks);

public sealed record ExceptionDto(string? Date, bool? Off, string? Start, string? End, IReadOnlyList<BreakDto?>? Breaks, string? Reason);

public sealed record ScheduleRequest(IReadOnlyList<WeeklyHoursDto?>? Weekly, IReadOnlyList<ExceptionDto?>? Exceptions);

public sealed record ScheduleDto(Guid ProviderId, IReadOnlyList<WeeklyHoursDto> Weekly, IReadOnlyList<ExceptionDto> Exceptions);

public sealed record ClosureRequest(string? Date, string? Reason);

public sealed record AvailabilityDto(Guid ProviderId, DateTimeOffset Start);

/// <summary>
/// Setting up the clinic by API: services, providers and their schedules, rooms and machines,
/// closures, and the bookable starts. Deactivation is a PUT with <c>active: false</c>; a DELETE
/// answers 204 for something nothing names yet and 409 for anything with history.
/// </summary>
public static class CatalogEndpoints
{
    private static readonly string[] ServiceFields = ["name", "activity", "tags", "durationMinutes", "price", "bufferMinutes", "resourceIds", "providerIds", "bookableOnline", "active"];
    private static readonly string[] ProviderFields = ["name", "title", "serviceIds", "active"];
    private static readonly string[] ResourceFields = ["name", "kind"];
    private static readonly string[] ScheduleFields = ["weekly", "exceptions"];

    public static void MapCatalogApi(this RouteGroupBuilder api)
    {
        api.MapGet("/services", async (CatalogQueries catalog, CancellationToken ct) =>
            (await catalog.ServicesAsync(ct)).Select(CatalogServiceDto.From));

        api.MapGet("/services/{id:guid}", async (Guid id, CatalogQueries catalog, CancellationToken ct) =>
            CatalogServiceDto.From(await catalog.ServiceAsync(id, ct) ?? throw DomainException.NotFound("No service has that id.")));

        api.MapPost("/services", async (ServiceRequest request, CatalogService catalog, HttpContext http, Caller caller, CancellationToken ct) =>
        {
            var view = await catalog.CreateServiceAsync(ToCommand(request, caller), ct);
            return Results.Created($"/api/v1/services/{view.Id}", CatalogServiceDto.From(view));
        });

        api.MapPut("/services/{id:guid}", async (Guid id, HttpRequest httpRequest, CatalogService catalog, IOptions<JsonOptions> json, Caller caller, CancellationToken ct) =>
        {
            var request = await ApiBody.CompleteAsync<ServiceRequest>(httpRequest, json.Value.SerializerOptions, ServiceFields);
            return CatalogServiceDto.From(await catalog.UpdateServiceAsync(id, ToCommand(request, caller), ct));
        }).Accepts<ServiceRequest>("application/json");

        api.MapDelete("/services/{id:guid}", async (Guid id, CatalogService catalog, Caller caller, CancellationToken ct) =>
        {
            await catalog.DeleteServiceAsync(id, caller, ct);
            return Results.NoContent();
        });

        api.MapGet("/providers", async (CatalogQueries catalog, CancellationToken ct) =>
            (await catalog.ProvidersAsync(ct)).Select(CatalogProviderDto.From));

        api.MapGet("/providers/{id:guid}", async (Guid id, CatalogQueries catalog, CancellationToken ct) =>
            CatalogProviderDto.From(await catalog.ProviderAsync(id, ct) ?? throw DomainException.NotFound("No provider has that id.")));

        api.MapPost("/providers", async (ProviderRequest request, CatalogService catalog, HttpContext http, Caller caller, CancellationToken ct) =>
        {
            var view = await catalog.CreateProviderAsync(ToCommand(request, caller), ct);
            return Results.Created($"/api/v1/providers/{view.Id}", CatalogProviderDto.From(view));
        });

        api.MapPut("/providers/{id:guid}", async (Guid id, HttpRequest httpRequest, CatalogService catalog, IOptions<JsonOptions> json, Caller caller, CancellationToken ct) =>
        {
            var request = await ApiBody.CompleteAsync<ProviderRequest>(httpRequest, json.Value.SerializerOptions, ProviderFields);
            return CatalogProviderDto.From(await catalog.UpdateProviderAsync(id, ToCommand(request, caller), ct));
        }).Accepts<ProviderRequest>("application/json");

        api.MapDelete("/providers/{id:guid}", async (Guid id, CatalogService catalog, Caller caller, CancellationToken ct) =>
        {
            await catalog.DeleteProviderAsync(id, caller, ct);
            return Results.NoContent();
        });

        api.MapGet("/providers/{id:guid}/schedule", async (Guid id, CatalogQueries catalog, CancellationToken ct) =>
            ToDto(await catalog.ScheduleAsync(id, ct)));

        api.MapPut("/providers/{id:guid}/schedule", async (Guid id, HttpRequest httpRequest, CatalogService catalog, IOptions<JsonOptions> json, Caller caller, CancellationToken ct) =>
        {
            var request = await ApiBody.CompleteAsync<ScheduleRequest>(httpRequest, json.Value.SerializerOptions, ScheduleFields);
            return ToDto(await catalog.SetScheduleAsync(ToCommand(id, request, caller), ct));
        }).Accepts<ScheduleRequest>("application/json");

        api.MapGet("/resources", async (CatalogQueries catalog, CancellationToken ct) =>
            (await catalog.ResourcesAsync(ct)).Select(ResourceDto.From));

        api.MapGet("/resources/{id:guid}", async (Guid id, CatalogQueries catalog, CancellationToken ct) =>
            ResourceDto.From(await catalog.ResourceAsync(id, ct) ?? throw DomainException.NotFound("No room or machine has that id.")));

        api.MapPost("/resources", async (ResourceRequest request, CatalogService catalog, HttpContext http, Caller caller, CancellationToken ct) =>
        {
            var command = new SaveResource(request.Name ?? string.Empty, Kind(request.Kind), request.Active ?? true, caller);
            var view = await catalog.CreateResourceAsync(command, ct);
            return Results.Created($"/api/v1/resources/{view.Id}", ResourceDto.From(view));
        });

        api.MapPut("/resources/{id:guid}", async (Guid id, HttpRequest httpRequest, CatalogService catalog, CatalogQueries queries, IOptions<JsonOptions> json, Caller caller, CancellationToken ct) =>
        {
            var request = await ApiBody.CompleteAsync<ResourceRequest>(httpRequest, json.Value.SerializerOptions, ResourceFields);
            // active may be left out: it then stays as it is.
            var active = request.Active ?? (await queries.ResourceAsync(id, ct) ?? throw DomainException.NotFound("That room or machine does not exist.")).Active;
            return ResourceDto.From(await catalog.UpdateResourceAsync(id, new SaveResource(request.Name ?? string.Empty, Kind(request.Kind), active, caller), ct));
        }).Accepts<ResourceRequest>("application/json");

        api.MapDelete("/resources/{id:guid}", async (Guid id, CatalogService catalog, Caller caller, CancellationToken ct) =>
        {
            await catalog.DeleteResourceAsync(id, caller, ct);
            return Results.NoContent();
        });

        api.MapGet("/closures", async (string? from, string? to, CatalogQueries catalog, CancellationToken ct) =>
            (await catalog.ClosuresAsync(OptionalDate(from, "from"), OptionalDate(to, "to"), ct)).Select(c => new { date = Text(c.Date), reason = c.Reason }));

        api.MapPost("/closures", async (ClosureRequest request, CatalogService catalog, HttpContext http, Caller caller, CancellationToken ct) =>
        {
            var command = new AddClosure(Date(request.Date, "date"), request.Reason ?? string.Empty, caller);
            var view = await catalog.AddClosureAsync(command, ct);
            return Results.Created($"/api/v1/closures/{Text(view.Date)}", new { date = Text(view.Date), reason = view.Reason });
        });

        api.MapDelete("/closures/{date}", async (string date, CatalogService catalog, Caller caller, CancellationToken ct) =>
        {
            await catalog.RemoveClosureAsync(Date(date, "date"), caller, ct);
            return Results.NoContent();
        });

        // The bookable starts of a service (for one provider or any), from..to business dates.
        api.MapGet("/availability", async (Guid? serviceId, Guid? providerId, string? from, string? to, int? step, CatalogQueries catalog, CancellationToken ct) =>
        {
            var service = serviceId ?? throw DomainException.Invalid("serviceId is required.", "serviceId");
            if (step is < 5 or > 720)
            {
                throw DomainException.Invalid("step is a number of minutes from 5 to 720.", "step");
            }
            var starts = await catalog.AvailabilityAsync(service, providerId, Date(from, "from"), Date(to, "to"), step, ct);
            return starts.Select(s => new AvailabilityDto(s.ProviderId, s.Start));
        });
    }

    private static SaveService ToCommand(ServiceRequest r, Caller caller) => new(
        r.Name ?? string.Empty,
        r.Activity ?? string.Empty,
        (r.Tags ?? []).Select(t => t ?? string.Empty).ToList(),
        r.DurationMinutes ?? throw DomainException.Invalid("durationMinutes is required.", "durationMinutes"),
        r.Price ?? throw DomainException.Invalid("price is required.", "price"),
        r.BufferMinutes ?? 0,
        r.ResourceIds ?? [],
        r.ProviderIds ?? [],
        r.BookableOnline ?? true,
        r.Active ?? true,
        r.Colour,
        caller);

    private static SaveProvider ToCommand(ProviderRequest r, Caller caller) =>
        new(r.Name ?? string.Empty, r.Title, r.ServiceIds ?? [], r.Active ?? true, r.Colour, r.Order, caller);

    private static SetSchedule ToCommand(Guid providerId, ScheduleRequest r, Caller caller)
    {
        var weekly = r.Weekly ?? throw DomainException.Invalid("weekly is required (a list, empty for no weekly hours).", "weekly");
        var exceptions = r.Exceptions ?? throw DomainException.Invalid("exceptions is required (a list, empty for none).", "exceptions");
        Limits.EnsureCount(weekly, Limits.MaxListItems, "weekly", "Weekly hours");
        Limits.EnsureCount(exceptions, Limits.MaxListItems, "exceptions", "Exceptions");
        return new SetSchedule(
            providerId,
            weekly.Select((w, i) =>
            {
                var entry = w ?? throw DomainException.Invalid($"weekly[{i}] is empty.", "weekly");
                var day = entry.Weekday ?? throw DomainException.Invalid($"weekly[{i}].weekday is required (Monday to Sunday).", "weekly");
                return new WeeklyHoursView(day, Time(entry.Start, $"weekly[{i}].start"), Time(entry.End, $"weekly[{i}].end", end: true), Breaks(entry.Breaks, $"weekly[{i}]"));
            }).ToList(),
            exceptions.Select((e, i) =>
            {
                var entry = e ?? throw DomainException.Invalid($"exceptions[{i}] is empty.", "exceptions");
                var date = Date(entry.Date, $"exceptions[{i}].date");
                var off = entry.Off ?? false;
                return new ExceptionView(
                    date,
                    off,
                    entry.Start is null ? null : Time(entry.Start, $"exceptions[{i}].start"),
                    entry.End is null ? null : Time(entry.End, $"exceptions[{i}].end", end: true),
                    Breaks(entry.Breaks, $"exceptions[{i}]"),
                    entry.Reason ?? string.Empty);
            }).ToList(),
            caller);
    }

    private static IReadOnlyList<BreakView> Breaks(IReadOnlyList<BreakDto?>? breaks, string where)
    {
        var given = breaks ?? [];
        Limits.EnsureCount(given, Limits.MaxListItems, "breaks", "Breaks");
        return given.Select((b, i) =>
        {
            var entry = b ?? throw DomainException.Invalid($"{where}.breaks[{i}] is empty.", "breaks");
            return new BreakView(Time(entry.Start, $"{where}.breaks[{i}].start"), Time(entry.End, $"{where}.breaks[{i}].end", end: true));
        }).ToList();
    }

    private static ScheduleDto ToDto(ScheduleView s) => new(
        s.ProviderId,
        s.Weekly.Select(w => new WeeklyHoursDto(w.Weekday, Text(w.Start), Text(w.End), w.Breaks.Select(b => (BreakDto?)new BreakDto(Text(b.Start), Text(b.End))).ToList())).ToList(),
        s.Exceptions.Select(e => e.Off
            ? new ExceptionDto(Text(e.Date), true, null, null, [], e.Reason)
            : new ExceptionDto(Text(e.Date), false, e.Start is { } a ? Text(a) : null, e.End is { } b ? Text(b) : null, e.Breaks.Select(x => (BreakDto?)new BreakDto(Text(x.Start), Text(x.End))).ToList(), e.Reason)).ToList());

    private static ResourceKind Kind(ResourceKind? kind) => kind ?? throw DomainException.Invalid("kind is required: Room or Machine.", "kind");

    /// <summary>"09:30" (24-hour clock); an end may be "24:00", the end of the day.</summary>
    internal static TimeOnly Time(string? value, string field, bool end = false)
    {
        if (end && value == "24:00")
        {
            return TimeOnly.MaxValue;
        }
        if (value is null || !TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw DomainException.Invalid($"{field} is a time of day written HH:mm, e.g. 09:00{(end ? " (or 24:00 for midnight)" : string.Empty)}.", field);
        }
        return time;
    }

    internal static string Text(TimeOnly time) => FrontDesk.Domain.Staff.TimeRange.Clock(time);

    internal static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date written yyyy-MM-dd.</summary>
    internal static DateOnly Date(string? value, string field)
    {
        if (value is null || !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw DomainException.Invalid($"{field} is required, written yyyy-MM-dd, e.g. 2027-01-06.", field);
        }
        return date;
    }

    private static DateOnly? OptionalDate(string? value, string field) => string.IsNullOrWhiteSpace(value) ? null : Date(value, field);
}
