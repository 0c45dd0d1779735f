using System.Globalization;
using FrontDesk.Dashboard.Api;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Memberships;

namespace FrontDesk.Dashboard.Memberships;

public sealed record MembershipTermsRequest(int? ValidityDays, ValidityStart? ValidFrom, IReadOnlyList<Guid>? ServiceIds, int? Visits, decimal? MoneyValue);

public sealed record SaveProductRequest(string? Name, decimal? Price, bool? IsMembership, MembershipTermsRequest? Membership, bool? Active = null);

public sealed record StockLineRequest(Guid? ProductId, int? Quantity);

public sealed record StockDocumentRequest(IReadOnlyList<StockLineRequest?>? Lines, string? Note);

public sealed record SellLineRequest(Guid? ProductId, int? Quantity, string? Code, bool? GenerateCode, Guid? HolderClientId);

public sealed record SellRequest(Guid? ClientId, Guid? AppointmentId, IReadOnlyList<SellLineRequest?>? Lines, IReadOnlyList<PaymentRequest?>? Payments);

public sealed record UseMembershipRequest(Guid? AppointmentId);

public sealed record AssignMembershipRequest(Guid? ClientId);

public static class MembershipEndpoints
{
    public static void MapMembershipApi(this RouteGroupBuilder api)
    {
        api.MapGet("/products", (MembershipQueries queries, CancellationToken ct) => queries.ProductsAsync(ct));

        api.MapGet("/products/{id:guid}", async (Guid id, MembershipQueries queries, CancellationToken ct) =>
            await queries.ProductAsync(id, ct) ?? throw DomainException.NotFound("That product does not exist."));

        api.MapPost("/products", async (SaveProductRequest request, MembershipService memberships, Caller caller, CancellationToken ct) =>
        {
            var view = await memberships.CreateProductAsync(ToCommand(request, caller), ct);
            return Results.Created($"/api/v1/products/{view.Id}", view);
        });

        api.MapPut("/products/{id:guid}", (Guid id, SaveProductRequest request, MembershipService memberships, Caller caller, CancellationToken ct) =>
            memberships.UpdateProductAsync(id, ToCommand(request, caller), request.Active, ct));

        api.MapPost("/inventory/arrivals", async (StockDocumentRequest request, MembershipService memberships, Caller caller, CancellationToken ct) =>
        {
            var view = await memberships.ReceiveAsync(Lines(request.Lines), request.Note, caller, ct);
            return Results.Created($"/api/v1/inventory/documents/{view.Id}", view);
        });

        api.MapPost("/inventory/write-offs", async (StockDocumentRequest request, MembershipService memberships, Caller caller, CancellationToken ct) =>
        {
            var view = await memberships.WriteOffAsync(Lines(request.Lines), request.Note, caller, ct);
            return Results.Created($"/api/v1/inventory/documents/{view.Id}", view);
        });

        api.MapGet("/inventory/documents", (int? take, MembershipQueries queries, CancellationToken ct) => queries.DocumentsAsync(take ?? 50, ct));

        api.MapPost("/inventory/sales", async (SellRequest request, MembershipService memberships, HttpContext http, Caller caller, CancellationToken ct) =>
        {
            var given = request.Lines ?? throw DomainException.Invalid("lines is required: at least one {productId, quantity}.", "lines");
            Limits.EnsureCount(given, InventoryDocument.MaxLines, "lines", "Lines of one sale");
            var lines = given.Select((l, i) =>
            {
                var line = l ?? throw DomainException.Invalid($"lines[{i}] is empty.", "lines");
                return new SellLine(
                    line.ProductId is { } p && p != Guid.Empty ? p : throw DomainException.Invalid($"lines[{i}].productId is required.", "productId"),
                    line.Quantity ?? 1,
                    line.Code,
                    line.GenerateCode ?? false,
                    line.HolderClientId);
            }).ToList();
            // An Idempotency-Key reaches the unit of work through the filter's IdempotencyScope.
            var command = new SellProducts(request.ClientId, request.AppointmentId, lines, PackageEndpoints.Payments(request.Payments), caller);
            var view = await memberships.SellAsync(command, ct);
            return Results.Created($"/api/v1/inventory/documents/{view.Id}", view);
        });

        api.MapGet("/memberships/{code}", (string code, MembershipQueries queries, CancellationToken ct) => queries.ByCodeAsync(code, ct));

        api.MapPost("/memberships/{code}/use", (string code, UseMembershipRequest request, MembershipService memberships, Caller caller, CancellationToken ct) =>
            memberships.UseAsync(code, AppointmentOf(request), caller, ct));

        api.MapPost("/memberships/{code}/give-back", (string code, UseMembershipRequest request, MembershipService memberships, Caller caller, CancellationToken ct) =>
            memberships.GiveBackAsync(code, AppointmentOf(request), caller, ct))
            .WithSummary("Gives back the membership's visit used on an appointment not yet checked out (kept in its history as returned).");

        api.MapPost("/memberships/{code}/assign", (string code, AssignMembershipRequest request, MembershipService memberships, Caller caller, CancellationToken ct) =>
            memberships.AssignAsync(code, request.ClientId is { } c && c != Guid.Empty ? c : throw DomainException.Invalid("clientId is required.", "clientId"), caller, ct));

        api.MapGet("/clients/{id:guid}/memberships", (Guid id, MembershipQueries queries, CancellationToken ct) => queries.ClientMembershipsAsync(id, ct));

        api.MapGet("/settings/inventory", (MembershipQueries queries, CancellationToken ct) => queries.SettingsAsync(ct));

        api.MapPut("/settings/inventory", async (InventorySettingsRequest request, MembershipService memberships, MembershipQueries queries, Caller caller, CancellationToken ct) =>
        {
            await memberships.SaveSettingsAsync(new InventorySettings(request.AllowNegativeStock ?? throw DomainException.Invalid("allowNegativeStock is required.", "allowNegativeStock")), caller, ct);
            return await queries.SettingsAsync(ct);
        });

        api.MapGet("/reports/memberships", async (string? from, string? to, MembershipQueries queries, BusinessClock clock, CancellationToken ct) =>
        {
            var (start, end) = Period(from, to, clock);
            return await queries.ReportAsync(start, end, ct);
        }).RequireAuthorization(ApiKeyAuthentication.ManagerPolicy);

        api.MapGet("/reports/memberships.csv", (string? from, string? to, MembershipQueries queries, BusinessClock clock, CancellationToken ct) =>
            ReportCsvAsync(from, to, queries, clock, ct)).RequireAuthorization(ApiKeyAuthentication.ManagerPolicy);
    }

    /// <summary>The memberships sold in the period as a CSV file: the API and the screen's download answer with this.</summary>
    public static async Task<IResult> ReportCsvAsync(string? from, string? to, MembershipQueries queries, BusinessClock clock, CancellationToken ct)
    {
        var (start, end) = Period(from, to, clock);
        var csv = await queries.ReportCsvAsync(start, end, ct);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv", $"memberships-{clock.DateOf(start):yyyyMMdd}-{clock.DateOf(end.AddSeconds(-1)):yyyyMMdd}.csv");
    }

    /// <summary>A period from business days (yyyy-MM-dd, both included) or ISO 8601 instants with offset.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Period(string? from, string? to, BusinessClock clock)
    {
        DateTimeOffset Parse(string? value, string field, bool end) =>
            DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? clock.StartOf(end ? day.AddDays(1) : day)
                : ApiEndpoints.Instant(value, field);
        return (Parse(from, "from", false), Parse(to, "to", true));
    }

    private static List<StockLine> Lines(IReadOnlyList<StockLineRequest?>? lines)
    {
        var given = lines ?? throw DomainException.Invalid("lines is required: at least one {productId, quantity}.", "lines");
        Limits.EnsureCount(given, InventoryDocument.MaxLines, "lines", "Lines of one document");
        return given.Select((l, i) => new StockLine(
            l?.ProductId is { } p && p != Guid.Empty ? p : throw DomainException.Invalid($"lines[{i}].productId is required.", "productId"),
            l.Quantity ?? throw DomainException.Invalid($"lines[{i}].quantity is required.", "quantity"))).ToList();
    }

    private static SaveProduct ToCommand(SaveProductRequest r, Caller caller)
    {
        var isMembership = r.IsMembership ?? r.Membership is not null;
        if (isMembership && r.Membership is null)
        {
            throw DomainException.Invalid("A membership type needs membership: {validityDays, serviceIds, visits}.", "membership");
        }
        if (!isMembership && r.Membership is not null)
        {
            throw DomainException.Invalid("membership is only for a membership type (isMembership: true).", "membership");
        }
        var terms = r.Membership is { } m
            ? new MembershipTermsInput(
                m.ValidityDays ?? throw DomainException.Invalid("membership.validityDays is required.", "membership.validityDays"),
                m.ValidFrom ?? ValidityStart.Sale,
                m.ServiceIds ?? throw DomainException.Invalid("membership.serviceIds is required.", "membership.serviceIds"),
                m.Visits,
                m.MoneyValue)
            : null;
        return new SaveProduct(r.Name, r.Price ?? throw DomainException.Invalid("price is required.", "price"), terms, caller);
    }

    /// <summary>The appointment a membership visit is used on or given back from: required.</summary>
    private static Guid AppointmentOf(UseMembershipRequest request) =>
        request.AppointmentId is { } a && a != Guid.Empty ? a : throw DomainException.Invalid("appointmentId is required.", "appointmentId");
}

public sealed record InventorySettingsRequest(bool? AllowNegativeStock);
