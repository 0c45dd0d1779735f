using System.Globalization;
using System.Text.RegularExpressions;
using FrontDesk.Dashboard.Audit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using Microsoft.Extensions.Options;

namespace FrontDesk.Dashboard.Api;

/// <summary>The JSON API for integrations and the online booking widget (/api/v1).</summary>
public static partial class ApiEndpoints
{
    public static void MapDashboardApi(this WebApplication app)
    {
        // Every operation needs an API key (401 without, 403 with too little right); the OpenAPI document stays open.
        var api = app.MapGroup("/api/v1").WithTags("Front desk").RequireAuthorization(ApiKeyAuthentication.Policy);
        api.AddEndpointFilter<IdempotencyFilter>();
        api.MapPackageApi();
        FrontDesk.Dashboard.Memberships.MembershipEndpoints.MapMembershipApi(api);
        Quotes.QuoteEndpoints.MapQuoteApi(api);
        Sales.SaleEndpoints.MapSaleApi(api);
        Sales.Receipts.ReceiptEndpoints.MapReceiptApi(api);
        Sales.SalesReportEndpoints.MapSalesReportApi(api);
        api.MapCatalogApi();
        api.MapAuditApi();

        api.MapClientApi();
        api.MapApiKeyApi();

        api.MapGet("/appointments", async (string? from, string? to, Guid? providerId, CalendarQueries calendar, BusinessClock business, CancellationToken ct) =>
        {
            var start = Instant(from, "from");
            var end = Instant(to, "to");
            var found = await calendar.RangeAsync(start, end, providerId, ct);
            return found.Select(v => AppointmentDto.From(v, business.Zone));
        });

        api.MapGet("/appointments/{id:guid}", async (Guid id, CalendarQueries calendar, BusinessClock business, CancellationToken ct) =>
            await calendar.FindAsync(id, ct) is { } v
                ? Results.Ok(AppointmentDto.From(v, business.Zone))
                : throw DomainException.NotFound("No appointment has that id."));

        api.MapPost("/appointments", async (BookAppointmentRequest request, AppointmentService appointments, SettingsService settings, BusinessClock business, HttpContext http, Caller caller, CancellationToken ct) =>
        {
            // Bookings through the API are online bookings: they may use prepaid packages only
            // when the business allows it, and then the best valid record is used by itself.
            var online = (await settings.PackagesAsync(ct)).RedeemOnline;
            if (request.PackageRecordId is not null && !online)
            {
                throw DomainException.Rule("Online bookings cannot use packages here; book the service and the desk redeems it at check-out.", "packageRecordId");
            }
            var command = new BookAppointment(
                Required(request.ClientId, "clientId"),
                Required(request.ServiceId, "serviceId"),
                Required(request.ProviderId, "providerId"),
                Instant(request.Start, "start"),
                (request.OverrideAvailability ?? false) || (request.OverrideWorkingHours ?? false),
                request.Note,
                caller)
            {
                PackageRecordId = request.PackageRecordId,
                SessionNumber = request.SessionNumber,
                UseBestPackage = online && request.PackageRecordId is null,
                OverrideClientClash = request.OverrideClientClash ?? false,
            };
            var view = await appointments.BookAsync(command, ct);
            return Results.Created($"/api/v1/appointments/{view.Id}", AppointmentDto.From(view, business.Zone));
        });

        // Checks in; with {"redeem": {"recordId": "...", "session": 3}} the visit is first booked from
        // that prepaid record, in the same transaction (a record that cannot pay leaves it booked).
        api.MapPost("/appointments/{id:guid}/check-in", async (Guid id, CheckInRequest? request, AppointmentService appointments, BusinessClock business, HttpContext http, Caller caller, CancellationToken ct) =>
        {
            var command = new CheckInAppointment(id, caller)
            {
                RedeemRecordId = request?.Redeem is { } redeem ? Required(redeem.RecordId, "redeem.recordId") : null,
                RedeemSession = request?.Redeem?.Session,
            };
            return AppointmentDto.From(await appointments.CheckInAsync(command, ct), business.Zone);
        });

        // What is left to pay at check-out now (the same computation the desk and check-out use).
        api.MapGet("/appointments/{id:guid}/amount-due", async (Guid id, AppointmentService appointments, BusinessClock business, CancellationToken ct) =>
            new AmountDueDto(id, await appointments.AmountDueAsync(id, ct), business.Business.Currency));

        api.MapPost("/appointments/{id:guid}/check-out", async (Guid id, CheckOutRequest request, AppointmentService appointments, BusinessClock business, HttpContext http, Caller caller, CancellationToken ct) =>
        {
            var payments = PackageEndpoints.Payments(request.Payments);
            var command = new CheckOutAppointment(id, payments, caller);
            return AppointmentDto.From(await appointments.CheckOutAsync(command, ct), business.Zone);
        });

        api.MapPost("/appointments/{id:guid}/no-show", async (Guid id, AppointmentService appointments, BusinessClock business, Caller caller, CancellationToken ct) =>
            AppointmentDto.From(await appointments.MarkNoShowAsync(id, caller, ct), business.Zone));

        api.MapPost("/appointments/{id:guid}/cancel", async (Guid id, CancelRequest? request, AppointmentService appointments, BusinessClock business, Caller caller, CancellationToken ct) =>
            AppointmentDto.From(await appointments.CancelAsync(id, request?.Reason, caller, ct), business.Zone));

        api.MapPost("/appointments/{id:guid}/move", async (Guid id, MoveAppointmentRequest request, AppointmentService appointments, BusinessClock business, Caller caller, CancellationToken ct) =>
        {
            var command = new MoveAppointment(id, Instant(request.Start, "start"), request.ProviderId, (request.OverrideAvailability ?? false) || (request.OverrideWorkingHours ?? false), caller)
            {
                OverrideClientClash = request.OverrideClientClash ?? false,
                DropPackage = request.DropPackage ?? false,
            };
            return AppointmentDto.From(await appointments.MoveAsync(command, ct), business.Zone);
        });

        // Turns a booked appointment into a session of a prepaid record, with the rules of booking with one.
        api.MapPost("/appointments/{id:guid}/package", async (Guid id, AttachPackageRequest request, AppointmentService appointments, SettingsService settings, BusinessClock business, HttpContext http, Caller caller, CancellationToken ct) =>
        {
            var recordId = Required(request.PackageRecordId, "packageRecordId");
            if (!(await settings.PackagesAsync(ct)).RedeemOnline)
            {
                throw DomainException.Rule("Online bookings cannot use packages here; the desk redeems it at check-out.", "packageRecordId");
            }
            var command = new AttachPackage(id, recordId, request.SessionNumber, caller);
            return AppointmentDto.From(await appointments.AttachPackageAsync(command, ct), business.Zone);
        });

        api.MapDelete("/appointments/{id:guid}/package", async (Guid id, AppointmentService appointments, BusinessClock business, Caller caller, CancellationToken ct) =>
            AppointmentDto.From(await appointments.DetachPackageAsync(id, caller, ct), business.Zone));
    }

    private static Guid Required(Guid? value, string field) =>
        value is { } v && v != Guid.Empty ? v : throw DomainException.Invalid($"{field} is required.", field);

    /// <summary>An ISO 8601 instant that states its offset ("Z" or "+01:00"): a bare local time is ambiguous.</summary>
    internal static DateTimeOffset Instant(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw DomainException.Invalid($"{field} is required (ISO 8601 with offset, e.g. 2026-11-23T10:00:00+00:00).", field);
        }
        if (!OffsetSuffix().IsMatch(value)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            throw DomainException.Invalid($"{field} '{value}' is not an ISO 8601 date and time with offset, e.g. 2026-11-23T10:00:00+00:00.", field);
        }
        return instant;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex OffsetSuffix();
}
