using FrontDesk.Dashboard.Api;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Quotes;

namespace FrontDesk.Dashboard.Quotes;

public sealed record SequenceRequest(SequenceKind? Kind, string? Prefix, int? NextNumber, bool? YearlyReset);

public sealed record PrescribedItemRequest(Guid? ServiceId, int? Quantity, decimal? Price);

public sealed record QuoteTemplateRequest(string? Name, IReadOnlyList<PrescribedItemRequest?>? Items, int? ValidityDays);

public sealed record ActiveRequest(bool? Active);

public sealed record CreateQuoteRequest(Guid? TemplateId, string? Description, string? Number, bool? AutoNumber, DateOnly? Start, DateOnly? Expiry, Guid? ConsultantId);

public sealed record QuoteItemsRequest(IReadOnlyList<PrescribedItemRequest?>? Items);

public sealed record QuoteSaleItemRequest(int? ItemId, int? Quantity);

public sealed record QuoteSaleRequest(IReadOnlyList<QuoteSaleItemRequest?>? Items, IReadOnlyList<PaymentRequest>? Payments);

public sealed record ServiceSaleRequest(IReadOnlyList<Guid>? ServiceIds, IReadOnlyList<PaymentRequest>? Payments);

/// <summary>Numbering sequences, quote templates, quotes, quote sales, single-service sales and credits.</summary>
public static class QuoteEndpoints
{
    public static void MapQuoteApi(this RouteGroupBuilder api)
    {
        api.MapGet("/numbering-sequences", (QuoteQueries queries, CancellationToken ct) => queries.SequencesAsync(ct));

        api.MapPost("/numbering-sequences", async (SequenceRequest request, QuoteService quotes, Caller caller, CancellationToken ct) =>
        {
            var view = await quotes.CreateSequenceAsync(Sequence(request, caller), ct);
            return Results.Ok(view);
        });

        api.MapPut("/numbering-sequences/{id:guid}", (Guid id, SequenceRequest request, QuoteService quotes, Caller caller, CancellationToken ct) =>
            quotes.ChangeSequenceAsync(id, Sequence(request, caller), ct));

        api.MapGet("/quote-templates", (QuoteQueries queries, CancellationToken ct) => queries.TemplatesAsync(ct));

        api.MapPost("/quote-templates", async (QuoteTemplateRequest request, QuoteService quotes, Caller caller, CancellationToken ct) =>
        {
            var view = await quotes.CreateTemplateAsync(Template(request, caller), ct);
            return Results.Created($"/api/v1/quote-templates/{view.Id}", view);
        });

        api.MapPut("/quote-templates/{id:guid}", (Guid id, QuoteTemplateRequest request, QuoteService quotes, Caller caller, CancellationToken ct) =>
            quotes.EditTemplateAsync(id, Template(request, caller), ct));

        api.MapPost("/quote-templates/{id:guid}/active", (Guid id, ActiveRequest request, QuoteService quotes, Caller caller, CancellationToken ct) =>
            quotes.SetTemplateActiveAsync(id, request.Active ?? throw DomainException.Invalid("active is required (true or false).", "active"), caller, ct));

        api.MapDelete("/quote-templates/{id:guid}", async (Guid id, QuoteService quotes, Caller caller, CancellationToken ct) =>
        {
            await quotes.DeleteTemplateAsync(id, caller, ct);
            return Results.NoContent();
        });

        api.MapGet("/clients/{id:guid}/quotes", (Guid id, QuoteQueries queries, CancellationToken ct) => queries.ClientQuotesAsync(id, ct));

        api.MapPost("/clients/{id:guid}/quotes", async (Guid id, CreateQuoteRequest request, QuoteService quotes, Caller caller, CancellationToken ct) =>
        {
            var view = await quotes.CreateQuoteAsync(new CreateQuote(
                id,
                request.TemplateId ?? throw DomainException.Invalid("templateId is required.", "templateId"),
                request.Description,
                request.Number,
                request.AutoNumber ?? false,
                request.Start,
                request.Expiry,
                request.ConsultantId,
                caller), ct);
            return Results.Created($"/api/v1/quotes/{view.Id}", view);
        });

        api.MapGet("/quotes/{id:guid}", async (Guid id, QuoteQueries queries, CancellationToken ct) =>
            await queries.QuoteAsync(id, ct) ?? throw DomainException.NotFound("That quote does not exist."));

        api.MapPut("/quotes/{id:guid}/items", (Guid id, QuoteItemsRequest request, QuoteService quotes, Caller caller, CancellationToken ct) =>
            quotes.ReplaceItemsAsync(id, Items(request.Items).Select(i => new QuoteItemInput(i.ServiceId, i.Quantity, i.Price)).ToList(), caller, ct));

        api.MapPost("/quotes/{id:guid}/confirm", (Guid id, QuoteService quotes, Caller caller, CancellationToken ct) => quotes.ConfirmAsync(id, caller, ct));

        api.MapPost("/quotes/{id:guid}/close", (Guid id, QuoteService quotes, Caller caller, CancellationToken ct) => quotes.CloseAsync(id, caller, ct));

        api.MapPost("/quotes/{id:guid}/cancel", (Guid id, QuoteService quotes, Caller caller, CancellationToken ct) => quotes.CancelAsync(id, caller, ct));

        api.MapPost("/quotes/{id:guid}/sales", async (Guid id, QuoteSaleRequest request, QuoteService quotes, HttpContext http, Caller caller, CancellationToken ct) =>
        {
            var given = request.Items ?? throw DomainException.Invalid("items is required: [{itemId, quantity}].", "items");
            Limits.EnsureCount(given, Limits.MaxListItems, "items", "Items of one sale");
            var items = given.Select((item, i) => (
                    (item ?? throw DomainException.Invalid($"items[{i}] is empty.", "items")).ItemId ?? throw DomainException.Invalid($"items[{i}].itemId is required.", "items"),
                    item.Quantity ?? throw DomainException.Invalid($"items[{i}].quantity is required.", "items")))
                .ToList();
            // An Idempotency-Key reaches the unit of work through the filter's IdempotencyScope.
            var sale = await quotes.SellFromQuoteAsync(new SellFromQuote(id, items, PackageEndpoints.Payments(request.Payments), caller), ct);
            return Results.Created($"/api/v1/clients/{sale.Quote!.ClientId}/credits", sale);
        });

        api.MapPost("/clients/{id:guid}/service-sales", async (Guid id, ServiceSaleRequest request, QuoteService quotes, HttpContext http, Caller caller, CancellationToken ct) =>
        {
            var sale = await quotes.SellServicesAsync(new SellServices(
                id,
                request.ServiceIds ?? throw DomainException.Invalid("serviceIds is required.", "serviceIds"),
                PackageEndpoints.Payments(request.Payments),
                caller), ct);
            return Results.Created($"/api/v1/clients/{id}/credits", sale);
        });

        api.MapGet("/clients/{id:guid}/credits", (Guid id, QuoteQueries queries, CancellationToken ct) => queries.ClientCreditsAsync(id, ct));
    }

    private static SaveSequence Sequence(SequenceRequest r, Caller caller) => new(
        r.Kind ?? throw DomainException.Invalid("kind is required: Quote, Invoice or Receipt.", "kind"),
        r.Prefix,
        r.NextNumber ?? 1,
        r.YearlyReset ?? false,
        caller);

    private static SaveQuoteTemplate Template(QuoteTemplateRequest r, Caller caller) => new(
        r.Name,
        Items(r.Items ?? []).Select(i => new PrescribedItemView(i.ServiceId, i.Quantity, i.Price ?? throw DomainException.Invalid("Each item needs a price.", "items"))).ToList(),
        r.ValidityDays ?? throw DomainException.Invalid("validityDays is required.", "validityDays"),
        caller);

    private static List<(Guid ServiceId, int Quantity, decimal? Price)> Items(IReadOnlyList<PrescribedItemRequest?>? items)
    {
        var given = items ?? throw DomainException.Invalid("items is required: [{serviceId, quantity, price}].", "items");
        Limits.EnsureCount(given, Limits.MaxListItems, "items", "Prescribed items");
        return given.Select((item, i) => (
                (item ?? throw DomainException.Invalid($"items[{i}] is empty.", "items")).ServiceId ?? throw DomainException.Invalid($"items[{i}].serviceId is required.", "items"),
                item.Quantity ?? throw DomainException.Invalid($"items[{i}].quantity is required.", "items"),
                item.Price))
            .ToList();
    }
}
