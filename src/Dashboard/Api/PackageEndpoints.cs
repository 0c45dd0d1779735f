using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace FrontDesk.Dashboard.Api;

public sealed record SaveTemplateRequest(
    string? Name,
    PackageKind? Kind,
    PackageValueType? ValueType,
    IReadOnlyList<Guid>? ServiceIds,
    IReadOnlyList<PackageLineView>? Lines,
    bool? AllServices,
    int? Sessions,
    decimal? Value,
    decimal? Price,
    decimal? DiscountPercent,
    bool? ForSale,
    Guid? ProviderId,
    int? ExpiryDays,
    int? ExpiryMonths,
    RestrictionsView? Restrictions);

public sealed record AcquirePackageRequest(Guid? TemplateId, AcquisitionMode? Mode, string? Reason, IReadOnlyList<PaymentRequest>? Payments);

public sealed record FreezeRequest(DateOnly? From, DateOnly? To);

public sealed record TransferRequest(Guid? ToClientId);

public sealed record AdjustRequest(decimal? Delta, string? Reason);

public sealed record ReasonRequest(string? Reason);

public sealed record PayRecordRequest(IReadOnlyList<PaymentRequest>? Payments);

/// <summary>A new last valid day, or neverExpires: true; always with a reason.</summary>
public sealed record ExpiryRequest(DateOnly? ExpiresOn, bool? NeverExpires, string? Reason);

public static class PackageEndpoints
{
    public static void MapPackageApi(this RouteGroupBuilder api)
    {
        api.MapGet("/package-templates", (PackageQueries queries, CancellationToken ct) => queries.TemplatesAsync(ct));

        api.MapPost("/package-templates", async (SaveTemplateRequest request, PackageService packages, Caller caller, CancellationToken ct) =>
        {
            var view = await packages.CreateTemplateAsync(ToCommand(request, caller), ct);
            return Results.Created($"/api/v1/package-templates/{view.Id}", view);
        });

        api.MapPost("/clients/{id:guid}/packages", async (Guid id, AcquirePackageRequest request, PackageService packages, HttpContext http, Caller caller, CancellationToken ct) =>
        {
            var mode = request.Mode ?? throw DomainException.Invalid("mode is required: Paid, Unpaid or Complimentary.", "mode");
            var payments = request.Payments is null ? null : Payments(request.Payments);
            var command = new AcquirePackage(id, request.TemplateId ?? throw DomainException.Invalid("templateId is required.", "templateId"), mode, request.Reason, payments, caller)
            {
            };
            var view = await packages.AcquireAsync(command, ct);
            return Results.Created($"/api/v1/package-records/{view.Id}", view);
        });

        api.MapGet("/clients/{id:guid}/packages", (Guid id, PackageQueries queries, CancellationToken ct) => queries.ClientRecordsAsync(id, ct));

        api.MapGet("/package-records/{id:guid}", async (Guid id, PackageQueries queries, CancellationToken ct) =>
            await queries.RecordAsync(id, ct) ?? throw DomainException.NotFound("That package record does not exist."));

        api.MapGet("/package-records/{id:guid}/history", (Guid id, PackageQueries queries, CancellationToken ct) => queries.HistoryAsync(id, ct));

        api.MapPost("/package-records/{id:guid}/freeze", (Guid id, FreezeRequest request, PackageService packages, Caller caller, CancellationToken ct) =>
            packages.FreezeAsync(id,
                request.From ?? throw DomainException.Invalid("from is required (yyyy-MM-dd).", "from"),
                request.To ?? throw DomainException.Invalid("to is required (yyyy-MM-dd).", "to"), caller, ct));

        api.MapPost("/package-records/{id:guid}/unfreeze", (Guid id, PackageService packages, Caller caller, CancellationToken ct) =>
            packages.UnfreezeAsync(id, caller, ct));

        api.MapPost("/package-records/{id:guid}/payments", (Guid id, PayRecordRequest request, PackageService packages, Caller caller, CancellationToken ct) =>
            packages.PayAsync(id, Payments(request.Payments), caller, ct));

        api.MapPost("/package-records/{id:guid}/expiry", (Guid id, ExpiryRequest request, PackageService packages, Caller caller, CancellationToken ct) =>
        {
            if (request.ExpiresOn is not null == (request.NeverExpires ?? false))
            {
                throw DomainException.Invalid("Give expiresOn (yyyy-MM-dd) or neverExpires: true, one of them.", "expiresOn");
            }
            return packages.ChangeExpiryAsync(id, request.ExpiresOn, request.Reason, caller, ct);
        });

        api.MapPost("/package-records/{id:guid}/transfer", async (Guid id, TransferRequest request, PackageService packages, Caller caller, CancellationToken ct) =>
        {
            var (from, to) = await packages.TransferAsync(id, request.ToClientId ?? throw DomainException.Invalid("toClientId is required.", "toClientId"), caller, ct);
            return new { from, to };
        });

        api.MapPost("/package-records/{id:guid}/adjust", (Guid id, AdjustRequest request, PackageService packages, Caller caller, CancellationToken ct) =>
            packages.AdjustAsync(id, request.Delta ?? throw DomainException.Invalid("delta is required.", "delta"), request.Reason, caller, ct));

        api.MapPost("/package-records/{id:guid}/cancel", (Guid id, ReasonRequest? request, PackageService packages, Caller caller, CancellationToken ct) =>
            packages.CancelAsync(id, request?.Reason, caller, ct));

        api.MapGet("/settings/packages", (SettingsService settings, CancellationToken ct) => settings.PackagesAsync(ct));

        // PUT replaces: every field must be given (400 names the missing ones), so {} never resets anything.
        api.MapPut("/settings/packages", async (HttpRequest body, SettingsService settings, IOptions<JsonOptions> json, Caller caller, CancellationToken ct) =>
        {
            var request = await ApiBody.CompleteAsync<PackageSettings>(body, json.Value.SerializerOptions, "redemptionPolicy", "redeemOnline");
            await settings.SaveAsync(request, caller, ct);
            return await settings.PackagesAsync(ct);
        }).Accepts<PackageSettings>("application/json");

        api.MapGet("/settings/attendance", (SettingsService settings, CancellationToken ct) => settings.AttendanceAsync(ct));

        api.MapPut("/settings/attendance", async (HttpRequest body, SettingsService settings, IOptions<JsonOptions> json, Caller caller, CancellationToken ct) =>
        {
            var request = await ApiBody.CompleteAsync<AttendanceSettings>(body, json.Value.SerializerOptions, "checkInHoursBefore", "noShow", "lateCancellation", "lateCancellationHours");
            await settings.SaveAsync(request, caller, ct);
            return await settings.AttendanceAsync(ct);
        }).Accepts<AttendanceSettings>("application/json");

        // GET /reports/sales and its CSV: Sales/SalesReportEndpoints.cs.

        api.MapGet("/reports/liability", async (string? at, PackageQueries queries, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(at) ? await queries.LiabilityNowAsync(ct) : await queries.LiabilityAsync(ApiEndpoints.Instant(at, "at"), ct))
            .RequireAuthorization(ApiKeyAuthentication.ManagerPolicy);
    }

    /// <summary>The sales of [from, to) as a CSV file: the API's report and the screens' download (<see cref="ScreenDownloads"/>) both answer with this.</summary>
    internal static async Task<IResult> SalesCsvAsync(string? from, string? to, FrontDesk.Dashboard.Sales.SalesQueries sales, CancellationToken ct)
    {
        var start = ApiEndpoints.Instant(from, "from");
        var end = ApiEndpoints.Instant(to, "to");
        var csv = await sales.CsvAsync(start, end, ct);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv", $"sales-{start:yyyyMMdd}-{end.AddSeconds(-1):yyyyMMdd}.csv");
    }

    /// <summary>The payments of a request, each with its method and amount, at most <see cref="Limits.MaxPayments"/>.</summary>
    internal static List<PaymentLine> Payments(IReadOnlyList<PaymentRequest?>? payments)
    {
        var given = payments ?? throw DomainException.Invalid("payments is required.", "payments");
        Limits.EnsureCount(given, Limits.MaxPayments, "payments", "Payments of one invoice");
        return given.Select((p, i) => new PaymentLine(
                (p ?? throw DomainException.Invalid($"payments[{i}] is empty; give a method and an amount.", "payments")).Method ?? throw DomainException.Invalid($"payments[{i}].method is required (Cash or Card).", "payments"),
                p.Amount ?? throw DomainException.Invalid($"payments[{i}].amount is required.", "payments")))
            .ToList();
    }

    private static SaveTemplate ToCommand(SaveTemplateRequest r, Caller caller)
    {
        var kind = r.Kind ?? throw DomainException.Invalid("kind is required: Course, Fixed or AnyFromList.", "kind");
        if (r.ExpiryDays is not null && r.ExpiryMonths is not null)
        {
            throw DomainException.Invalid("Give expiryDays or expiryMonths, not both.", "expiryDays");
        }
        var serviceIds = r.ServiceIds ?? [];
        var lines = r.Lines ?? (kind == PackageKind.Course && serviceIds.Count == 1
            ? [new PackageLineView(serviceIds[0], r.Sessions ?? throw DomainException.Invalid("sessions is required for a course.", "sessions"))]
            : []);
        return new SaveTemplate(
            r.Name ?? string.Empty,
            kind,
            r.ValueType ?? PackageValueType.Sessions,
            lines,
            kind == PackageKind.AnyFromList ? serviceIds : [],
            r.AllServices ?? false,
            r.Value ?? r.Sessions ?? 0m,
            r.Price ?? throw DomainException.Invalid("price is required.", "price"),
            r.DiscountPercent ?? 0m,
            r.ForSale ?? true,
            r.ProviderId,
            r.ExpiryDays ?? r.ExpiryMonths,
            r.ExpiryMonths is not null ? ExpiryUnit.Months : ExpiryUnit.Days,
            r.Restrictions,
            caller);
    }
}
