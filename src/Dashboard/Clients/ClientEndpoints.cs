using System.Text.Json;
using FrontDesk.Dashboard.Api;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace FrontDesk.Dashboard.Clients;

public sealed record UpdateClientRequest(string? Name, string? Phone, string? Email, DateOnly? DateOfBirth, string? Notes, bool? MarketingConsent, bool? Active, bool? AllowDuplicate = null);

public sealed record MergeClientRequest(Guid? IntoClientId);

public sealed record ImportRowDto(int Row, string Name, string Phone, string Email, DateOnly? DateOfBirth, string Notes, bool MarketingConsent);

/// <summary>What an import did (or, with dryRun, would do): the rows it creates and each bad row's number and reason.</summary>
public sealed record ImportResponse(bool DryRun, int TotalRows, int Created, int Skipped, IReadOnlyList<ImportRowDto>? Rows, IReadOnlyList<ImportError> Errors);

/// <summary>/api/v1/clients: list, read, create, replace (and deactivate), merge, import, export, erase.</summary>
public static class ClientEndpoints
{
    private static readonly string[] PutFields = ["name", "phone", "email", "dateOfBirth", "notes", "marketingConsent", "active"];

    public static void MapClientApi(this RouteGroupBuilder api)
    {
        // Every client, a page at a time (offset + limit, with the total); query filters by name words or phone digits.
        api.MapGet("/clients", async (string? query, int? offset, int? limit, bool? includeInactive, ClientService clients, CancellationToken ct) =>
        {
            var page = await clients.PageAsync(query, offset ?? 0, limit ?? 50, includeInactive ?? false, ct);
            return new ClientPageDto(page.Items.Select(ToDto).ToList(), page.Offset, page.Limit, page.Total);
        });

        api.MapGet("/clients/{id:guid}", async (Guid id, ClientService clients, CancellationToken ct) =>
            await clients.FindAsync(id, ct) is { } c ? Results.Ok(ToDto(c)) : throw DomainException.NotFound("No client has that id."));

        // 409 names the client who already has the phone or email, unless allowDuplicate: true.
        api.MapPost("/clients", async (CreateClientRequest request, ClientService clients, Caller caller, CancellationToken ct) =>
        {
            var command = new RegisterClient(request.Name ?? string.Empty, request.Phone, request.Email, request.Notes, caller)
            {
                DateOfBirth = request.DateOfBirth,
                MarketingConsent = request.MarketingConsent ?? false,
                AllowDuplicate = request.AllowDuplicate ?? false,
            };
            try
            {
                var client = await clients.RegisterAsync(command, ct);
                return Results.Created($"/api/v1/clients/{client.Id}", ToDto(client));
            }
            catch (DuplicateClientException duplicate)
            {
                return Duplicate(duplicate);
            }
        });

        // PUT replaces every field (each must be given); active: false deactivates, true reactivates.
        api.MapPut("/clients/{id:guid}", async (Guid id, HttpRequest httpRequest, ClientService clients, IOptions<JsonOptions> json, Caller caller, CancellationToken ct) =>
        {
            var request = await ApiBody.CompleteAsync<UpdateClientRequest>(httpRequest, json.Value.SerializerOptions, PutFields);
            var details = new ClientDetails(request.Name ?? string.Empty, request.Phone, request.Email, request.DateOfBirth, request.Notes, request.MarketingConsent ?? false);
            var command = new UpdateClient(id, details, request.Active ?? throw DomainException.Invalid("active is true or false.", "active"), caller)
            {
                AllowDuplicate = request.AllowDuplicate ?? false,
            };
            try
            {
                return Results.Ok(ToDto(await clients.UpdateAsync(command, ct)));
            }
            catch (DuplicateClientException duplicate)
            {
                return Duplicate(duplicate);
            }
        }).Accepts<UpdateClientRequest>("application/json");

        api.MapPost("/clients/{id:guid}/merge", async (Guid id, MergeClientRequest request, ClientService clients, Caller caller, CancellationToken ct) =>
        {
            var into = request.IntoClientId is { } i && i != Guid.Empty ? i : throw DomainException.Invalid("intoClientId is required.", "intoClientId");
            return ToDto(await clients.MergeAsync(id, into, caller, ct));
        });

        api.MapGet("/clients/{id:guid}/export", (Guid id, ClientFileQueries files, CancellationToken ct) => ExportAsync(id, files, ct));

        api.MapPost("/clients/{id:guid}/erase", async (Guid id, ClientService clients, Caller caller, CancellationToken ct) =>
            ToDto(await clients.EraseAsync(id, caller, ct)));

        // text/csv with a header row; ?dryRun=true checks every row and writes nothing.
        api.MapPost("/clients/import", async (HttpRequest http, bool? dryRun, ClientImport import, Caller caller, CancellationToken ct) =>
        {
            if (http.ContentType is not { } type || !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
            {
                return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The request could not be read.", detail: "Send the file as text/csv with a header row (name,phone,email,...).");
            }
            if (http.ContentLength > ClientImport.MaxBytes)
            {
                return TooLarge();
            }
            CsvTable table;
            try
            {
                table = await ClientImport.ReadAsync(http.Body, ct);
            }
            catch (ImportTooLargeException)
            {
                return TooLarge();
            }
            var mapping = ClientImport.GuessMapping(table.Headers);
            if (dryRun ?? false)
            {
                var plan = await import.PlanAsync(table, mapping, ct);
                var rows = plan.Rows.Select(r => new ImportRowDto(r.Row, r.Details.Name, r.Details.Phone ?? "", r.Details.Email ?? "", r.Details.DateOfBirth, r.Details.Notes ?? "", r.Details.MarketingConsent)).ToList();
                return Results.Ok(new ImportResponse(true, plan.TotalRows, 0, plan.Errors.Count, rows, plan.Errors));
            }
            var result = await import.ImportAsync(table, mapping, caller, null, ct);
            return Results.Ok(new ImportResponse(false, table.Rows.Count, result.Created, result.Skipped.Count, null, result.Skipped));
        }).WithBodyLimit(BodyLimits.Import);
    }

    /// <summary>Everything kept about one client, as JSON: the API's export and the screens' download (<see cref="Security.ScreenDownloads"/>) both answer with this.</summary>
    internal static async Task<IResult> ExportAsync(Guid id, ClientFileQueries files, CancellationToken ct) =>
        Results.Json(await files.ExportAsync(id, ct), statusCode: 200);

    internal static ClientDto ToDto(ClientView c) =>
        new(c.Id, c.Name, c.Phone, c.Email, c.Notes, c.DateOfBirth, c.MarketingConsent, c.Active, c.MergedIntoId, c.Erased);

    private static IResult Duplicate(DuplicateClientException duplicate) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Another client already has this " + duplicate.Field + ".",
        detail: duplicate.Message + " Send allowDuplicate: true to create a second record anyway.",
        extensions: new Dictionary<string, object?>
        {
            ["field"] = duplicate.Field,
            ["existingClientId"] = duplicate.Existing.Id,
            ["existingClientName"] = duplicate.Existing.Name,
        });

    private static IResult TooLarge() => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The file is too large.",
        detail: $"Import at most {ClientImport.MaxBytes / 1024 / 1024} MB ({ClientImport.MaxRows:N0} clients) at a time; split the file.");
}
