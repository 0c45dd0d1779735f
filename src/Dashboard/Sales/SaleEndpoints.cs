using FrontDesk.Dashboard.Api;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;

namespace FrontDesk.Dashboard.Sales;

public sealed record DiscountRequestBody(DiscountType? Type, decimal? Value, string? Reason);

public sealed record SaleLineRequest(
    SaleItemType? Type,
    Guid? ItemId,
    int? Quantity,
    decimal? UnitPrice,
    Guid? ProviderId,
    string? Code,
    bool? GenerateCode,
    Guid? HolderClientId,
    DiscountRequestBody? Discount);

public sealed record TipRequest(decimal? Amount, Guid? ProviderId);

public sealed record CreateSaleRequest(
    Guid? ClientId,
    Guid? AppointmentId,
    IReadOnlyList<SaleLineRequest?>? Lines,
    DiscountRequestBody? Discount,
    TipRequest? Tip,
    IReadOnlyList<PaymentRequest?>? Payments,
    DiscountRequestBody? AppointmentDiscount = null);

public sealed record SalePaymentRequest(IReadOnlyList<PaymentRequest?>? Payments);

public sealed record RefundLineRequest(int? LineNumber, int? Quantity);

public sealed record RefundRequestBody(IReadOnlyList<RefundLineRequest?>? Lines, IReadOnlyList<PaymentRequest?>? Payments, string? Reason);

/// <summary>Sales: create (with an appointment, its check-out), read, pay what is owed, refund; a client's sales (all, or the open ones).</summary>
public static class SaleEndpoints
{
    public static void MapSaleApi(this RouteGroupBuilder api)
    {
        // An Idempotency-Key reaches the unit of work through the filter's IdempotencyScope.
        api.MapPost("/sales", async (CreateSaleRequest request, ISaleService sales, Caller caller, CancellationToken ct) =>
        {
            var view = await sales.CreateAsync(ToCommand(request, caller), ct);
            return Results.Created($"/api/v1/sales/{view.Id}", view);
        }).WithTags("Sales").WithName("CreateSale")
            .Produces<SaleView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/sales/{id:guid}", async (Guid id, ISaleService sales, CancellationToken ct) =>
            await sales.FindAsync(id, ct) ?? throw DomainException.NotFound("That sale does not exist."))
            .WithTags("Sales").WithName("GetSale")
            .Produces<SaleView>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/sales/{id:guid}/payments", (Guid id, SalePaymentRequest request, ISaleService sales, Caller caller, CancellationToken ct) =>
            sales.PayAsync(new PaySale(id, PackageEndpoints.Payments(request.Payments), caller), ct))
            .WithTags("Sales").WithName("PaySale")
            .Produces<SaleView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/sales/{id:guid}/refunds", async (Guid id, RefundRequestBody request, ISaleService sales, Caller caller, CancellationToken ct) =>
        {
            var given = request.Lines ?? throw DomainException.Invalid("lines is required: at least one {lineNumber, quantity}.", "lines");
            Limits.EnsureCount(given, Invoice.MaxLines, "lines", "Lines of one refund");
            var lines = given.Select((l, i) =>
            {
                var line = l ?? throw DomainException.Invalid($"lines[{i}] is empty.", "lines");
                return new RefundLineInput(
                    line.LineNumber ?? throw DomainException.Invalid($"lines[{i}].lineNumber is required.", "lineNumber"),
                    line.Quantity ?? 1);
            }).ToList();
            var payments = request.Payments is null ? null : PackageEndpoints.Payments(request.Payments);
            var view = await sales.RefundAsync(new RefundSale(id, lines, payments, request.Reason, caller), ct);
            return Results.Created($"/api/v1/sales/{view.Id}", view);
        }).WithTags("Sales").WithName("RefundSale")
            .Produces<SaleView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        // open=true: what the client still owes (a list, oldest first); otherwise all their sales
        // and refunds, newest first, a page of at most `limit` (default 50) with `more`.
        api.MapGet("/clients/{id:guid}/sales", async (Guid id, bool? open, int? limit, ISaleService sales, CancellationToken ct) =>
        {
            if (open is true)
            {
                if (limit is not null)
                {
                    throw DomainException.Invalid("limit is for all the client's sales, not with open=true.", "limit");
                }
                return Results.Ok(await sales.OpenForClientAsync(id, ct));
            }
            return Results.Ok(await sales.ForClientAsync(id, limit ?? ClientSalesPage.PageSize, ct));
        }).WithTags("Sales").WithName("ClientSales")
            .Produces<ClientSalesPage>().Produces<IReadOnlyList<SaleView>>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static CreateSale ToCommand(CreateSaleRequest request, Caller caller)
    {
        var given = request.Lines ?? [];
        Limits.EnsureCount(given, Invoice.MaxLines, "lines", "Lines of one sale");
        var lines = given.Select((l, i) =>
        {
            var line = l ?? throw DomainException.Invalid($"lines[{i}] is empty.", "lines");
            return new SaleLineInput(
                line.Type ?? throw DomainException.Invalid($"lines[{i}].type is required: Service, Product, Membership or Package.", "type"),
                line.ItemId is { } item && item != Guid.Empty ? item : throw DomainException.Invalid($"lines[{i}].itemId is required.", "itemId"),
                line.Quantity ?? 1,
                line.UnitPrice,
                line.ProviderId,
                line.Code,
                line.GenerateCode ?? false,
                line.HolderClientId,
                Discount(line.Discount, $"lines[{i}].discount"));
        }).ToList();
        TipInput? tip = request.Tip is { } t
            ? new TipInput(
                t.Amount ?? throw DomainException.Invalid("tip.amount is required.", "tip"),
                t.ProviderId is { } p && p != Guid.Empty ? p : throw DomainException.Invalid("tip.providerId is required: a tip goes to a provider.", "tip"))
            : null;
        return new CreateSale(request.ClientId, request.AppointmentId, lines, Discount(request.Discount, "discount"), tip,
            request.Payments is null ? [] : PackageEndpoints.Payments(request.Payments), caller)
        {
            AppointmentDiscount = Discount(request.AppointmentDiscount, "appointmentDiscount"),
        };
    }

    private static DiscountInput? Discount(DiscountRequestBody? body, string field) => body is null
        ? null
        : new DiscountInput(
            body.Type ?? throw DomainException.Invalid($"{field}.type is required: Amount or Percent.", "discount"),
            body.Value ?? throw DomainException.Invalid($"{field}.value is required.", "discount"),
            body.Reason);
}
