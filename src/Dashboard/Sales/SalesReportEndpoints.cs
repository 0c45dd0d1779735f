using System.Globalization;
using FrontDesk.Dashboard.Api;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;

namespace FrontDesk.Dashboard.Sales;

/// <summary>
/// The manager's review through the API: <c>GET /reports/sales?from=&amp;to=&amp;groupBy=</c> (business
/// days yyyy-MM-dd, both included) and its CSV twin. The earlier form with ISO instants and no
/// groupBy (today's totals of [from, to)) still answers as before, for existing integrations.
/// </summary>
public static class SalesReportEndpoints
{
    public static void MapSalesReportApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/sales", async (string? from, string? to, string? groupBy, SalesReport report, SalesQueries sales, BusinessClock clock, CancellationToken ct) =>
            IsInstantForm(from, groupBy)
                ? Results.Ok(await sales.TotalsAsync(ApiEndpoints.Instant(from, "from"), ApiEndpoints.Instant(to, "to"), ct))
                : Results.Ok(await ReportAsync(from, to, groupBy, report, ct)))
            .RequireAuthorization(ApiKeyAuthentication.ManagerPolicy)
            .WithSummary("Sales of a period (from/to: business days yyyy-MM-dd, both included) against the previous period of equal length, broken down by groupBy: provider, service, category, method, kind (default) or product.");

        api.MapGet("/reports/sales.csv", (string? from, string? to, string? groupBy, SalesReport report, SalesQueries sales, CancellationToken ct) =>
            CsvAsync(from, to, groupBy, report, sales, ct))
            .RequireAuthorization(ApiKeyAuthentication.ManagerPolicy)
            .WithSummary("The breakdown of /reports/sales as CSV (with ISO instants and no groupBy: one row per invoice line, as before).");

        api.MapGet("/reports/sales/behind", (string? from, string? to, string? groupBy, string? key, SalesReport report, CancellationToken ct) =>
            BehindAsync(from, to, groupBy, key, report, ct))
            .RequireAuthorization(ApiKeyAuthentication.ManagerPolicy)
            .WithSummary("The sales behind one row (its key) of a breakdown.");

        api.MapGet("/reports/sales/behind.csv", (string? from, string? to, string? groupBy, string? key, SalesReport report, BusinessClock clock, CancellationToken ct) =>
            BehindCsvAsync(from, to, groupBy, key, report, clock, ct))
            .RequireAuthorization(ApiKeyAuthentication.ManagerPolicy)
            .WithSummary("/reports/sales/behind as CSV, one row per sale.");

        api.MapGet("/reports/sales/days", async (string? from, string? to, SalesReport report, CancellationToken ct) =>
        {
            var (first, last) = Days(from, to);
            return await report.DaysAsync(first, last, ct);
        })
            .RequireAuthorization(ApiKeyAuthentication.ManagerPolicy)
            .WithSummary("The figures of each business day of a period (from/to yyyy-MM-dd, both included): revenue by kind, refunds, tips, owed, cash and card; the days add up to /reports/sales of the same period.");

        api.MapGet("/reports/sales/days.csv", (string? from, string? to, SalesReport report, BusinessClock clock, CancellationToken ct) =>
            DaysCsvAsync(from, to, report, clock, ct))
            .RequireAuthorization(ApiKeyAuthentication.ManagerPolicy)
            .WithSummary("/reports/sales/days as CSV, one row per day and the period's total.");
    }

    /// <summary>The "Sales by day" table as a CSV file: the API's and the screen's download (<see cref="ScreenDownloads"/>) both answer with this.</summary>
    public static async Task<IResult> DaysCsvAsync(string? from, string? to, SalesReport report, BusinessClock clock, CancellationToken ct)
    {
        var (first, last) = Days(from, to);
        var days = await report.DaysAsync(first, last, ct);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(SalesReport.DaysCsv(days, clock.Business.Currency)), "text/csv",
            $"sales-by-day-{first:yyyyMMdd}-{last:yyyyMMdd}.csv");
    }

    /// <summary>The sales behind one row (<paramref name="key"/>) of a breakdown; a missing key is a 400 as a bad period or groupBy is.</summary>
    public static Task<IReadOnlyList<SaleBehindRow>> BehindAsync(string? from, string? to, string? groupBy, string? key, SalesReport report, CancellationToken ct)
    {
        var (first, last, grouping, row) = BehindQuery(from, to, groupBy, key);
        return report.SalesBehindAsync(first, last, grouping, row, ct);
    }

    private static (DateOnly First, DateOnly Last, SalesGrouping Grouping, string Key) BehindQuery(string? from, string? to, string? groupBy, string? key)
    {
        var grouping = SalesReport.ParseGrouping(groupBy);
        var (first, last) = Days(from, to);
        return (first, last, grouping, string.IsNullOrWhiteSpace(key) ? throw DomainException.Invalid("key is required: the key of a row of the breakdown.", "key") : key);
    }

    /// <summary>The drill-down's sales as a CSV file: the API's twin and the screen's download (<see cref="ScreenDownloads"/>) both answer with this.</summary>
    public static async Task<IResult> BehindCsvAsync(string? from, string? to, string? groupBy, string? key, SalesReport report, BusinessClock clock, CancellationToken ct)
    {
        var (first, last, grouping, row) = BehindQuery(from, to, groupBy, key);
        var sales = await report.SalesBehindAsync(first, last, grouping, row, ct);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(SalesReport.BehindCsv(sales, clock, clock.Business.Currency)), "text/csv",
            $"sales-behind-{grouping.ToString().ToLowerInvariant()}-{first:yyyyMMdd}-{last:yyyyMMdd}.csv");
    }

    /// <summary>The report of a request; a missing or bad date, an end before the start, a range too long or an unknown groupBy is a 400.</summary>
    public static Task<SalesReportView> ReportAsync(string? from, string? to, string? groupBy, SalesReport report, CancellationToken ct)
    {
        var grouping = SalesReport.ParseGrouping(groupBy);
        var (first, last) = Days(from, to);
        return report.ReportAsync(first, last, grouping, ct);
    }

    /// <summary>A breakdown as a CSV file: the API's twin and the screen's download (<see cref="ScreenDownloads"/>) both answer with this.</summary>
    public static async Task<IResult> CsvAsync(string? from, string? to, string? groupBy, SalesReport report, SalesQueries sales, CancellationToken ct)
    {
        if (IsInstantForm(from, groupBy))
        {
            return await PackageEndpoints.SalesCsvAsync(from, to, sales, ct);
        }
        var view = await ReportAsync(from, to, groupBy, report, ct);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(SalesReport.Csv(view)), "text/csv",
            $"sales-by-{view.GroupBy.ToString().ToLowerInvariant()}-{view.From:yyyyMMdd}-{view.To:yyyyMMdd}.csv");
    }

    /// <summary>The earlier form of the report: an instant (with a time) and no groupBy.</summary>
    private static bool IsInstantForm(string? from, string? groupBy) =>
        string.IsNullOrWhiteSpace(groupBy) && from is { Length: > 10 } && from.Contains('T', StringComparison.Ordinal);

    /// <summary>Business days yyyy-MM-dd, both required, both included.</summary>
    public static (DateOnly From, DateOnly To) Days(string? from, string? to)
    {
        static DateOnly Day(string? value, string field) =>
            string.IsNullOrWhiteSpace(value)
                ? throw DomainException.Invalid($"{field} is required: a business day, e.g. 2026-11-23.", field)
                : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? day
                    : throw DomainException.Invalid($"{field} '{value}' is not a day written yyyy-MM-dd, e.g. 2026-11-23.", field);
        var first = Day(from, "from");
        var last = Day(to, "to");
        SalesReport.EnsurePeriod(first, last);
        return (first, last);
    }
}
