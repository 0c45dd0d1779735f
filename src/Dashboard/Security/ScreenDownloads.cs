using FrontDesk.Dashboard.Api;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Memberships;
using FrontDesk.Dashboard.Operations;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Dashboard.Staff;
using Microsoft.AspNetCore.Authorization;

namespace FrontDesk.Dashboard.Security;

/// <summary>
/// The files a signed-in person downloads from a screen (a link the browser follows with its
/// sign-in cookie): the API under /api/v1 takes API keys only, so screens link here instead.
/// Same roles as the screens that show the links; not part of the OpenAPI document.
/// </summary>
public static class ScreenDownloads
{
    public const string SalesCsv = "/downloads/sales.csv";

    public const string SalesReportCsv = "/downloads/sales-report.csv";

    /// <summary>One breakdown of the manager's review of [from, to] (business days, both included).</summary>
    public static string SalesReport(DateOnly from, DateOnly to, SalesGrouping groupBy) =>
        $"{SalesReportCsv}?{Period(from, to)}&groupBy={groupBy.ToString().ToLowerInvariant()}";

    public const string SalesBehindCsv = "/downloads/sales-behind.csv";

    /// <summary>The sales behind the row <paramref name="key"/> of a breakdown of [from, to] (business days, both included).</summary>
    public static string SalesBehind(DateOnly from, DateOnly to, SalesGrouping groupBy, string key) =>
        $"{SalesBehindCsv}?{Period(from, to)}&groupBy={groupBy.ToString().ToLowerInvariant()}&key={Uri.EscapeDataString(key)}";

    public const string SalesDaysCsv = "/downloads/sales-days.csv";

    /// <summary>The "Sales by day" table of [from, to] (business days, both included).</summary>
    public static string SalesDays(DateOnly from, DateOnly to) =>
        $"{SalesDaysCsv}?{Period(from, to)}";

    public const string MembershipsCsv = "/downloads/memberships.csv";

    /// <summary>The memberships sold from <paramref name="from"/> to <paramref name="to"/> (business days, both included).</summary>
    public static string MembershipsReport(DateOnly from, DateOnly to) =>
        $"{MembershipsCsv}?{Period(from, to)}";

    public static string ClientExport(Guid clientId) => $"/downloads/clients/{clientId}/export";

    public static string Backup(string name) => $"/downloads/backups/{Uri.EscapeDataString(name)}";

    /// <summary>A sale's receipt as a PDF (<paramref name="paper"/>: "a4" or "roll80").</summary>
    public static string Receipt(Guid saleId, string paper = "a4") => $"/downloads/sales/{saleId}/receipt.pdf?paper={paper}";

    /// <summary>A period of business days as the downloads take it: <c>from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c>.</summary>
    private static string Period(DateOnly from, DateOnly to) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");

    public static IEndpointRouteBuilder MapScreenDownloads(this IEndpointRouteBuilder endpoints)
    {
        var managers = new AuthorizeAttribute { Roles = StaffRoles.Managers };
        var desk = new AuthorizeAttribute { Roles = StaffRoles.Desk };

        // Each answers exactly as its API twin does (one shared function each), only the sign-in differs.
        endpoints.MapGet(SalesCsv, (string? from, string? to, SalesQueries sales, CancellationToken ct) =>
            PackageEndpoints.SalesCsvAsync(from, to, sales, ct))
            .RequireAuthorization(managers).ExcludeFromDescription();

        endpoints.MapGet(SalesReportCsv, (string? from, string? to, string? groupBy, SalesReport report, SalesQueries sales, CancellationToken ct) =>
            SalesReportEndpoints.CsvAsync(from, to, groupBy, report, sales, ct))
            .RequireAuthorization(managers).ExcludeFromDescription();

        endpoints.MapGet(SalesBehindCsv, (string? from, string? to, string? groupBy, string? key, SalesReport report, BusinessClock clock, CancellationToken ct) =>
            SalesReportEndpoints.BehindCsvAsync(from, to, groupBy, key, report, clock, ct))
            .RequireAuthorization(managers).ExcludeFromDescription();

        endpoints.MapGet(SalesDaysCsv, (string? from, string? to, SalesReport report, BusinessClock clock, CancellationToken ct) =>
            SalesReportEndpoints.DaysCsvAsync(from, to, report, clock, ct))
            .RequireAuthorization(managers).ExcludeFromDescription();

        endpoints.MapGet(MembershipsCsv, (string? from, string? to, MembershipQueries queries, BusinessClock clock, CancellationToken ct) =>
            MembershipEndpoints.ReportCsvAsync(from, to, queries, clock, ct))
            .RequireAuthorization(managers).ExcludeFromDescription();

        endpoints.MapGet("/downloads/clients/{id:guid}/export", (Guid id, ClientFileQueries files, CancellationToken ct) =>
            ClientEndpoints.ExportAsync(id, files, ct))
            .RequireAuthorization(desk).ExcludeFromDescription();

        endpoints.MapGet("/downloads/sales/{id:guid}/receipt.pdf", (Guid id, string? paper, Sales.Receipts.ReceiptService receipts, CancellationToken ct) =>
            Sales.Receipts.ReceiptEndpoints.PdfAsync(id, paper, receipts, ct))
            .RequireAuthorization(desk).ExcludeFromDescription();

        endpoints.MapGet("/downloads/backups/{name}", (string name, BackupStore store) => BackupEndpoints.Download(name, store))
            .RequireAuthorization(managers).ExcludeFromDescription();
        return endpoints;
    }
}
