using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace FrontDesk.Dashboard.Components.Scheduler;

/// <summary>
/// A day / week scheduler with one lane per column (a person, room or machine) and day, built
/// on MudBlazor parts. It knows nothing of what it schedules: columns, items and statuses go
/// in; slot choices, item choices and drops come out. On narrow screens (under 600 px) it shows
/// an agenda list instead of the grid.
/// </summary>
public partial class Scheduler : ComponentBase, IAsyncDisposable
{
    private const string TimeFormat = "HH:mm";

    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>The columns, left to right (in week view: within each day).</summary>
    [Parameter, EditorRequired] public IReadOnlyList<SchedulerColumn> Columns { get; set; } = [];

    [Parameter] public IReadOnlyList<SchedulerItem> Items { get; set; } = [];

    /// <summary>Every status an item can have, in legend order.</summary>
    [Parameter] public IReadOnlyList<SchedulerStatus> Statuses { get; set; } = [];

    [Parameter] public SchedulerView View { get; set; }

    [Parameter] public EventCallback<SchedulerView> ViewChanged { get; set; }

    [Parameter] public DateOnly Date { get; set; }

    [Parameter] public EventCallback<DateOnly> DateChanged { get; set; }

    /// <summary>The current wall-clock time: the now-line, and where "Today" goes.</summary>
    [Parameter] public DateTime? Now { get; set; }

    /// <summary>First time the grid shows (opening time).</summary>
    [Parameter] public TimeOnly DayStart { get; set; } = new(8, 0);

    /// <summary>Time the grid ends (closing time); <see cref="TimeOnly.MaxValue"/> means midnight.</summary>
    [Parameter] public TimeOnly DayEnd { get; set; } = new(20, 0);

    /// <summary>Minutes per row of the grid: 5, 10, 15, 20, 30 or 60.</summary>
    [Parameter] public int SlotMinutes { get; set; } = 15;

    [Parameter] public DayOfWeek FirstDayOfWeek { get; set; } = DayOfWeek.Monday;

    /// <summary>Whether items of an inactive status (e.g. cancelled) show, struck through.</summary>
    [Parameter] public bool ShowInactive { get; set; }

    [Parameter] public EventCallback<bool> ShowInactiveChanged { get; set; }

    [Parameter] public EventCallback<SchedulerSlot> SlotSelected { get; set; }

    [Parameter] public EventCallback<SchedulerItem> ItemSelected { get; set; }

    [Parameter] public EventCallback<SchedulerDrop> ItemDropped { get; set; }

    /// <summary>Extra controls for the toolbar (filters and the like).</summary>
    [Parameter] public RenderFragment? ToolbarContent { get; set; }

    /// <summary>Shown under the toolbar (messages, alerts).</summary>
    [Parameter] public RenderFragment? ChildContent { get; set; }

    [Parameter] public string AriaLabel { get; set; } = "Calendar";

    private static readonly int[] AllowedSlotMinutes = [5, 10, 15, 20, 30, 60];

    private SchedulerView _view;
    private SchedulerView? _viewParameter;
    private DateOnly _date;
    private DateOnly? _dateParameter;
    private bool _showInactive;
    private bool? _showInactiveParameter;

    private IReadOnlyList<DateOnly> _days = [];
    private IReadOnlyList<SchedulerLane> _lanes = [];
    private int _rows;
    private SlotCell[][] _cells = [];
    private string _structure = string.Empty;
    private string _gridColumns = string.Empty;

    private Dictionary<string, SchedulerStatus> _statusByKey = [];
    private IReadOnlyList<(SchedulerItem Item, BlockPlacement Placement)>[] _placed = [];
    private SchedulerItem?[][] _cover = [];
    private IReadOnlyList<SchedulerItem> _agendaItems = [];

    private int _activeLane;
    private int _activeRow;
    private bool _focusActive;
    private readonly HashSet<(int Lane, int Row)> _trail = [];
    private SchedulerItem? _dragging;
    private IJSObjectReference? _module;
    private ElementReference _gridRoot;

    private CultureInfo Culture => CultureInfo.CurrentCulture;

    private IEnumerable<SchedulerStatus> InactiveStatuses => Statuses.Where(s => s.Inactive);

    private DateOnly? TodayDate => Now is { } now ? DateOnly.FromDateTime(now) : null;

    protected override void OnParametersSet()
    {
        if (!AllowedSlotMinutes.Contains(SlotMinutes))
        {
            throw new ArgumentOutOfRangeException(nameof(SlotMinutes), SlotMinutes, "The grid takes 5, 10, 15, 20, 30 or 60 minutes per row.");
        }
        if (_viewParameter != View)
        {
            _view = View;
            _viewParameter = View;
        }
        if (_dateParameter != Date)
        {
            _date = Date == default ? TodayDate ?? DateOnly.FromDateTime(DateTime.Today) : Date;
            _dateParameter = Date;
        }
        if (_showInactiveParameter != ShowInactive)
        {
            _showInactive = ShowInactive;
            _showInactiveParameter = ShowInactive;
        }
        Arrange();
    }

    /// <summary>Works out lanes and cells (only when days, columns or hours change) and where every item goes.</summary>
    private void Arrange()
    {
        _days = SchedulerLayout.DaysOf(_view, _date, FirstDayOfWeek);
        var structure = string.Join("|", _days) + "#" + string.Join("|", Columns.Select(c => c.Signature(_days))) + $"#{DayStart}-{DayEnd}/{SlotMinutes}#{_view}";
        if (structure != _structure)
        {
            _structure = structure;
            BuildCells();
        }

        _statusByKey = Statuses.ToDictionary(s => s.Key);
        var visible = Items.Where(IsShown).ToList();
        var byLane = visible.ToLookup(i => (DateOnly.FromDateTime(i.Start), i.ColumnKey));
        _placed = new IReadOnlyList<(SchedulerItem, BlockPlacement)>[_lanes.Count];
        _cover = new SchedulerItem?[_lanes.Count][];
        foreach (var lane in _lanes)
        {
            var start = LaneStart(lane);
            var placed = SchedulerLayout.Place(byLane[(lane.Day, lane.Column.Key)], start, _rows, SlotMinutes);
            _placed[lane.Index] = placed;
            var cover = new SchedulerItem?[_rows];
            foreach (var (item, _) in placed.Where(p => !IsInactive(p.Item)))
            {
                for (var row = 0; row < _rows; row++)
                {
                    var from = start.AddMinutes(row * SlotMinutes);
                    if (cover[row] is null && item.Start < from.AddMinutes(SlotMinutes) && item.End > from)
                    {
                        cover[row] = item;
                    }
                }
            }
            _cover[lane.Index] = cover;
        }
        var columnKeys = Columns.Select(c => c.Key).ToHashSet();
        _agendaItems = visible.Where(i => columnKeys.Contains(i.ColumnKey) && _days.Contains(DateOnly.FromDateTime(i.Start)))
            .OrderBy(i => i.Start).ThenBy(i => i.ColumnKey, StringComparer.Ordinal).ToList();
    }

    private bool IsShown(SchedulerItem item) => _showInactive || !IsInactive(item);

    private bool IsInactive(SchedulerItem item) => StatusOf(item).Inactive;

    private SchedulerStatus StatusOf(SchedulerItem item) =>
        _statusByKey.TryGetValue(item.StatusKey, out var status) ? status : new SchedulerStatus(item.StatusKey, item.StatusKey, "#546e7a", string.Empty);

    private DateTime LaneStart(SchedulerLane lane) => lane.Day.ToDateTime(DayStart);

    private void BuildCells()
    {
        var lanes = new List<SchedulerLane>();
        foreach (var day in _days)
        {
            foreach (var column in Columns)
            {
                lanes.Add(new SchedulerLane(lanes.Count, day, column));
            }
        }
        _lanes = lanes;
        _rows = SchedulerLayout.Rows(DayStart, DayEnd, SlotMinutes);
        _cells = lanes.Select(lane => Enumerable.Range(0, _rows).Select(row => CreateCell(lane, row)).ToArray()).ToArray();
        _gridColumns = $"grid-template-columns: 3.5rem repeat({Math.Max(1, lanes.Count)}, minmax({(lanes.Count > 7 ? "6rem" : "7rem")}, 1fr));";
        _activeLane = 0;
        _activeRow = InitialRow();
        _trail.Clear();
    }

    /// <summary>Each cell keeps its handlers for the life of the layout, so a re-render sends no new handlers to the browser.</summary>
    private SlotCell CreateCell(SchedulerLane lane, int row)
    {
        var start = LaneStart(lane).AddMinutes(row * SlotMinutes);
        var end = start.AddMinutes(SlotMinutes);
        var works = lane.Column.Works(lane.Day, TimeOnly.FromDateTime(start), end.Date > start.Date ? TimeOnly.MaxValue : TimeOnly.FromDateTime(end));
        var name = _view == SchedulerView.Day
            ? $"{lane.Column.Title}, {start.ToString(TimeFormat, Culture)}"
            : $"{lane.Column.Title}, {start.ToString("ddd d MMM", Culture)}, {start.ToString(TimeFormat, Culture)}";
        return new SlotCell(lane, row, start, works, name)
        {
            Click = () => OnSlotClickAsync(lane.Index, row),
            Key = e => OnSlotKey(e, lane.Index, row),
            Drop = () => OnDropAsync(lane.Index, row),
        };
    }

    private int InitialRow()
    {
        if (Now is { } now && _lanes.Count > 0 && DateOnly.FromDateTime(now) == _lanes[0].Day)
        {
            var row = (int)Math.Floor((now - LaneStart(_lanes[0])).TotalMinutes / SlotMinutes);
            if (row >= 0 && row < _rows)
            {
                return row;
            }
        }
        return 0;
    }

    private string SlotLabel(SlotCell cell)
    {
        if (_cover[cell.Lane.Index][cell.Row] is { } item)
        {
            return $"{cell.Name}, taken by {item.Title}";
        }
        if (cell.Works)
        {
            return $"{cell.Name}, free";
        }
        var day = cell.Lane.Column.DayOf(cell.Lane.Day);
        var to = cell.Start.AddMinutes(SlotMinutes);
        return day switch
        {
            { Note: { Length: > 0 } note } => $"{cell.Name}, free, {note}",
            { } d when d.InBreak(TimeOnly.FromDateTime(cell.Start), to.Date > cell.Start.Date ? TimeOnly.MaxValue : TimeOnly.FromDateTime(to)) => $"{cell.Name}, free, on a break",
            _ => $"{cell.Name}, free, outside working hours",
        };
    }

    private async Task OnSlotClickAsync(int lane, int row)
    {
        _trail.Clear();
        _activeLane = lane;
        _activeRow = row;
        if (_cover[lane][row] is { } item)
        {
            await ItemSelected.InvokeAsync(item);
            return;
        }
        var cell = _cells[lane][row];
        await SlotSelected.InvokeAsync(new SchedulerSlot(cell.Lane.Column.Key, cell.Start));
    }

    /// <summary>
    /// Arrow keys move from the slot that has the focus. Keys typed faster than the focus moves
    /// still arrive from a slot the grid already left (one on <see cref="_trail"/>): those
    /// continue from the current slot, so a burst of keys adds up.
    /// </summary>
    private void OnSlotKey(KeyboardEventArgs e, int fromLane, int fromRow)
    {
        if ((fromLane, fromRow) == (_activeLane, _activeRow))
        {
            _trail.Clear();
        }
        else if (!_trail.Contains((fromLane, fromRow)))
        {
            // The focus got here some other way (Tab, a script, a click): start from here.
            _trail.Clear();
            (_activeLane, _activeRow) = (fromLane, fromRow);
        }
        var (lane, row) = (_activeLane, _activeRow);
        var hour = Math.Max(1, 60 / SlotMinutes);
        (int Lane, int Row)? next = e.Key switch
        {
            "ArrowUp" => (lane, row - 1),
            "ArrowDown" => (lane, row + 1),
            "ArrowLeft" => (lane - 1, row),
            "ArrowRight" => (lane + 1, row),
            "PageUp" => (lane, row - hour),
            "PageDown" => (lane, row + hour),
            "Home" => (lane, 0),
            "End" => (lane, _rows - 1),
            _ => null,
        };
        if (next is not { } target)
        {
            return;
        }
        _trail.Add((_activeLane, _activeRow));
        _activeLane = Math.Clamp(target.Lane, 0, Math.Max(0, _lanes.Count - 1));
        _activeRow = Math.Clamp(target.Row, 0, Math.Max(0, _rows - 1));
        _focusActive = true;
    }

    private async Task OnDropAsync(int lane, int row)
    {
        if (_dragging is not { } item)
        {
            return;
        }
        _dragging = null;
        var cell = _cells[lane][row];
        if (cell.Lane.Column.Key == item.ColumnKey && cell.Start == item.Start)
        {
            return;
        }
        await ItemDropped.InvokeAsync(new SchedulerDrop(item, cell.Lane.Column.Key, cell.Start));
    }

    /// <summary>Puts the keyboard focus back on the grid's current slot (e.g. when a drawer it opened closes).</summary>
    public Task FocusActiveSlotAsync()
    {
        _focusActive = true;
        StateHasChanged();
        return Task.CompletedTask;
    }

    internal Task SelectItemAsync(SchedulerItem item) => ItemSelected.InvokeAsync(item);

    internal void BeginDrag(SchedulerItem item)
    {
        _dragging = item;
        StateHasChanged();
    }

    internal void EndDrag()
    {
        if (_dragging is not null)
        {
            _dragging = null;
            StateHasChanged();
        }
    }

    internal string ItemName(SchedulerItem item)
    {
        if (item.AccessibleName is { } name)
        {
            return name;
        }
        return $"{item.Title}, {item.Start.ToString(TimeFormat, Culture)} to {item.End.ToString(TimeFormat, Culture)}: {StatusOf(item).Label}";
    }

    private async Task MoveAsync(int direction)
    {
        var step = _view == SchedulerView.Day ? 1 : 7;
        await SetDateAsync(_date.AddDays(direction * step));
    }

    private async Task SetDateAsync(DateOnly date)
    {
        _date = date;
        Arrange();
        await DateChanged.InvokeAsync(date);
    }

    private async Task SetViewAsync(SchedulerView view)
    {
        if (view == _view)
        {
            return;
        }
        _view = view;
        Arrange();
        await ViewChanged.InvokeAsync(view);
    }

    private async Task SetShowInactiveAsync(bool show)
    {
        _showInactive = show;
        Arrange();
        await ShowInactiveChanged.InvokeAsync(show);
    }

    /// <summary>The agenda's "New appointment": the next slot from now on today, else the day's first, in the first column.</summary>
    private Task BookOnAsync(DateOnly day)
    {
        if (Columns.Count == 0)
        {
            return Task.CompletedTask;
        }
        var start = day.ToDateTime(DayStart);
        if (Now is { } now && DateOnly.FromDateTime(now) == day && now > start)
        {
            var rows = Math.Ceiling((now - start).TotalMinutes / SlotMinutes);
            start = start.AddMinutes(Math.Min(rows, _rows - 1) * SlotMinutes);
        }
        return SlotSelected.InvokeAsync(new SchedulerSlot(Columns[0].Key, start));
    }

    private string Title => _view == SchedulerView.Day
        ? _date.ToString("dddd d MMMM yyyy", Culture)
        : $"{_days[0].ToString("d MMM", Culture)} – {_days[^1].ToString("d MMM yyyy", Culture)}";

    private string Unit => _view == SchedulerView.Day ? "day" : "week";

    private double? NowRow(SchedulerLane lane)
    {
        if (Now is not { } now || DateOnly.FromDateTime(now) != lane.Day)
        {
            return null;
        }
        var rows = (now - LaneStart(lane)).TotalMinutes / SlotMinutes;
        return rows >= 0 && rows <= _rows ? Math.Round(rows, 3) : null;
    }

    private static string Css(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            try
            {
                // Arrow keys move between slots; the module only stops them from also scrolling the grid.
                _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/scheduler.js");
                if (_module is not null)
                {
                    await _module.InvokeVoidAsync("attach", _gridRoot);
                }
            }
            catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
            {
                // Keyboard still works; the grid may scroll a little with the arrows.
            }
        }
        if (_focusActive)
        {
            _focusActive = false;
            try
            {
                if (_module is not null)
                {
                    await _module.InvokeVoidAsync("focusActive", _gridRoot);
                }
            }
            catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
            {
                // The circuit went away, or the slot is no longer there.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>One slot of one lane, with handlers made once.</summary>
    private sealed class SlotCell(SchedulerLane lane, int row, DateTime start, bool works, string name)
    {
        public SchedulerLane Lane { get; } = lane;
        public int Row { get; } = row;
        public DateTime Start { get; } = start;
        public bool Works { get; } = works;
        public string Name { get; } = name;
        public required Func<Task> Click { get; init; }
        public required Action<KeyboardEventArgs> Key { get; init; }
        public required Func<Task> Drop { get; init; }
    }
}
