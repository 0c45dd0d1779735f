using System.Globalization;
using System.Text;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Memberships;
using FrontDesk.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Sales;

/// <summary>What a breakdown of the manager's review is by.</summary>
public enum SalesGrouping
{
    Provider,
    Service,
    Category,
    Method,
    Kind,
    Product,
}

/// <summary>
/// One row of a breakdown: what it is (<see cref="Key"/> identifies it for the drill-down,
/// <see cref="Label"/> says it), how many sales (documents) and how much in the period and in
/// the previous one, the change in % (null when the previous period had nothing), and for a
/// provider the tips they earned (not revenue).
/// </summary>
public sealed record SalesReportRow(string Key, string Label, int Sales, decimal Amount, decimal Previous, decimal? ChangePercent, decimal Tips);

/// <summary>
/// The figures of one period (<see cref="SalesRevenue"/> is the rule): revenue by kind (what was
/// sold, refunds apart and negative; tips are not revenue), money taken by method (each payment
/// when it was taken), how many sales, and <see cref="Owed"/>: what is still owed now on the
/// period's sales.
/// </summary>
public sealed record SalesPeriodFigures(RevenueByKind Revenue, decimal Tips, decimal Cash, decimal Card, int Sales, decimal Owed = 0m)
{
    public static SalesPeriodFigures Zero { get; } = new(RevenueByKind.Zero, 0m, 0m, 0m, 0);
}

/// <summary>One business day of the "Sales by day" table: the same figures as the tiles, for that day alone.</summary>
public sealed record SalesDay(DateOnly Day, SalesPeriodFigures Figures);

/// <summary>
/// The manager's review of [<see cref="From"/>, <see cref="To"/>] (business days, both included)
/// against the previous period of equal length, with one breakdown.
/// </summary>
public sealed record SalesReportView(
    DateOnly From,
    DateOnly To,
    DateOnly PreviousFrom,
    DateOnly PreviousTo,
    string Currency,
    SalesPeriodFigures Current,
    SalesPeriodFigures Previous,
    decimal? RevenueChangePercent,
    SalesGrouping GroupBy,
    IReadOnlyList<SalesReportRow> Rows);

/// <summary>
/// The whole review of a period for the screen: the figures of the period and the previous one,
/// every breakdown, and revenue over time for the chart (by hour for one day, else by day;
/// <see cref="PreviousSeries"/> lines up with <see cref="Series"/> point by point).
/// </summary>
public sealed record SalesReview(
    DateOnly From,
    DateOnly To,
    DateOnly PreviousFrom,
    DateOnly PreviousTo,
    string Currency,
    SalesPeriodFigures Current,
    SalesPeriodFigures Previous,
    decimal? RevenueChangePercent,
    IReadOnlyDictionary<SalesGrouping, IReadOnlyList<SalesReportRow>> Breakdowns,
    bool ByHour,
    IReadOnlyList<decimal> Series,
    IReadOnlyList<decimal> PreviousSeries);

/// <summary>
/// A sale behind a row of a breakdown (an invoice or a sale of products): when, its number,
/// the client, its lines, the part of it in the row (<see cref="Amount"/>), its whole total and
/// how it was paid. <see cref="ReceiptUrl"/> is the receipt page of an invoice.
/// </summary>
public sealed record SaleBehindRow(
    Guid Id,
    string Source,
    DateTimeOffset At,
    string Number,
    Guid? ClientId,
    string ClientName,
    IReadOnlyList<string> Lines,
    decimal Amount,
    decimal Total,
    IReadOnlyList<string> Methods,
    string? ReceiptUrl);

/// <summary>
/// The manager's review of sales: totals and breakdowns (provider, service, category, product,
/// payment method, kind) of any business-day range, against the previous period, and the sales
/// behind every row. Revenue follows <see cref="SalesRevenue"/>, the rule the live board
/// (<see cref="SalesQueries"/>) shares: an invoice's lines count when it was made (its IssuedAt),
/// paid or not, what is still owed on it is Owed; refunds are documents with negative lines
/// counted under Refunds; products and memberships sold as inventory documents count when sold.
/// Money taken (by method) counts each payment when it was taken.
/// Only the documents of the period are read (PaidAt, IssuedAt and At are indexed).
/// </summary>
public sealed class SalesReport(IDbContextFactory<DashboardDbContext> contexts, BusinessClock clock)
{
    public const string NoProvider = "none";

    /// <summary>The grouping named in a request (case-insensitive); a clear refusal otherwise.</summary>
    public static SalesGrouping ParseGrouping(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? SalesGrouping.Kind
            : Enum.TryParse<SalesGrouping>(value, ignoreCase: true, out var grouping) && Enum.IsDefined(grouping) && !int.TryParse(value, out _)
                ? grouping
                : throw DomainException.Invalid($"groupBy '{value}' is not one of provider, service, category, method, kind, product.", "groupBy");

    /// <summary>One read of the period and of the previous one of equal length (the database is let go before the figures are made).</summary>
    private async Task<(int Days, DateOnly PreviousFrom, Names Names, Facts Current, Facts Previous)> PeriodsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var days = EnsurePeriod(from, to);
        var previousFrom = from.AddDays(-days);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var names = await NamesAsync(db, ct);
        return (days, previousFrom, names, await FactsAsync(db, names, from, days, ct), await FactsAsync(db, names, previousFrom, days, ct));
    }

    /// <summary>
    /// The figures of [<paramref name="from"/>, <paramref name="to"/>) and its revenue by local
    /// hour: what the live board shows, by the very code of the review.
    /// </summary>
    public async Task<(SalesPeriodFigures Figures, decimal[] RevenueByHour)> FiguresAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var names = await NamesAsync(db, ct);
        var facts = await FactsAsync(db, names, from, to, ct);
        var byHour = new decimal[24];
        foreach (var line in facts.Lines.Where(l => !l.IsTip))
        {
            byHour[clock.ToLocal(facts.Documents[line.Document].At).Hour] += line.Amount;
        }
        return (Figures(facts), byHour);
    }

    /// <summary>
    /// The figures of each business day of [<paramref name="from"/>, <paramref name="to"/>], from
    /// one read of the whole period: each sale on its day, each payment on the day it was taken,
    /// so the days add up exactly to the period's figures (<see cref="ReviewAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<SalesDay>> DaysAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var days = EnsurePeriod(from, to);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var names = await NamesAsync(db, ct);
        var facts = await FactsAsync(db, names, from, days, ct);
        var lines = facts.Lines.ToLookup(l => clock.DateOf(facts.Documents[l.Document].At));
        var payments = facts.Payments.ToLookup(p => clock.DateOf(p.At));
        var owed = facts.Owed.ToLookup(o => clock.DateOf(o.At));
        return [.. Enumerable.Range(0, days).Select(i => from.AddDays(i)).Select(day =>
            new SalesDay(day, Figures(new Facts([.. lines[day]], [.. payments[day]], facts.Documents, [.. owed[day]]))))];
    }

    /// <summary>The "Sales by day" table as CSV (invariant culture): one row per day, then the period's total.</summary>
    public static string DaysCsv(IReadOnlyList<SalesDay> days, string currency)
    {
        var csv = new StringBuilder("day,services,packages,products,memberships,quote_sales,refunds,revenue,tips_not_revenue,owed,cash,card,sales,currency\n");
        void Row(string day, SalesPeriodFigures f) => csv.Append(CultureInfo.InvariantCulture,
            $"{day},{Number(f.Revenue.Services)},{Number(f.Revenue.Packages)},{Number(f.Revenue.Products)},{Number(f.Revenue.Memberships)},{Number(f.Revenue.QuoteSales)},{Number(f.Revenue.Refunds)},{Number(f.Revenue.Total)},{Number(f.Tips)},{Number(f.Owed)},{Number(f.Cash)},{Number(f.Card)},{f.Sales},{currency}\n");
        foreach (var day in days)
        {
            Row(day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day.Figures);
        }
        Row("total", Total(days));
        return csv.ToString();
    }

    /// <summary>The sum of some days' figures (the table's total row).</summary>
    public static SalesPeriodFigures Total(IEnumerable<SalesDay> days) => days.Select(d => d.Figures).Aggregate(SalesPeriodFigures.Zero, (a, b) => new SalesPeriodFigures(
        new RevenueByKind(a.Revenue.Services + b.Revenue.Services, a.Revenue.Packages + b.Revenue.Packages, a.Revenue.Memberships + b.Revenue.Memberships,
            a.Revenue.Products + b.Revenue.Products, a.Revenue.QuoteSales + b.Revenue.QuoteSales, a.Revenue.Refunds + b.Revenue.Refunds),
        a.Tips + b.Tips, a.Cash + b.Cash, a.Card + b.Card, a.Sales + b.Sales, a.Owed + b.Owed));

    private Task<Facts> FactsAsync(DashboardDbContext db, Names names, DateOnly first, int days, CancellationToken ct)
    {
        var (from, to) = clock.Range(first, days);
        return FactsAsync(db, names, from, to, ct);
    }

    /// <summary>The period's figures, the previous period's, and one breakdown.</summary>
    public async Task<SalesReportView> ReportAsync(DateOnly from, DateOnly to, SalesGrouping groupBy, CancellationToken ct = default)
    {
        var (days, previousFrom, names, current, previous) = await PeriodsAsync(from, to, ct);
        var now = Figures(current);
        var before = Figures(previous);
        return new SalesReportView(
            from,
            to,
            previousFrom,
            from.AddDays(-1),
            clock.Business.Currency,
            now,
            before,
            Change(now.Revenue.Total, before.Revenue.Total),
            groupBy,
            Rows(groupBy, current, previous, names));
    }

    /// <summary>The period's figures, the previous period's, every breakdown and the chart's series, from one read of each period.</summary>
    public async Task<SalesReview> ReviewAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var (days, previousFrom, names, current, previous) = await PeriodsAsync(from, to, ct);
        var now = Figures(current);
        var before = Figures(previous);
        return new SalesReview(
            from,
            to,
            previousFrom,
            from.AddDays(-1),
            clock.Business.Currency,
            now,
            before,
            Change(now.Revenue.Total, before.Revenue.Total),
            Enum.GetValues<SalesGrouping>().ToDictionary(g => g, g => (IReadOnlyList<SalesReportRow>)Rows(g, current, previous, names)),
            days == 1,
            Series(current, from, days),
            Series(previous, previousFrom, days));
    }

    /// <summary>The revenue of each hour (one day) or each day of the period, by when each sale counted.</summary>
    private decimal[] Series(Facts facts, DateOnly first, int days)
    {
        var series = new decimal[days == 1 ? 24 : days];
        foreach (var group in facts.Lines.Where(l => !l.IsTip).GroupBy(l => l.Document))
        {
            var at = facts.Documents[group.Key].At;
            var index = days == 1 ? clock.ToLocal(at).Hour : clock.DateOf(at).DayNumber - first.DayNumber;
            if (index >= 0 && index < series.Length)
            {
                series[index] += group.Sum(l => l.Amount);
            }
        }
        return series;
    }

    /// <summary>The sales behind one row of a breakdown, newest first; their amounts add up to the row's.</summary>
    public async Task<IReadOnlyList<SaleBehindRow>> SalesBehindAsync(DateOnly from, DateOnly to, SalesGrouping groupBy, string key, CancellationToken ct = default)
    {
        var days = EnsurePeriod(from, to);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var names = await NamesAsync(db, ct);
        var facts = await FactsAsync(db, names, from, days, ct);
        var amounts = new Dictionary<Guid, decimal>();
        if (groupBy == SalesGrouping.Method)
        {
            foreach (var payment in facts.Payments.Where(p => p.Method.ToString() == key))
            {
                amounts[payment.Document] = amounts.GetValueOrDefault(payment.Document) + payment.Amount;
            }
        }
        else
        {
            foreach (var line in facts.Lines.Where(l => !l.IsTip && KeyOf(groupBy, l, names) is { } k && k.Key == key))
            {
                amounts[line.Document] = amounts.GetValueOrDefault(line.Document) + line.Amount;
            }
        }
        var documents = facts.Documents.Where(d => amounts.ContainsKey(d.Key)).Select(d => d.Value).ToList();
        var clientIds = documents.Where(d => d.ClientId is not null).Select(d => new ClientId(d.ClientId!.Value)).Distinct().ToList();
        var clients = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var clientNames = clients.ToDictionary(c => c.Id.Value, c => c.Name);
        return documents
            .OrderByDescending(d => d.At)
            .Select(d => new SaleBehindRow(
                d.Id,
                d.IsInvoice ? "Sale" : "Product sale",
                d.At,
                d.Number ?? ShortNumber(d.Id),
                d.ClientId,
                d.ClientId is { } c ? clientNames.GetValueOrDefault(c, "Unknown client") : "Walk-in",
                d.Lines,
                amounts[d.Id],
                d.Total,
                d.Methods,
                d.IsInvoice ? $"/sales/{d.Id}/receipt" : null))
            .ToList();
    }

    /// <summary>A breakdown as CSV (invariant culture), every text cell neutralised against formulas.</summary>
    public static string Csv(SalesReportView report)
    {
        var csv = new StringBuilder();
        csv.Append(CultureInfo.InvariantCulture, $"{report.GroupBy.ToString().ToLowerInvariant()},sales,amount,previous_amount,change_percent,tips,currency,from,to\n");
        foreach (var row in report.Rows)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{CsvCell.Text(row.Label)},{row.Sales},{Number(row.Amount)},{Number(row.Previous)},{(row.ChangePercent is { } c ? c.ToString("0.0", CultureInfo.InvariantCulture) : string.Empty)},{Number(row.Tips)},{report.Currency},{report.From:yyyy-MM-dd},{report.To:yyyy-MM-dd}\n");
        }
        return csv.ToString();
    }

    /// <summary>
    /// The sales behind one row of a breakdown as CSV, as the drill-down lists them: when (business
    /// time), number, client, what was sold, the part in the row, the sale's total and how it was paid.
    /// </summary>
    public static string BehindCsv(IReadOnlyList<SaleBehindRow> sales, BusinessClock clock, string currency)
    {
        var csv = new StringBuilder("at,number,client,what,amount,sale_total,paid,currency\n");
        foreach (var sale in sales)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{clock.ToLocal(sale.At):yyyy-MM-dd HH:mm},{CsvCell.Text(sale.Number)},{CsvCell.Text(sale.ClientName)},{CsvCell.Text(string.Join("; ", sale.Lines))},{Number(sale.Amount)},{Number(sale.Total)},{CsvCell.Text(string.Join(", ", sale.Methods))},{currency}\n");
        }
        return csv.ToString();
    }

    /// <summary>The change from <paramref name="previous"/> to <paramref name="current"/> in % (one decimal), none when the previous is 0.</summary>
    public static decimal? Change(decimal current, decimal previous) =>
        previous == 0m ? null : decimal.Round((current - previous) * 100m / Math.Abs(previous), 1, MidpointRounding.AwayFromZero);

    /// <summary>The short form of a sale's id shown until sales carry their own numbers (the random end: ids are time-ordered).</summary>
    public static string ShortNumber(Guid id) => id.ToString("N")[^8..].ToUpperInvariant();

    /// <summary>Days in [from, to], refused when to is before from or the range is longer than <see cref="SalesQueries.MaxDays"/>.</summary>
    public static int EnsurePeriod(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw DomainException.Invalid("The period must end on or after the day it starts.", "to");
        }
        var days = to.DayNumber - from.DayNumber + 1;
        if (days > SalesQueries.MaxDays)
        {
            throw DomainException.Invalid($"Ask for at most {SalesQueries.MaxDays} days at a time.", "to");
        }
        return days;
    }

    private static string Number(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    // ---- what the figures are made of -------------------------------------------------------

    /// <summary>One line of a counted sale, with what it is attributed to.</summary>
    private sealed record LineFact(Guid Document, string Kind, Guid? ProviderId, Guid? ServiceId, string? ProductKey, string Description, decimal Amount, bool IsTip, bool IsRefund = false)
    {
        public RevenueLine Revenue => new(Kind, Amount, IsTip, IsRefund);
    }

    private sealed record PaymentFact(Guid Document, PaymentMethod Method, decimal Amount, DateTimeOffset At);

    /// <summary>What is still owed on a sale of the period, on the sale's own day.</summary>
    private sealed record OwedFact(Guid Document, DateTimeOffset At, decimal Amount);

    private sealed record DocumentFact(Guid Id, bool IsInvoice, DateTimeOffset At, Guid? ClientId, IReadOnlyList<string> Lines, decimal Total, IReadOnlyList<string> Methods)
    {
        /// <summary>The sale's own number (invoices numbered since the selling side), else a short form of its id.</summary>
        public string? Number { get; init; }
    }

    private sealed record Facts(IReadOnlyList<LineFact> Lines, IReadOnlyList<PaymentFact> Payments, IReadOnlyDictionary<Guid, DocumentFact> Documents, IReadOnlyList<OwedFact> Owed);

    /// <summary>The catalogue's names (small tables): providers, services with their activity, products.</summary>
    private sealed record Names(
        IReadOnlyDictionary<Guid, string> Providers,
        IReadOnlyDictionary<Guid, (string Name, string Activity)> Services,
        IReadOnlyDictionary<Guid, (string Name, bool IsMembership)> Products);

    private static async Task<Names> NamesAsync(DashboardDbContext db, CancellationToken ct)
    {
        var providers = await db.Providers.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var services = await db.Services.AsNoTracking().Select(s => new { s.Id, s.Name, s.Activity }).ToListAsync(ct);
        // Names only (a membership type's terms are a JSON column the report does not need).
        var products = await db.Products.AsNoTracking().Select(p => new { p.Id, p.Name, IsMembership = p.Membership != null }).ToListAsync(ct);
        return new Names(
            providers.ToDictionary(p => p.Id.Value, p => p.Name),
            services.ToDictionary(s => s.Id.Value, s => (s.Name, s.Activity)),
            products.ToDictionary(p => p.Id.Value, p => (p.Name, p.IsMembership)));
    }

    /// <summary>
    /// The invoices a period's figures need, as three disjoint reads that each seek an index:
    /// made in the period (IssuedAt); made before it and paid in full since its start (PaidAt);
    /// made before it and still open (PaidAt is null). One query with an OR would read every
    /// invoice issued before the period's end, which grows with history.
    /// </summary>
    public static IReadOnlyList<IQueryable<Invoice>> InvoicesTouching(DashboardDbContext db, DateTimeOffset from, DateTimeOffset to) =>
    [
        db.Invoices.AsNoTracking().Where(i => i.IssuedAt >= from && i.IssuedAt < to),
        // The upper bound changes no answer; with it SQLite seeks IX_Invoices_PaidAt (a one-sided
        // range looks to its planner like a quarter of the table, and it scanned by key instead).
        db.Invoices.AsNoTracking().Where(i => i.PaidAt >= from && i.PaidAt <= DateTimeOffset.MaxValue && i.IssuedAt < from),
        db.Invoices.AsNoTracking().Where(i => i.PaidAt == null && i.IssuedAt < from),
    ];

    private async Task<Facts> FactsAsync(DashboardDbContext db, Names names, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var lines = new List<LineFact>();
        var payments = new List<PaymentFact>();
        var owed = new List<OwedFact>();
        var documents = new Dictionary<Guid, DocumentFact>();

        // Invoices made in the period (their lines count, paid or not) and any made before it
        // that were not settled before its start (a payment may have been taken in it).
        // Three indexed reads instead of one OR over every invoice issued before `to` (which the
        // live board would run on each sale over the whole history): made in the period; made
        // before it and paid in full since its start; made before it and still open.
        var invoices = new List<Invoice>();
        foreach (var read in InvoicesTouching(db, from, to))
        {
            invoices.AddRange(await read.ToListAsync(ct));
        }
        var appointmentIds = invoices.Where(i => i.AppointmentId is not null).Select(i => i.AppointmentId!.Value).Distinct().ToList();
        var appointmentProviders = (await db.Appointments.AsNoTracking()
                .Where(a => appointmentIds.Contains(a.Id))
                .Select(a => new { a.Id, a.ProviderId })
                .ToListAsync(ct))
            .ToDictionary(a => a.Id.Value, a => a.ProviderId.Value);
        foreach (var invoice in invoices)
        {
            var counted = invoice.IssuedAt >= from && invoice.IssuedAt < to;
            var taken = invoice.Payments.Where(p => p.PaidAt >= from && p.PaidAt < to).ToList();
            if (!counted && taken.Count == 0)
            {
                continue;
            }
            var id = invoice.Id.Value;
            if (counted)
            {
                foreach (var line in invoice.Lines)
                {
                    var revenue = SalesRevenue.LineOf(invoice, line);
                    var isProduct = line.Kind is InvoiceLineKind.Product or InvoiceLineKind.Membership;
                    lines.Add(new LineFact(id, revenue.Kind, ProviderOf(invoice, line, appointmentProviders), line.ServiceId?.Value,
                        isProduct ? line.ItemId?.ToString() ?? $"name:{line.Description}" : null, line.Description, revenue.Amount, revenue.IsTip, revenue.IsRefund));
                }
                if (invoice.Balance > 0m)
                {
                    owed.Add(new OwedFact(id, invoice.IssuedAt, invoice.Balance));
                }
            }
            payments.AddRange(taken.Select(p => new PaymentFact(id, p.Method, p.Amount, p.PaidAt)));
            documents[id] = new DocumentFact(id, true, invoice.IssuedAt, invoice.ClientId?.Value,
                [.. invoice.Lines.Select(Describe)],
                invoice.Total.Amount,
                [.. invoice.Payments.Select(p => $"{p.Method} {Number(p.Amount)}")]) { Number = invoice.Number };
        }

        // Products and memberships sold at the desk as inventory documents.
        var productSales = await db.InventoryDocuments.AsNoTracking()
            .Where(d => d.Operation == InventoryOperation.SaleOfProduct && d.At >= from && d.At < to)
            .ToListAsync(ct);
        var saleAppointments = productSales.Where(d => d.AppointmentId is not null).Select(d => new AppointmentId(d.AppointmentId!.Value)).Distinct().ToList();
        var saleProviders = (await db.Appointments.AsNoTracking()
                .Where(a => saleAppointments.Contains(a.Id))
                .Select(a => new { a.Id, a.ProviderId })
                .ToListAsync(ct))
            .ToDictionary(a => a.Id.Value, a => a.ProviderId.Value);
        foreach (var sale in productSales.Where(CountsAsSale))
        {
            var id = sale.Id.Value;
            Guid? provider = sale.AppointmentId is { } a && saleProviders.TryGetValue(a, out var p) ? p : null;
            foreach (var line in sale.Lines)
            {
                var isMembership = names.Products.TryGetValue(line.ProductId, out var product) && product.IsMembership;
                lines.Add(new LineFact(id, isMembership ? KindLabel(InvoiceLineKind.Membership) : KindLabel(InvoiceLineKind.Product), provider, null,
                    line.ProductId.ToString(), line.ProductName, line.Amount, false));
            }
            payments.AddRange(sale.Payments.Select(pay => new PaymentFact(id, pay.Method, pay.Amount, sale.At)));
            documents[id] = new DocumentFact(id, false, sale.At, sale.ClientId,
                [.. sale.Lines.Select(l => $"{l.ProductName}{(l.Code is null ? string.Empty : $" ({l.Code})")} × {l.Quantity}: {Number(l.Amount)}")],
                sale.Total,
                [.. sale.Payments.Select(pay => $"{pay.Method} {Number(pay.Amount)}")]);
        }
        return new Facts(lines, payments, documents, owed);
    }

    /// <summary>
    /// Who a line is attributed to: its own provider (service lines and tips of the selling side),
    /// else the provider of the invoice's appointment (older invoices); sales of goods have none.
    /// </summary>
    private static Guid? ProviderOf(Invoice invoice, InvoiceLine line, IReadOnlyDictionary<Guid, Guid> appointmentProviders) =>
        line.ProviderId ?? (invoice.AppointmentId is { } appointment && appointmentProviders.TryGetValue(appointment.Value, out var provider) ? provider : null);

    /// <summary>
    /// A sale of products counts when it carries its payments; a document without payments is
    /// the stock side of an invoice's sale, whose own lines already count.
    /// </summary>
    private static bool CountsAsSale(InventoryDocument document) => document.Payments.Count > 0;

    /// <summary>The kind of revenue a line is, as the live board's tiles name them (<see cref="SalesRevenue.KindOf"/>).</summary>
    public static string KindLabel(InvoiceLineKind kind) => SalesRevenue.KindOf(kind);

    private static string Describe(InvoiceLine line) =>
        line.Quantity == 1 ? $"{line.Description}: {Number(line.Amount.Amount)}" : $"{line.Description} × {line.Quantity}: {Number(line.Amount.Amount)}";

    /// <summary>The figures of some facts, by the one rule of <see cref="SalesRevenue"/>.</summary>
    private static SalesPeriodFigures Figures(Facts facts) => new(
        SalesRevenue.Of(facts.Lines.Select(l => l.Revenue)),
        SalesRevenue.TipsOf(facts.Lines.Select(l => l.Revenue)),
        facts.Payments.Where(p => p.Method == PaymentMethod.Cash).Sum(p => p.Amount),
        facts.Payments.Where(p => p.Method == PaymentMethod.Card).Sum(p => p.Amount),
        facts.Lines.Where(l => !l.IsTip).Select(l => l.Document).Distinct().Count(),
        facts.Owed.Sum(o => o.Amount));

    /// <summary>What a line is in a breakdown; null when it is not in it (a service line in the product breakdown).</summary>
    private static (string Key, string Label)? KeyOf(SalesGrouping groupBy, LineFact line, Names names) => groupBy switch
    {
        SalesGrouping.Provider => line.ProviderId is { } p
            ? (p.ToString(), names.Providers.GetValueOrDefault(p, "Former provider"))
            : (NoProvider, "No provider"),
        SalesGrouping.Service => line.ServiceId is { } s
            ? (s.ToString(), names.Services.TryGetValue(s, out var service) ? service.Name : line.Description)
            : ($"kind:{line.Kind}", line.Kind),
        SalesGrouping.Category => line.ServiceId is { } s && names.Services.TryGetValue(s, out var service) && service.Activity.Length > 0
            ? ($"activity:{service.Activity}", service.Activity)
            : ($"kind:{line.Kind}", line.Kind),
        SalesGrouping.Product => line.ProductKey is { } key
            ? (key, Guid.TryParse(key, out var id) && names.Products.TryGetValue(id, out var product) ? product.Name : line.Description)
            : null,
        SalesGrouping.Kind => line.IsRefund ? (SalesRevenue.Refunds, SalesRevenue.Refunds) : (line.Kind, line.Kind),
        _ => null,
    };

    private static List<SalesReportRow> Rows(SalesGrouping groupBy, Facts current, Facts previous, Names names)
    {
        var rows = new Dictionary<string, RowSum>();
        void Add(string key, string label, Guid? document, decimal amount, decimal previousAmount, decimal tips)
        {
            if (!rows.TryGetValue(key, out var row))
            {
                rows[key] = row = new RowSum(label);
            }
            if (document is { } d)
            {
                row.Sales.Add(d);
            }
            row.Amount += amount;
            row.Previous += previousAmount;
            row.Tips += tips;
        }
        if (groupBy == SalesGrouping.Method)
        {
            foreach (var p in current.Payments)
            {
                Add(p.Method.ToString(), p.Method.ToString(), p.Document, p.Amount, 0m, 0m);
            }
            foreach (var p in previous.Payments)
            {
                Add(p.Method.ToString(), p.Method.ToString(), null, 0m, p.Amount, 0m);
            }
        }
        else
        {
            foreach (var line in current.Lines)
            {
                if (KeyOf(groupBy, line, names) is not { } k)
                {
                    continue;
                }
                if (line.IsTip)
                {
                    // Tips show on their provider's row only; they are not revenue of any kind.
                    if (groupBy == SalesGrouping.Provider)
                    {
                        Add(k.Key, k.Label, null, 0m, 0m, line.Amount);
                    }
                    continue;
                }
                Add(k.Key, k.Label, line.Document, line.Amount, 0m, 0m);
            }
            foreach (var line in previous.Lines.Where(l => !l.IsTip))
            {
                if (KeyOf(groupBy, line, names) is { } k)
                {
                    Add(k.Key, k.Label, null, 0m, line.Amount, 0m);
                }
            }
        }
        return rows
            .Select(r => new SalesReportRow(r.Key, r.Value.Label, r.Value.Sales.Count, r.Value.Amount, r.Value.Previous, Change(r.Value.Amount, r.Value.Previous), r.Value.Tips))
            .OrderByDescending(r => r.Amount)
            .ThenBy(r => r.Label, StringComparer.CurrentCulture)
            .ToList();
    }

    private sealed class RowSum(string label)
    {
        public string Label { get; } = label;
        public HashSet<Guid> Sales { get; } = [];
        public decimal Amount { get; set; }
        public decimal Previous { get; set; }
        public decimal Tips { get; set; }
    }
}
