using FrontDesk.Dashboard.Errors;
using FrontDesk.Dashboard.Live.Projections;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Dashboard.Store.Sales;
using System.Globalization;
using FrontDesk.Dashboard.Staff;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Sales;

/// <summary>
/// The managers' sales: today's figures live (revenue by hour against the same weekday last
/// week, the "who did what" feed), and for managers the review of any period (Today, Yesterday,
/// this or last week or month, or a custom range) against the previous period of equal length,
/// broken down by provider, service, category, product, payment method and kind, each with its
/// CSV, a row opening the sales behind it; a table of a chosen period day by day (every kind of
/// revenue, refunds, tips, owed, cash and card; live while it reaches today) with its CSV; and a
/// "New sale" for a walk-in.
/// </summary>
public partial class SalesPage : ComponentBase, IDisposable
{
    private const int FirstHour = 6;
    private const int LastHour = 22;
    private static readonly int[] FeedPageSizes = [8, 25, 50];
    private static readonly int[] DayPageSizes = [7, 14, 31];
    private static readonly string[] HourLabels = [.. Enumerable.Range(FirstHour, LastHour - FirstHour + 1).Select(h => $"{h:00}")];
    private static readonly Dictionary<string, object> FeedLabel = new() { ["aria-label"] = "Changes at every desk, newest first" };
    private static readonly Dictionary<string, object> PeriodLabel = new() { ["aria-label"] = "Sales by day" };

    [Inject] private SalesStore Store { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;
    [Inject] private ILogger<SalesPage> Logger { get; set; } = default!;
    [Inject] private SalesReport Report { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    public const string Today = "Today";
    public const string Yesterday = "Yesterday";
    public const string ThisWeek = "This week";
    public const string LastWeek = "Last week";
    public const string ThisMonth = "This month";
    public const string LastMonth = "Last month";
    public const string Custom = "Custom";
    private static readonly string[] Presets = [Today, Yesterday, ThisWeek, LastWeek, ThisMonth, LastMonth];
    private static readonly int[] BehindPageSizes = [10, 25, 50];
    private static readonly SalesGrouping[] Groupings =
        [SalesGrouping.Provider, SalesGrouping.Service, SalesGrouping.Category, SalesGrouping.Product, SalesGrouping.Method, SalesGrouping.Kind];

    private bool _isManager;
    private string _preset = Today;
    private DateOnly _periodFrom;
    private DateOnly _periodTo;
    private DateRange? _custom;
    private string? _periodError;
    private SalesReview? _review;
    private Behind? _behind;
    private int _loads;

    /// <summary>The sales behind one row of a breakdown, as listed under the tables.</summary>
    /// <summary>The list behind a row and the file of the same list (<see cref="Security.ScreenDownloads.SalesBehind"/>).</summary>
    private sealed record Behind(string Title, IReadOnlyList<SaleBehindRow> Sales, string CsvUrl);

    /// <summary>Today is live (the tiles follow every sale); any other period is a static report.</summary>
    private bool IsLive => _periodFrom == _periodTo && _periodFrom == Clock.Today;

    private IReadOnlyList<SalesDay>? _days;
    private int _dayLoads;
    private DateTime? _from;
    private DateTime? _to;

    private SalesSnapshot Snapshot => Store.State.Snapshot;

    private LineChartOptions ChartOptions => new()
    {
        YAxisTitle = Clock.Business.Currency,
        YAxisRequireZeroPoint = true,
        ShowDataMarkers = true,
    };

    private string? PeriodError => (_from, _to) switch
    {
        (null, _) => "Pick the first day of the period.",
        (_, null) => "Pick the last day of the period.",
        ({ } f, { } t) when t.Date < f.Date => "The period must end after it starts.",
        ({ } f, { } t) when (t.Date - f.Date).TotalDays + 1 > SalesQueries.MaxDays => $"Ask for at most {SalesQueries.MaxDays} days at a time.",
        _ => null,
    };

    private string ExportFileName => $"sales-{_from:yyyyMMdd}-{_to:yyyyMMdd}.csv";

    private string DaysFileName => $"sales-by-day-{_from:yyyyMMdd}-{_to:yyyyMMdd}.csv";

    private string DaysExportUrl => FrontDesk.Dashboard.Security.ScreenDownloads.SalesDays(DateOnly.FromDateTime(_from!.Value.Date), DateOnly.FromDateTime(_to!.Value.Date));

    /// <summary>The "Sales by day" period reaches today, so it follows every sale live.</summary>
    private bool DaysIncludeToday => PeriodError is null && DateOnly.FromDateTime(_from!.Value.Date) <= Clock.Today && Clock.Today <= DateOnly.FromDateTime(_to!.Value.Date);

    /// <summary>The days newest first.</summary>
    private static IReadOnlyList<SalesDay> DaysShown(IReadOnlyList<SalesDay> days) => [.. days.OrderByDescending(d => d.Day)];

    private string ExportUrl
    {
        get
        {
            var first = DateOnly.FromDateTime(_from!.Value.Date);
            var (from, to) = Clock.Range(first, DateOnly.FromDateTime(_to!.Value.Date).DayNumber - first.DayNumber + 1);
            return $"{FrontDesk.Dashboard.Security.ScreenDownloads.SalesCsv}?from={Uri.EscapeDataString(from.ToString("yyyy-MM-ddTHH:mm:ssZ"))}&to={Uri.EscapeDataString(to.ToString("yyyy-MM-ddTHH:mm:ssZ"))}";
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _to = Clock.LocalNow.Date;
        _from = _to.Value.AddDays(-6);
        (_periodFrom, _periodTo) = (Clock.Today, Clock.Today);
        if (AuthenticationState is not null)
        {
            var user = (await AuthenticationState).User;
            _isManager = StaffRoles.Managers.Split(',').Any(user.IsInRole);
        }
        Store.StateChanged += OnStateChanged;
        await Store.LoadAsync();
        await LoadReviewAsync();
        await LoadDaysAsync();
    }

    private void OnStateChanged(SalesState state) => InvokeAsync(async () =>
    {
        // Today's tables follow the live tiles; a past period does not change.
        if (IsLive)
        {
            await LoadReviewAsync();
        }
        if (DaysIncludeToday)
        {
            await LoadDaysAsync();
        }
        StateHasChanged();
    }).Forget(Logger, "showing new sales");

    /// <summary>The first and last day of a preset period (weeks start on Monday).</summary>
    public static (DateOnly From, DateOnly To) PresetPeriod(string preset, DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        return preset switch
        {
            Yesterday => (today.AddDays(-1), today.AddDays(-1)),
            ThisWeek => (monday, monday.AddDays(6)),
            LastWeek => (monday.AddDays(-7), monday.AddDays(-1)),
            ThisMonth => (firstOfMonth, firstOfMonth.AddMonths(1).AddDays(-1)),
            LastMonth => (firstOfMonth.AddMonths(-1), firstOfMonth.AddDays(-1)),
            _ => (today, today),
        };
    }

    private async Task PickAsync(string preset)
    {
        _preset = preset;
        _custom = null;
        _periodError = null;
        (_periodFrom, _periodTo) = PresetPeriod(preset, Clock.Today);
        await LoadReviewAsync();
    }

    private async Task OnCustomAsync(DateRange? range)
    {
        _custom = range;
        if (range?.Start is not { } start || range.End is not { } end)
        {
            _periodError = "Pick the first and the last day of the period.";
            return;
        }
        var (from, to) = (DateOnly.FromDateTime(start), DateOnly.FromDateTime(end));
        try
        {
            SalesReport.EnsurePeriod(from, to);
        }
        catch (DomainException refused)
        {
            _periodError = refused.Message;
            return;
        }
        _periodError = null;
        _preset = Custom;
        (_periodFrom, _periodTo) = (from, to);
        await LoadReviewAsync();
    }

    /// <summary>Reads the review of the chosen period; a slower earlier read never overwrites a newer one.</summary>
    private async Task LoadReviewAsync()
    {
        if (!_isManager)
        {
            return;
        }
        var load = ++_loads;
        var (from, to) = (_periodFrom, _periodTo);
        var review = await Report.ReviewAsync(from, to);
        if (load == _loads)
        {
            if (_review is null || _review.From != review.From || _review.To != review.To)
            {
                _behind = null;
            }
            _review = review;
        }
    }

    private async Task ShowSalesAsync(SalesGrouping grouping, SalesReportRow row)
    {
        if (_review is not { } review)
        {
            return;
        }
        var sales = await Report.SalesBehindAsync(review.From, review.To, grouping, row.Key);
        _behind = new Behind($"Sales behind {row.Label} ({BreakdownTitle(grouping).ToLowerInvariant()}), {PeriodText(review.From, review.To)}", sales,
            FrontDesk.Dashboard.Security.ScreenDownloads.SalesBehind(review.From, review.To, grouping, row.Key));
    }

    private static string PeriodText(DateOnly from, DateOnly to) =>
        from == to ? from.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture)
        : from.Year != to.Year ? $"{from:d MMM yyyy} – {to:d MMM yyyy}"
        : $"{from:ddd d MMM} – {to:ddd d MMM yyyy}";

    private static string BreakdownTitle(SalesGrouping grouping) => grouping switch
    {
        SalesGrouping.Provider => "By provider",
        SalesGrouping.Service => "By service",
        SalesGrouping.Category => "By category",
        SalesGrouping.Product => "By product",
        SalesGrouping.Method => "By payment method",
        _ => "By kind",
    };

    private static string ColumnTitle(SalesGrouping grouping) => grouping switch
    {
        SalesGrouping.Provider => "Provider",
        SalesGrouping.Service => "Service",
        SalesGrouping.Category => "Category",
        SalesGrouping.Product => "Product",
        SalesGrouping.Method => "Method",
        _ => "Kind",
    };

    private static Dictionary<string, object> TableLabel(string label) => new() { ["aria-label"] = label };

    /// <summary>The change in words, so it never rests on colour alone.</summary>
    private static string ChangeText(SalesReportRow row) => (row.ChangePercent, row.Amount) switch
    {
        (null, 0m) => "none",
        (null, _) => "new",
        ({ } c, _) when c > 0m => $"▲ up {c:0.0}%",
        ({ } c, _) when c < 0m => $"▼ down {-c:0.0}%",
        _ => "same",
    };

    private static string ChangeClass(SalesReportRow row) => row.ChangePercent switch
    {
        > 0m => "change up",
        < 0m => "change down",
        _ => "change",
    };

    /// <summary>A figure against the previous period, in words: up or down by how much, and what it was.</summary>
    private string Versus(decimal current, decimal previous)
    {
        var was = $"previous period {previous:0.00}";
        return SalesReport.Change(current, previous) switch
        {
            null when current == 0m => $"none, as in the previous period",
            null => $"new: {was}",
            > 0m and var c => $"▲ up {c:0.0}% on {was}",
            < 0m and var c => $"▼ down {-c:0.0}% on {was}",
            _ => $"same as {was}",
        };
    }

    private string Versus(int current, int previous) => Versus((decimal)current, previous).Replace(".00", string.Empty, StringComparison.Ordinal);

    private static List<ChartSeries<double>> ReportSeries(SalesReview review) =>
    [
        new() { Name = "This period", Data = new ChartData<double>(Points(review, review.Series)) },
        new() { Name = "Previous period", Data = new ChartData<double>(Points(review, review.PreviousSeries)) },
    ];

    private static double[] Points(SalesReview review, IReadOnlyList<decimal> series) =>
        review.ByHour
            ? [.. Enumerable.Range(FirstHour, LastHour - FirstHour + 1).Select(h => (double)series[h])]
            : [.. series.Select(v => (double)v)];

    private static string[] ReportLabels(SalesReview review) =>
        review.ByHour
            ? HourLabels
            : [.. Enumerable.Range(0, review.Series.Count).Select(i => review.From.AddDays(i).ToString(review.Series.Count > 14 ? "d" : "ddd d", CultureInfo.CurrentCulture))];

    /// <summary>What the report's chart shows, in words.</summary>
    private string ReportChartSummary(SalesReview review)
    {
        var best = Enumerable.Range(0, review.Series.Count).MaxBy(i => review.Series[i]);
        var when = review.ByHour ? $"{best:00}:00" : review.From.AddDays(best).ToString("ddd d MMM", CultureInfo.CurrentCulture);
        var peak = review.Series[best] > 0m ? $"; best {(review.ByHour ? "hour" : "day")} {when} with {Clock.Money(review.Series[best])}" : string.Empty;
        return $"Revenue by {(review.ByHour ? "hour" : "day")}: this period {Clock.Money(review.Current.Revenue.Total)}, previous period {Clock.Money(review.Previous.Revenue.Total)}{peak}";
    }

    private async Task OnFromAsync(DateTime? from)
    {
        _from = from;
        await ReloadDaysAsync();
    }

    private async Task OnToAsync(DateTime? to)
    {
        _to = to;
        await ReloadDaysAsync();
    }

    private Task ReloadDaysAsync() => LoadDaysAsync();

    /// <summary>
    /// Reads every day of the chosen period in one go (the same code as the tiles, so the days add
    /// up to them); a slower earlier read never overwrites a newer one.
    /// </summary>
    private async Task LoadDaysAsync()
    {
        if (!_isManager || PeriodError is not null)
        {
            return;
        }
        var load = ++_dayLoads;
        var days = await Report.DaysAsync(DateOnly.FromDateTime(_from!.Value.Date), DateOnly.FromDateTime(_to!.Value.Date));
        if (load == _dayLoads)
        {
            _days = days;
        }
    }

    /// <summary>A sale at the desk to a walk-in (or a client chosen in the window); the board follows it live.</summary>
    private async Task NewSaleAsync()
    {
        var sale = await CheckOutDialog.ShowAsync(Dialogs, CheckOutRequest.WalkIn);
        if (sale is not null)
        {
            await Store.LoadAsync();
        }
    }

    private static List<ChartSeries<double>> HourSeries(SalesTotals today, SalesTotals? lastWeek) =>
    [
        new() { Name = "Today", Data = new ChartData<double>(Hours(today)) },
        new() { Name = "Same day last week", Data = new ChartData<double>(Hours(lastWeek)) },
    ];

    private static double[] Hours(SalesTotals? totals) =>
        [.. Enumerable.Range(FirstHour, LastHour - FirstHour + 1).Select(h => totals is null ? 0d : (double)totals.RevenueByHour[h])];

    /// <summary>What the chart shows, in words, for whoever cannot see it.</summary>
    private string ChartSummary(SalesTotals today, SalesTotals? lastWeek)
    {
        var busiest = Enumerable.Range(0, 24).MaxBy(h => today.RevenueByHour[h]);
        var peak = today.RevenueByHour[busiest] > 0m ? $"; busiest hour so far {busiest:00}:00 with {Clock.Money(today.RevenueByHour[busiest])}" : string.Empty;
        return $"Revenue by hour: today {Clock.Money(today.Revenue.Total)}, same day last week {Clock.Money(lastWeek?.Revenue.Total ?? 0m)}{peak}";
    }

    /// <summary>Today so far against the same weekday last week up to the same hour.</summary>
    private string Versus(decimal today, SalesTotals? lastWeek)
    {
        if (lastWeek is null)
        {
            return string.Empty;
        }
        var bySameHour = lastWeek.RevenueByHour.Take(Clock.LocalNow.Hour + 1).Sum();
        return $"{(today >= bySameHour ? "+" : "−")}{Clock.Money(Math.Abs(today - bySameHour))} vs this time last {Clock.LocalNow.AddDays(-7):dddd}";
    }

    public void Dispose() => Store.StateChanged -= OnStateChanged;
}
