using System.Globalization;
using System.Net;
using System.Text;
using FrontDesk.Dashboard.Components.Theme;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace FrontDesk.Dashboard.Components.Scheduler;

/// <summary>
/// A day / week scheduler with one lane per column (a person, room or machine) and day, built
/// on MudBlazor parts. It knows nothing of what it schedules: columns, items and statuses go
/// in; slot choices, item choices and drops come out. On narrow screens (under 600 px, as the
/// browser reports on start and whenever the width crosses it) it renders an agenda list
/// instead of the grid, never both.
/// <para>
/// The toolbar, legend and status icons render with the scheduler; the grid (or agenda) is a
/// child, <see cref="SchedulerBody"/>, that renders again only when what it shows changed. A
/// live change can reach it without re-rendering anything around it: <see cref="ShowItems"/>.
/// Status icons are defined once as SVG symbols and referenced by every block.
/// </para>
/// </summary>
public partial class Scheduler : ComponentBase, IAsyncDisposable
{
    internal const string TimeFormat = "HH:mm";

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

    // The previous and next buttons' insides, MudIconButton's markup for these icons (one frame each, not nine).
    private static readonly MarkupString PreviousLabel = ButtonMarkup.IconButtonLabel(MudBlazor.Icons.Material.Filled.ChevronLeft);
    private static readonly MarkupString NextLabel = ButtonMarkup.IconButtonLabel(MudBlazor.Icons.Material.Filled.ChevronRight);

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
    private double?[] _nowRows = [];
    private long[] _laneVersions = [];
    private long _laneVersionCounter;
    private IReadOnlyList<SchedulerItem> _agendaItems = [];
    private SchedulerLegend.Pieces? _legend;
    private ArrangeKey? _arranged;
    private long _bodyVersion;
    private SchedulerBody? _body;
    private bool? _narrow;
    private bool _scrollToNow;
    private DotNetObjectReference<Scheduler>? _self;
    private ElementReference _root;


    private int _activeLane;
    private int _activeRow;
    private bool _focusActive;
    private readonly HashSet<(int Lane, int Row)> _trail = [];
    private SchedulerItem? _dragging;
    private IJSObjectReference? _module;

    private CultureInfo Culture => CultureInfo.CurrentCulture;

    private IEnumerable<SchedulerStatus> InactiveStatuses => Statuses.Where(s => s.Inactive);

    internal DateOnly? TodayDate => Now is { } now ? DateOnly.FromDateTime(now) : null;

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

    /// <summary>
    /// Shows <paramref name="items"/> in place of <see cref="Items"/>, re-rendering only the grid
    /// (or agenda) and the blocks whose item changed, not the toolbar or anything around the
    /// scheduler. For live changes: call it on the renderer's dispatcher, and pass the same list
    /// as <see cref="Items"/> when the parent renders again.
    /// </summary>
    public void ShowItems(IReadOnlyList<SchedulerItem> items)
    {
        Items = items;
        ArrangeAndRefresh();
    }

    /// <summary>Moves the now-line (and what "today" is) without re-rendering anything but the grid.</summary>
    public void ShowNow(DateTime now)
    {
        Now = now;
        ArrangeAndRefresh();
    }

    private void ArrangeAndRefresh()
    {
        var version = _bodyVersion;
        Arrange();
        if (_bodyVersion != version)
        {
            _body?.Refresh(_bodyVersion);
        }
    }

    /// <summary>The browser's width crossed 600 px (or was first reported): the agenda below it, the grid above.</summary>
    [JSInvokable]
    public Task SetNarrowAsync(bool narrow) => InvokeAsync(() =>
    {
        if (_narrow == narrow)
        {
            return;
        }
        var wasNarrow = Narrow;
        _scrollToNow = wasNarrow && !narrow;
        _narrow = narrow;
        if (wasNarrow != narrow)
        {
            // Not on the first report of a wide screen: the grid is what the body shows already,
            // and rendering it again for nothing cost every desk a second copy of its render tree.
            RefreshBody();
        }
    });

    /// <summary>Whether the agenda is shown instead of the grid (only once the browser said its width is under 600 px).</summary>
    internal bool Narrow => _narrow == true;

    private void RefreshBody()
    {
        _bodyVersion++;
        _body?.Refresh(_bodyVersion);
    }

    /// <summary>Works out lanes and cells (only when days, columns or hours change) and where every item goes; only when an input changed.</summary>
    private void Arrange()
    {
        var key = new ArrangeKey(Items, Statuses, Columns, _showInactive, _view, _date, DayStart, DayEnd, SlotMinutes, FirstDayOfWeek, Now);
        if (_arranged == key)
        {
            return;
        }
        _arranged = key;
        _bodyVersion++;
        var allLanes = false;
        if (!ReferenceEquals(_legend?.Statuses, Statuses))
        {
            // Other statuses: other icons, so every lane's blocks render again.
            allLanes = true;
            _legend = SchedulerLegend.Of(Statuses);
        }
        _days = SchedulerLayout.DaysOf(_view, _date, FirstDayOfWeek);
        var structure = string.Join("|", _days) + "#" + string.Join("|", Columns.Select(c => c.Signature(_days))) + $"#{DayStart}-{DayEnd}/{SlotMinutes}#{_view}";
        if (structure != _structure)
        {
            _structure = SharedText.Of(structure);
            BuildCells();
            allLanes = true;
        }

        _statusByKey = Statuses.ToDictionary(s => s.Key);
        var visible = Items.Where(IsShown).ToList();
        var byLane = visible.ToLookup(i => (DateOnly.FromDateTime(i.Start), i.ColumnKey));
        var before = allLanes ? null : _placed;
        var nowBefore = _nowRows;
        _placed = new IReadOnlyList<(SchedulerItem, BlockPlacement)>[_lanes.Count];
        _nowRows = new double?[_lanes.Count];
        foreach (var lane in _lanes)
        {
            var start = LaneStart(lane);
            var placed = SchedulerLayout.Place(byLane[(lane.Day, lane.Column.Key)], start, _rows, SlotMinutes);
            _placed[lane.Index] = placed;
            _nowRows[lane.Index] = NowRowOf(lane);
            if (before is null || !before[lane.Index].SequenceEqual(placed) || nowBefore[lane.Index] != _nowRows[lane.Index])
            {
                // Only a lane whose blocks or now-line changed renders again.
                BumpLane(lane.Index);
            }
        }
        var columnKeys = Columns.Select(c => c.Key).ToHashSet();
        _agendaItems = visible.Where(i => columnKeys.Contains(i.ColumnKey) && _days.Contains(DateOnly.FromDateTime(i.Start)))
            .OrderBy(i => i.Start).ThenBy(i => i.ColumnKey, StringComparer.Ordinal).ToList();
    }

    /// <summary>The statuses' sprite and legend, the same pieces of markup on every desk.</summary>
    private SchedulerLegend.Pieces Legend => _legend ??= SchedulerLegend.Of(Statuses);

    /// <summary>The reference a block's <c>&lt;use href&gt;</c> takes, null when the status has no icon.</summary>
    internal string? IconRef(SchedulerStatus status) => Legend.Hrefs.GetValueOrDefault(status.Key);

    internal IReadOnlyList<DateOnly> Days => _days;

    internal IReadOnlyList<SchedulerLane> Lanes => _lanes;

    internal IReadOnlyList<SchedulerItem> AgendaItems => _agendaItems;

    internal SchedulerView ShownView => _view;

    internal int Rows => _rows;

    internal bool Dragging => _dragging is not null;

    internal string GridStyle => $"{_gridColumns} --sch-lanes: {_lanes.Count};";

    internal IReadOnlyList<(SchedulerItem Item, BlockPlacement Placement)> PlacedIn(SchedulerLane lane) => _placed[lane.Index];

    /// <summary>
    /// The item that takes the lane's row: the first placed over its time that is not inactive, or
    /// null. Worked out when asked (a lane holds a handful of items), not kept as an array of every
    /// row of every lane on each desk.
    /// </summary>
    private SchedulerItem? CoverOf(int lane, int row)
    {
        var from = LaneStart(_lanes[lane]).AddMinutes(row * SlotMinutes);
        var to = from.AddMinutes(SlotMinutes);
        foreach (var (item, _) in _placed[lane])
        {
            if (!IsInactive(item) && item.Start < to && item.End > from)
            {
                return item;
            }
        }
        return null;
    }

    private bool IsShown(SchedulerItem item) => _showInactive || !IsInactive(item);

    private bool IsInactive(SchedulerItem item) => StatusOf(item).Inactive;

    internal SchedulerStatus StatusOf(SchedulerItem item) =>
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
        _laneVersions = new long[lanes.Count];
        _rows = SchedulerLayout.Rows(DayStart, DayEnd, SlotMinutes);
        // The cells only depend on what _structure says (and the culture): every desk showing the same
        // day, columns and hours shares one set (slots, classes and names), instead of a copy each.
        _cells = SharedCells.GetOrAdd(_structure + "#" + Culture.Name,
            () => lanes.Select(lane => Enumerable.Range(0, _rows).Select(row => CreateCell(lane, row)).ToArray()).ToArray());
        _gridColumns = $"grid-template-columns: 3.5rem repeat({Math.Max(1, lanes.Count)}, minmax({(lanes.Count > 7 ? "6rem" : "7rem")}, 1fr));";
        _activeLane = 0;
        _activeRow = InitialRow();
        _trail.Clear();
    }

    /// <summary>
    /// A slot's fixed facts for the life of the layout: its start, classes and name. It has no
    /// handlers: the lane's one <c>schslot</c> handler says which row was hit (<see cref="OnSlotEventAsync"/>).
    /// </summary>
    private SlotCell CreateCell(SchedulerLane lane, int row)
    {
        var start = LaneStart(lane).AddMinutes(row * SlotMinutes);
        var end = start.AddMinutes(SlotMinutes);
        var works = lane.Column.Works(lane.Day, TimeOnly.FromDateTime(start), end.Date > start.Date ? TimeOnly.MaxValue : TimeOnly.FromDateTime(end));
        var name = _view == SchedulerView.Day
            ? $"{lane.Column.Title}, {start.ToString(TimeFormat, Culture)}"
            : $"{lane.Column.Title}, {start.ToString("ddd d MMM", Culture)}, {start.ToString(TimeFormat, Culture)}";
        var hourLine = start.Minute == 0;
        return new SlotCell(start, works, name.Length)
        {
            FreeClass = works ? hourLine ? "sch-slot sch-hour-line" : "sch-slot" : hourLine ? "sch-slot sch-off sch-hour-line" : "sch-slot sch-off",
            TakenClass = hourLine ? "sch-slot sch-taken sch-hour-line" : "sch-slot sch-taken",
            FreeLabel = FreeLabel(lane, name, works, start, end),
        };
    }

    /// <summary>A free slot's name says why it is shaded: the day's note (day off, closure), a break, or outside hours.</summary>
    private static string FreeLabel(SchedulerLane lane, string name, bool works, DateTime start, DateTime end)
    {
        if (works)
        {
            return $"{name}, free";
        }
        return lane.Column.DayOf(lane.Day) switch
        {
            { Note: { Length: > 0 } note } => $"{name}, free, {note}",
            { } d when d.InBreak(TimeOnly.FromDateTime(start), end.Date > start.Date ? TimeOnly.MaxValue : TimeOnly.FromDateTime(end)) => $"{name}, free, on a break",
            _ => $"{name}, free, outside working hours",
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

    internal static string TakenLabel(SlotCell cell, SchedulerItem item) => $"{cell.Name}, taken by {item.Title}";

    /// <summary>How many slots one piece of a lane's slot markup holds (an hour of 15-minute slots).</summary>
    internal const int SlotsPerPiece = 4;

    /// <summary>
    /// A lane's slot buttons as HTML-encoded markup, in pieces of <see cref="SlotsPerPiece"/> slots:
    /// their classes, names (free, or taken by whom) and the roving tab stop. A few render-tree
    /// frames per lane instead of four per slot, and the same text for every desk showing the same
    /// slots (kept once, <see cref="SharedText"/>). In pieces so that a booking or a moved tab stop
    /// sends only the pieces it changed, not the lane's every slot. The buttons have no handlers
    /// (scheduler.js raises schslot on them); the pieces' buttons are the lane's direct children,
    /// in order, and when a focused one is replaced scheduler.js puts the focus back on the slot of
    /// the same row.
    /// </summary>
    internal MarkupString[] SlotPieces(SchedulerLane lane)
    {
        var cells = _cells[lane.Index];
        var active = lane.Index == _activeLane ? _activeRow : -1;
        var pieces = new MarkupString[(cells.Length + SlotsPerPiece - 1) / SlotsPerPiece];
        var html = new StringBuilder(SlotsPerPiece * 128);
        for (var piece = 0; piece < pieces.Length; piece++)
        {
            html.Clear();
            for (var row = piece * SlotsPerPiece; row < Math.Min(cells.Length, (piece + 1) * SlotsPerPiece); row++)
            {
                var cell = cells[row];
                var taken = CoverOf(lane.Index, row);
                html.Append("<button class=\"").Append(taken is null ? cell.FreeClass : cell.TakenClass)
                    .Append(row == active ? "\" tabindex=\"0\" aria-label=\"" : "\" tabindex=\"-1\" aria-label=\"")
                    .Append(WebUtility.HtmlEncode(taken is null ? cell.FreeLabel : TakenLabel(cell, taken)))
                    .Append("\"></button>");
            }
            pieces[piece] = new MarkupString(SharedText.Of(html.ToString()));
        }
        return pieces;
    }

    /// <summary>
    /// The lane's one slot event (a click, a navigation key or a drop on one of its slots, as the
    /// browser reports it). A row the lane does not have, or a kind it does not know, is ignored.
    /// </summary>
    internal Task OnSlotEventAsync(int lane, SchedulerSlotEventArgs e)
    {
        if (lane < 0 || lane >= _lanes.Count || e.Row < 0 || e.Row >= _rows)
        {
            return Task.CompletedTask;
        }
        switch (e.Kind)
        {
            case SlotEventKinds.Click:
                return OnSlotClickAsync(lane, e.Row);
            case SlotEventKinds.Key:
                OnSlotKey(e.Key, lane, e.Row);
                return Task.CompletedTask;
            case SlotEventKinds.Drop:
                return OnDropAsync(lane, e.Row);
            default:
                return Task.CompletedTask;
        }
    }

    /// <summary>The version of a lane: it changes whenever something the lane shows changed.</summary>
    internal long LaneVersion(SchedulerLane lane) => _laneVersions[lane.Index];

    private void BumpLane(int lane)
    {
        if (lane >= 0 && lane < _laneVersions.Length)
        {
            _laneVersions[lane] = ++_laneVersionCounter;
        }
    }

    /// <summary>Makes another slot the grid's one tab stop; the lanes it leaves and enters render again.</summary>
    private void SetActive(int lane, int row)
    {
        var left = _activeLane;
        BumpLane(left);
        BumpLane(lane);
        _activeLane = lane;
        _activeRow = row;
        _bodyVersion++;
        if (left != lane)
        {
            // The lane of the event renders after it anyway; the other one needs the grid to pass it on.
            _body?.Refresh(_bodyVersion);
        }
    }

    private async Task OnSlotClickAsync(int lane, int row)
    {
        _trail.Clear();
        SetActive(lane, row);
        if (CoverOf(lane, row) is { } item)
        {
            await ItemSelected.InvokeAsync(item);
            return;
        }
        var cell = _cells[lane][row];
        await SlotSelected.InvokeAsync(new SchedulerSlot(_lanes[lane].Column.Key, cell.Start));
    }

    /// <summary>
    /// Arrow keys move from the slot that has the focus. Keys typed faster than the focus moves
    /// still arrive from a slot the grid already left (one on <see cref="_trail"/>): those
    /// continue from the current slot, so a burst of keys adds up.
    /// </summary>
    private void OnSlotKey(string? key, int fromLane, int fromRow)
    {
        if ((fromLane, fromRow) == (_activeLane, _activeRow))
        {
            _trail.Clear();
        }
        else if (!_trail.Contains((fromLane, fromRow)))
        {
            // The focus got here some other way (Tab, a script, a click): start from here.
            _trail.Clear();
            SetActive(fromLane, fromRow);
        }
        var (lane, row) = (_activeLane, _activeRow);
        var hour = Math.Max(1, 60 / SlotMinutes);
        (int Lane, int Row)? next = key switch
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
        _focusActive = true;
        SetActive(Math.Clamp(target.Lane, 0, Math.Max(0, _lanes.Count - 1)), Math.Clamp(target.Row, 0, Math.Max(0, _rows - 1)));
    }

    private async Task OnDropAsync(int lane, int row)
    {
        if (_dragging is not { } item)
        {
            return;
        }
        _dragging = null;
        var cell = _cells[lane][row];
        var column = _lanes[lane].Column.Key;
        if (column == item.ColumnKey && cell.Start == item.Start)
        {
            return;
        }
        await ItemDropped.InvokeAsync(new SchedulerDrop(item, column, cell.Start));
    }

    /// <summary>Puts the keyboard focus back on the grid's current slot (e.g. when a drawer it opened closes).</summary>
    public Task FocusActiveSlotAsync()
    {
        _focusActive = true;
        RefreshBody();
        return Task.CompletedTask;
    }

    internal Task SelectItemAsync(SchedulerItem item) => ItemSelected.InvokeAsync(item);

    /// <summary>
    /// A lane's one block event (a click, Enter or Space, a drag starting or ending on one of its
    /// blocks, as the browser reports it). A block is a child of its lane, so it is looked for by
    /// its item's key among the items that lane shows now: a block the browser still showed after
    /// its item went (or moved to another lane) is ignored.
    /// </summary>
    internal Task OnItemEventAsync(int laneIndex, SchedulerItemEventArgs e)
    {
        if (e.Kind == ItemEventKinds.DragEnd)
        {
            EndDrag();
            return Task.CompletedTask;
        }
        var item = (uint)laneIndex < (uint)_placed.Length
            ? _placed[laneIndex].Select(p => p.Item).FirstOrDefault(i => i.Key == e.Key)
            : null;
        if (item is null)
        {
            return Task.CompletedTask;
        }
        switch (e.Kind)
        {
            case ItemEventKinds.Open:
                return SelectItemAsync(item);
            case ItemEventKinds.DragStart:
                BeginDrag(item);
                return Task.CompletedTask;
            default:
                return Task.CompletedTask;
        }
    }

    private void BeginDrag(SchedulerItem item)
    {
        _dragging = item;
        RefreshBody();
    }

    private void EndDrag()
    {
        if (_dragging is not null)
        {
            _dragging = null;
            RefreshBody();
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
    internal Task BookOnAsync(DateOnly day)
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

    internal string Title => _view == SchedulerView.Day
        ? _date.ToString("dddd d MMMM yyyy", Culture)
        : $"{_days[0].ToString("d MMM", Culture)} – {_days[^1].ToString("d MMM yyyy", Culture)}";

    private string Unit => _view == SchedulerView.Day ? "day" : "week";

    internal double? NowRow(SchedulerLane lane) => lane.Index < _nowRows.Length ? _nowRows[lane.Index] : NowRowOf(lane);

    private double? NowRowOf(SchedulerLane lane)
    {
        if (Now is not { } now || DateOnly.FromDateTime(now) != lane.Day)
        {
            return null;
        }
        var rows = (now - LaneStart(lane)).TotalMinutes / SlotMinutes;
        return rows >= 0 && rows <= _rows ? Math.Round(rows, 3) : null;
    }

    internal static string Css(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            try
            {
                // Reports the width (grid or agenda); arrow keys move between slots, the module only
                // stops them from also scrolling the grid; a dragged item may drop on a slot.
                _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/scheduler.js");
                if (_module is not null)
                {
                    _self = DotNetObjectReference.Create(this);
                    await _module.InvokeVoidAsync("attach", _root, _self);
                }
            }
            catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
            {
                // The grid stays on (also on a phone, scrolling in its box); keys still work.
            }
        }
        await BodyRenderedAsync();
    }

    /// <summary>After the grid (or agenda) rendered: the focus goes to the active slot, or the grid scrolls to now, when asked.</summary>
    internal async Task BodyRenderedAsync()
    {
        if (_module is null || !(_focusActive || _scrollToNow))
        {
            return;
        }
        var focus = _focusActive && !Narrow;
        var scroll = _scrollToNow && !Narrow;
        _focusActive = false;
        _scrollToNow = false;
        try
        {
            if (scroll)
            {
                await _module.InvokeVoidAsync("scrollToNow", _root);
            }
            if (focus)
            {
                await _module.InvokeVoidAsync("focusActive", _root);
            }
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            // The circuit went away, or the slot is no longer there.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("detach", _root);
                await _module.DisposeAsync();
            }
            catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
            {
                // The circuit is gone; so is the module.
            }
        }
        _self?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// One slot of one lane: what its rendering needs, made once per layout (no handlers) and shared
    /// by every scheduler showing the same layout (<see cref="SharedCells"/>), so it holds nothing of one scheduler.
    /// </summary>
    internal sealed class SlotCell(DateTime start, bool works, int nameLength)
    {
        public DateTime Start { get; } = start;
        public bool Works { get; } = works;
        public required string FreeClass { get; init; }
        public required string TakenClass { get; init; }

        /// <summary>"Ada Byron, 10:15, free" and why it is shaded, if it is; it starts with the slot's name.</summary>
        public required string FreeLabel { get; init; }

        /// <summary>"Ada Byron, 10:15" (kept as the start of <see cref="FreeLabel"/>, not as a string of its own).</summary>
        public string Name => FreeLabel[..nameLength];
    }

    /// <summary>
    /// The slot cells of the layouts in use, one set per layout for the whole server (bounded: when
    /// full it starts again, and a scheduler simply builds its own set).
    /// </summary>
    private static class SharedCells
    {
        private const int MaxLayouts = 64;
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SlotCell[][]> s_layouts = new(StringComparer.Ordinal);

        public static SlotCell[][] GetOrAdd(string layout, Func<SlotCell[][]> build)
        {
            if (s_layouts.TryGetValue(layout, out var cells))
            {
                return cells;
            }
            cells = build();
            if (s_layouts.Count >= MaxLayouts)
            {
                s_layouts.Clear();
            }
            return s_layouts.GetOrAdd(layout, cells);
        }
    }

    /// <summary>Everything the arrangement depends on (lists by reference: they are replaced, never changed in place).</summary>
    private readonly record struct ArrangeKey(
        IReadOnlyList<SchedulerItem> Items, IReadOnlyList<SchedulerStatus> Statuses, IReadOnlyList<SchedulerColumn> Columns, bool ShowInactive,
        SchedulerView View, DateOnly Date, TimeOnly DayStart, TimeOnly DayEnd, int SlotMinutes, DayOfWeek FirstDayOfWeek, DateTime? Now);
}
