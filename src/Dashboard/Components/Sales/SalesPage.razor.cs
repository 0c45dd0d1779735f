using FrontDesk.Dashboard.Errors;
using FrontDesk.Dashboard.Live.Projections;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Dashboard.Store.Sales;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Sales;

/// <summary>
/// The managers' live sales: today's figures, revenue by hour against the same weekday last
/// week, the live "who did what" feed, a paged table of a chosen period day by day, and its CSV.
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
    [Inject] private SalesQueries Sales { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;
    [Inject] private ILogger<SalesPage> Logger { get; set; } = default!;

    private MudDataGrid<DayRow>? _days;
    private DateTime? _from;
    private DateTime? _to;

    /// <summary>One day of the period table, with the same totals the tiles and the CSV are made of.</summary>
    private sealed record DayRow(DateOnly Day, SalesTotals Totals);

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
        Store.StateChanged += OnStateChanged;
        await Store.LoadAsync();
    }

    private void OnStateChanged(SalesState state) => InvokeAsync(StateHasChanged).Forget(Logger, "showing new sales");

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

    private async Task ReloadDaysAsync()
    {
        if (_days is not null && PeriodError is null)
        {
            await _days.ReloadServerData();
        }
    }

    /// <summary>Only the days on the page are summed, so a long period costs no more than a short one.</summary>
    private async Task<GridData<DayRow>> LoadDaysAsync(GridState<DayRow> state, CancellationToken ct)
    {
        if (PeriodError is not null)
        {
            return new GridData<DayRow> { Items = [], TotalItems = 0 };
        }
        var first = DateOnly.FromDateTime(_from!.Value);
        var count = DateOnly.FromDateTime(_to!.Value).DayNumber - first.DayNumber + 1;
        var oldestFirst = state.SortDefinitions.FirstOrDefault() is { Descending: false };
        var days = Enumerable.Range(0, count)
            .Select(i => oldestFirst ? first.AddDays(i) : first.AddDays(count - 1 - i))
            .Skip(state.Page * state.PageSize)
            .Take(state.PageSize);
        var rows = new List<DayRow>();
        foreach (var day in days)
        {
            var (start, end) = Clock.Range(day, 1);
            rows.Add(new DayRow(day, await Sales.TotalsAsync(start, end, ct)));
        }
        return new GridData<DayRow> { Items = rows, TotalItems = count };
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
