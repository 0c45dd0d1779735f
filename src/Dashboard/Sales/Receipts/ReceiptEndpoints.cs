using FrontDesk.Dashboard.Api;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace FrontDesk.Dashboard.Sales.Receipts;

/// <summary>The receipt settings in the API; a PUT gives every field.</summary>
public sealed record ReceiptSettingsDto(string? Address, string? Phone, string? TaxName, decimal? TaxRatePercent, bool? PricesIncludeTax)
{
    public static ReceiptSettingsDto From(ReceiptSettings s) => new(s.Address, s.Phone, s.TaxName, s.TaxRatePercent, s.PricesIncludeTax);
}

/// <summary>
/// Receipts in the API: <c>GET /api/v1/sales/{id}/receipt.pdf</c> (desk roles),
/// <c>POST /api/v1/sales/{id}/receipt/email</c>, and <c>GET/PUT /api/v1/settings/receipts</c>.
/// </summary>
public static class ReceiptEndpoints
{
    /// <summary>The PDF of a receipt: <c>?paper=a4</c> (the default) or <c>?paper=roll80</c> (an 80 mm till roll).</summary>
    public static string Pdf(Guid saleId) => $"/api/v1/sales/{saleId}/receipt.pdf";

    public static void MapReceiptApi(this RouteGroupBuilder api)
    {
        api.MapGet("/sales/{id:guid}/receipt.pdf", (Guid id, string? paper, ReceiptService receipts, CancellationToken ct) => PdfAsync(id, paper, receipts, ct))
            .RequireAuthorization(policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
                .RequireRole(nameof(StaffRole.Owner), nameof(StaffRole.Manager), nameof(StaffRole.Receptionist)))
            .Produces(StatusCodes.Status200OK, contentType: ReceiptPdf.ContentType);

        api.MapPost("/sales/{id:guid}/receipt/email", async (Guid id, ReceiptService receipts, Caller caller, CancellationToken ct) =>
        {
            try
            {
                var sent = await receipts.EmailAsync(id, caller, ct);
                return Results.Ok(new { saleId = sent.SaleId, number = sent.Number, to = sent.To, sent = true });
            }
            catch (ReceiptSendException failed)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status502BadGateway,
                    title: "The receipt could not be sent.",
                    detail: failed.Message,
                    extensions: new Dictionary<string, object?> { ["traceId"] = failed.Reference, ["ref"] = Errors.UnexpectedError.Short(failed.Reference) });
            }
            catch (ReceiptFontMissingException missing)
            {
                return FontMissing(missing);
            }
        });

        api.MapGet("/settings/receipts", async (ReceiptSettingsService settings, CancellationToken ct) => ReceiptSettingsDto.From(await settings.GetAsync(ct)));

        // PUT replaces: every field must be given (400 names the missing ones); address and phone may be null.
        api.MapPut("/settings/receipts", async (HttpRequest body, ReceiptSettingsService settings, IOptions<JsonOptions> json, Caller caller, CancellationToken ct) =>
        {
            var request = await ApiBody.CompleteAsync<ReceiptSettingsDto>(body, json.Value.SerializerOptions, "address", "phone", "taxName", "taxRatePercent", "pricesIncludeTax");
            var saved = await settings.SaveAsync(new ReceiptSettings(
                request.Address,
                request.Phone,
                request.TaxName ?? throw DomainException.Invalid("taxName is required (e.g. \"VAT\").", "taxName"),
                request.TaxRatePercent ?? throw DomainException.Invalid("taxRatePercent is required (0 = no tax).", "taxRatePercent"),
                request.PricesIncludeTax ?? throw DomainException.Invalid("pricesIncludeTax is required (true or false).", "pricesIncludeTax")), caller, ct);
            return ReceiptSettingsDto.From(saved);
        }).Accepts<ReceiptSettingsDto>("application/json");
    }

    /// <summary>
    /// The receipt's PDF as a file, shared by the API and the screen download
    /// (<see cref="ScreenDownloads.Receipt"/>): 404 problem for an unknown sale, 400 for an
    /// unknown paper, 503 when the server has no font for PDFs.
    /// </summary>
    public static async Task<IResult> PdfAsync(Guid id, string? paper, ReceiptService receipts, CancellationToken ct)
    {
        var size = paper?.Trim().ToLowerInvariant() switch
        {
            null or "" or "a4" => ReceiptPaper.A4,
            "roll80" or "80mm" => ReceiptPaper.Roll80,
            _ => throw DomainException.Invalid("paper is a4 (the default) or roll80 (an 80 mm till roll).", "paper"),
        };
        try
        {
            var (pdf, fileName) = await receipts.PdfAsync(id, size, ct);
            return Results.File(pdf, ReceiptPdf.ContentType, fileName);
        }
        catch (ReceiptFontMissingException missing)
        {
            return FontMissing(missing);
        }
    }

    private static IResult FontMissing(ReceiptFontMissingException missing) => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "PDF receipts are not available on this server.",
        detail: missing.Message);
}
