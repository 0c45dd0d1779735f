using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Components.Calendar;
using FrontDesk.Dashboard.Components.Scheduler;
using FrontDesk.Dashboard.Errors;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Store.Calendar;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Pages;

/// <summary>
/// The shared front-desk calendar: the store's appointments mapped onto the domain-free
/// <see cref="Scheduler.Scheduler"/> (providers as columns), live; the booking and appointment
/// drawers open at the end of the screen.
/// <para>
/// A live change that only touches appointments (or their course records) does not re-render
/// this page: the new items go straight to the scheduler (<see cref="Scheduler.Scheduler.ShowItems"/>),
/// which re-renders its grid and the blocks whose item changed, not the toolbar, filters or
/// drawer. Only a change to what the page itself shows (loading, an error, the provider filter)
/// renders the page again.
/// </para>
/// </summary>
public partial class CalendarPage : ComponentBase, IDisposable
{
    private static readonly int[] GridChoices = [5, 10, 15, 30];

    [Inject] private CalendarStore Store { get; set; } = default!;
    [Inject] private CatalogQueries Catalog { get; set; } = default!;
    [Inject] private PackageQueries Packages { get; set; } = default!;
    [Inject] private AppointmentService Appointments { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private DeskSession Desk { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ILogger<CalendarPage> Logger { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>Ends the page's background loads when it goes away.</summary>
    private readonly CancellationTokenSource _life = new();
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>A room's or machine's column key: this prefix and the resource's id (a provider's is the id alone).</summary>
    private const string RoomPrefix = "room:";

    private Scheduler.Scheduler? _scheduler;
    private IReadOnlyList<ProviderView> _providers = [];
    private IReadOnlyList<ResourceView> _resources = [];

    /// <summary>Rooms and machines as columns (?view=rooms) instead of providers.</summary>
    private bool _rooms;
    private IReadOnlyList<ProviderDayView> _hours = [];
    private (DateOnly From, DateOnly To, long Revision)? _hoursWanted;
    private IReadOnlyList<SchedulerColumn> _columns = [];
    private IReadOnlyList<SchedulerItem> _items = [];
    private CalendarState? _renderedState;
    private SchedulerView _view = SchedulerView.Day;
    private DateOnly _date;
    private DateTime _now;
    private TimeOnly _opens;
    private TimeOnly _closes;
    private int _slotMinutes = 15;
    private bool _showCancelled;
    private string? _moveError;
    private ITimer? _clockTimer;

    /// <summary>Prepaid records of the appointments shown, for their badges; reloaded when the client's records change.</summary>
    private readonly Dictionary<Guid, (RecordView? Record, long Revision)> _records = [];
    private readonly HashSet<Guid> _loadingRecords = [];

    /// <summary>
    /// The items made from the appointments on show, so an unchanged appointment keeps its item;
    /// each rebuild fills a new table and keeps it (one per desk, not two kept and swapped).
    /// </summary>
    private Dictionary<Guid, (AppointmentView Appointment, RecordView? Record, SchedulerItem Item)> _made = [];
    private (SchedulerView View, Guid? ProviderFilter, IReadOnlyList<ProviderView> Providers, IReadOnlyList<ProviderDayView> Hours, string Shown, bool Rooms, IReadOnlyList<ResourceView> Resources)? _columnsFor;

    private DrawerKind _drawer;
    private int _drawerKey;
    private DateTime _bookingStart;
    private Guid? _bookingProvider;
    private FrontDesk.Domain.Catalog.ResourceKind? _bookingKind;
    private Guid? _appointmentId;
    private ElementReference _drawerHeading;

    // Whether the drawer has been rendered open once: from then on it stays (closed when not in use).
    private bool _drawerMounted;
    private bool _focusDrawer;

    /// <summary>
    /// The day, view, provider and grid on show, kept as persisted component state: a desk
    /// resumed after its tab was hidden (a new circuit) shows what the receptionist left.
    /// </summary>
    [PersistentState] public ShownCalendar? Shown { get; set; }

    /// <summary>The open booking drawer's draft (null when it is closed), kept the same way.</summary>
    [PersistentState] public BookingDraft? Draft { get; set; }

    /// <summary>The appointment whose drawer is open (null when none), kept the same way.</summary>
    [PersistentState] public Guid? OpenAppointmentId { get; set; }

    /// <summary>?book=&lt;clientId&gt; (the client file's "Book"): opens the booking drawer for that client at the next quarter hour.</summary>
    [SupplyParameterFromQuery(Name = "book")] public Guid? BookClientId { get; set; }

    /// <summary>?view=rooms: one column per room and machine instead of per provider (kept in the address, so it survives a reload).</summary>
    [SupplyParameterFromQuery(Name = "view")] public string? ColumnsQuery { get; set; }

    private bool RoomsAsked => string.Equals(ColumnsQuery, "rooms", StringComparison.OrdinalIgnoreCase);

    private CalendarState State => Store.State;

    private Guid ProviderChoice => _view == SchedulerView.Week ? WeekProvider ?? Guid.Empty : State.ProviderFilter ?? Guid.Empty;

    /// <summary>The week view shows one provider at a time: the chosen one, else the first.</summary>
    private Guid? WeekProvider => State.ProviderFilter ?? (_providers.FirstOrDefault(p => p.Active) ?? _providers.FirstOrDefault())?.Id;

    private string? DrawerTitle => _drawer switch
    {
        DrawerKind.Booking => "New appointment",
        DrawerKind.Appointment => "Appointment",
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        _now = Clock.LocalNow;
        _providers = CalendarItem.Shared(await Catalog.ProvidersAsync());
        _resources = await Catalog.ResourcesAsync();
        _rooms = RoomsAsked;
        if (Shown is { } shown)
        {
            // Resumed (or prerendered, then interactive): what was on show before.
            _date = shown.Date;
            _view = shown.View == SchedulerView.Week ? SchedulerView.Week : SchedulerView.Day;
            _slotMinutes = GridChoices.Contains(shown.SlotMinutes) ? shown.SlotMinutes : 15;
            if (shown.ProviderId is { } kept && _providers.Any(p => p.Id == kept) && State.ProviderFilter != kept)
            {
                Store.Dispatch(new FilterProvider(kept));
            }
        }
        else if (State.Date != DateOnly.MinValue)
        {
            // Back on the calendar in the same circuit: the day and view the receptionist left.
            _date = State.Date;
            _view = State.View == CalendarViewKind.Week ? SchedulerView.Week : SchedulerView.Day;
        }
        else
        {
            _date = Clock.Today;
        }
        if (Draft is { } draft)
        {
            // The booking drawer was open: open it again on what was filled in.
            _bookingStart = draft.SlotStart;
            _bookingProvider = draft.SlotProviderId;
            _drawer = DrawerKind.Booking;
            _drawerKey++;
        }
        else if (OpenAppointmentId is { } open)
        {
            // The appointment drawer was open: open it again on the same appointment.
            _appointmentId = open;
            _drawer = DrawerKind.Appointment;
            _drawerKey++;
        }
        else if (BookClientId is { } bookFor)
        {
            var next = _now.Date.AddMinutes(Math.Ceiling(_now.TimeOfDay.TotalMinutes / 15) * 15);
            _bookingStart = next;
            _bookingProvider = null;
            Draft = BookingDraft.At(next, null);
            Draft.ClientId = bookFor;
            _drawer = DrawerKind.Booking;
            _drawerKey++;
        }
        Store.StateChanged += OnStateChanged;
        ShowRange();
        Rebuild();
        _clockTimer = Time.CreateTimer(_ => InvokeAsync(() =>
        {
            _now = Clock.LocalNow;
            if (_scheduler is null)
            {
                StateHasChanged();
                return;
            }
            _scheduler.ShowNow(_now);
        }).Forget(Logger, "moving the now line"), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    protected override void OnParametersSet()
    {
        if (_renderedState is not null && _rooms != RoomsAsked)
        {
            // The address changed (the Providers | Rooms switch, back or forward).
            _rooms = RoomsAsked;
            Rebuild(force: true);
        }
    }

    private void SetRooms(bool rooms)
    {
        if (rooms == _rooms)
        {
            return;
        }
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("view", rooms ? "rooms" : null), replace: true);
    }

    private void OnStateChanged(CalendarState state) => InvokeAsync(() =>
    {
        var before = _renderedState;
        Rebuild();
        if (before is not null && ShowsSameAround(before, State))
        {
            ShowItemsOnly();
        }
        else
        {
            StateHasChanged();
        }
    }).Forget(Logger, "showing a calendar change");

    /// <summary>Whether the page around the scheduler (messages, filters, columns) shows the same for both states.</summary>
    private static bool ShowsSameAround(CalendarState a, CalendarState b) =>
        a.Loading == b.Loading && a.Error == b.Error && a.ProviderFilter == b.ProviderFilter && a.Date == b.Date && a.View == b.View;

    /// <summary>Hands the rebuilt items to the scheduler alone (its grid re-renders; this page does not).</summary>
    private void ShowItemsOnly()
    {
        if (_scheduler is null)
        {
            StateHasChanged();
            return;
        }
        _scheduler.ShowItems(_items);
    }

    /// <summary>Asks the store for the days the view shows, unless it holds them already.</summary>
    private void ShowRange()
    {
        var days = SchedulerLayout.DaysOf(_view, _date);
        (_opens, _closes) = HoursOf(days);
        var (start, end) = Clock.Range(days[0], days.Count);
        var kind = _view == SchedulerView.Week ? CalendarViewKind.Week : CalendarViewKind.Day;
        if (State.RangeStart != start || State.RangeEnd != end || State.View != kind || State.Date != _date)
        {
            Store.Dispatch(new ShowRange(_date, kind, start, end));
        }
    }

    /// <summary>
    /// The rows the calendar shows for <paramref name="days"/>: from the business's earliest opening
    /// to its latest closing on those days, widened to any provider's shift outside them
    /// (08:00-20:00 when the business is closed on all of them and nobody works).
    /// </summary>
    private (TimeOnly Opens, TimeOnly Closes) HoursOf(IReadOnlyCollection<DateOnly> days)
    {
        var business = Clock.Business;
        var weekdays = days.Select(d => d.DayOfWeek).ToHashSet();
        var shifts = _providers.SelectMany(p => p.Shifts).Where(s => weekdays.Contains(s.Day)).ToList();
        var opens = shifts.Select(s => (TimeOnly?)s.From).Append(business.OpensOn(days)).Min() ?? new TimeOnly(8, 0);
        var closes = shifts.Select(s => (TimeOnly?)s.To).Append(business.ClosesOn(days)).Max() ?? new TimeOnly(20, 0);
        return closes > opens ? (opens, closes) : (new TimeOnly(8, 0), new TimeOnly(20, 0));
    }

    /// <summary>Derives the columns and items from the store's state (only when it or the view changed).</summary>
    private void Rebuild(bool force = false)
    {
        var state = State;
        if (!force && ReferenceEquals(state, _renderedState))
        {
            return;
        }
        var before = _renderedState;
        _renderedState = state;
        Remember();
        if (_rooms)
        {
            RebuildRooms(state, before);
            return;
        }
        var shown = (_view == SchedulerView.Week
            ? _providers.Where(p => p.Id == WeekProvider)
            : _providers.Where(p => state.ProviderFilter is null || p.Id == state.ProviderFilter)
                // Inactive providers take no bookings: their column shows only while they have appointments on show.
                .Where(p => p.Active || state.Appointments.Values.Any(a => a.ProviderId == p.Id))).ToList();
        var columnKey = (_view, state.ProviderFilter, _providers, _hours, string.Join(",", shown.Select(p => p.Id)), false, _resources);
        if (before is null || _columnsFor != columnKey)
        {
            // Columns change with the view, the provider filter, the providers and their hours,
            // not with every live change of an appointment.
            _columnsFor = columnKey;
            _columns = shown.Select(p => CalendarItem.Column(p, _hours)).ToList();
        }
        LoadHours();
        var columnIds = shown.Select(p => p.Id).ToHashSet();
        var appointments = state.Appointments.Values.Where(a => columnIds.Contains(a.ProviderId)).OrderBy(a => a.Start).ToList();
        var made = new Dictionary<Guid, (AppointmentView, RecordView?, SchedulerItem)>(appointments.Count);
        _items = appointments.Select(a => ItemOf(a, made)).ToList();
        _made = made;
        LoadRecords(appointments);
    }

    /// <summary>
    /// Rooms and machines as columns: every active resource (an inactive one only while it has
    /// appointments on show), its kind in its title; an appointment shows in the column of each
    /// resource it holds. Such items are not dragged (a move changes time and provider, not rooms).
    /// </summary>
    private void RebuildRooms(CalendarState state, CalendarState? before)
    {
        var used = state.Appointments.Values.SelectMany(a => a.ResourceIds).ToHashSet();
        var shown = _resources.Where(r => r.Active || used.Contains(r.Id))
            .OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var columnKey = (_view, (Guid?)null, _providers, _hours, string.Join(",", shown.Select(r => r.Id)), true, _resources);
        if (before is null || _columnsFor != columnKey)
        {
            _columnsFor = columnKey;
            _columns = shown.Select(r => new SchedulerColumn(RoomPrefix + r.Id, $"{r.Name} · {KindName(r.Kind)}")).ToList();
        }
        LoadHours();
        var columnIds = shown.Select(r => r.Id).ToHashSet();
        var appointments = state.Appointments.Values.Where(a => a.ResourceIds.Any(columnIds.Contains)).OrderBy(a => a.Start).ToList();
        var made = new Dictionary<Guid, (AppointmentView, RecordView?, SchedulerItem)>(appointments.Count);
        _items = appointments
            .SelectMany(a => a.ResourceIds.Where(columnIds.Contains).Select(r => ItemOf(a, made) with
            {
                Key = $"{a.Id}|{r}",
                ColumnKey = RoomPrefix + r,
                // The column says the room: the block says who performs it.
                Detail = $"{a.ServiceName} · {a.ProviderName}",
                Movable = false,
            }))
            .ToList();
        _made = made;
        LoadRecords(appointments);
    }

    private static string KindName(FrontDesk.Domain.Catalog.ResourceKind kind) => kind switch
    {
        FrontDesk.Domain.Catalog.ResourceKind.Machine => "Machine",
        _ => "Room",
    };

    /// <summary>
    /// Reads the providers' working periods of the days on show (day offs, closures, breaks) for
    /// the shading, again when the catalogue changed anywhere (then the providers too).
    /// </summary>
    private void LoadHours()
    {
        var days = SchedulerLayout.DaysOf(_view, _date);
        var wanted = (days[0], days[^1], State.CatalogRevision);
        if (_hoursWanted == wanted)
        {
            return;
        }
        var catalogChanged = _hoursWanted is { } before && before.Revision != wanted.CatalogRevision;
        _hoursWanted = wanted;
        LoadHoursAsync(wanted, catalogChanged).Forget(Logger, "loading the working hours");
    }

    private async Task LoadHoursAsync((DateOnly From, DateOnly To, long Revision) wanted, bool catalogChanged)
    {
        try
        {
            var providers = catalogChanged ? await Catalog.ProvidersAsync(_life.Token) : null;
            var resources = catalogChanged ? await Catalog.ResourcesAsync(_life.Token) : null;
            var hours = await Catalog.WorkingPeriodsAsync(wanted.From, wanted.To, _life.Token);
            await InvokeAsync(() =>
            {
                if (_hoursWanted != wanted)
                {
                    return;
                }
                _providers = providers is null ? _providers : CalendarItem.Shared(providers);
                _resources = resources ?? _resources;
                _hours = CalendarItem.Shared(hours);
                Rebuild(force: true);
                StateHasChanged();
            });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            // The shading stays on the weekly hours; the next change or day shown tries again.
            Logger.LogWarning(ex, "Loading the working hours {From}-{To} failed; the shading stays on the weekly hours", wanted.From, wanted.To);
        }
    }

    /// <summary>Updates what is kept of the calendar on show.</summary>
    private void Remember() => Shown = new ShownCalendar(_date, _view, State.ProviderFilter, _slotMinutes);

    /// <summary>
    /// The scheduler's item for an appointment: the one made last time when neither the
    /// appointment (same instance, so same version) nor its record changed, else a new one; either
    /// way noted in <paramref name="made"/>, the table the rebuild keeps.
    /// </summary>
    private SchedulerItem ItemOf(AppointmentView a, Dictionary<Guid, (AppointmentView, RecordView?, SchedulerItem)> made)
    {
        var record = RecordOf(a);
        if (_made.TryGetValue(a.Id, out var before) && ReferenceEquals(before.Appointment, a) && ReferenceEquals(before.Record, record))
        {
            made[a.Id] = before;
            return before.Item;
        }
        var item = CalendarItem.From(a, Clock, record);
        made[a.Id] = (a, record, item);
        return item;
    }

    private RecordView? RecordOf(AppointmentView a) =>
        a.PackageRecordId is { } id && _records.TryGetValue(id, out var known) ? known.Record : null;

    /// <summary>Reads the prepaid records behind course bookings (for "3/10"), again when the client's records changed.</summary>
    private void LoadRecords(IEnumerable<AppointmentView> appointments)
    {
        var wanted = appointments
            .Where(a => a.PackageRecordId is { } id && !_loadingRecords.Contains(id)
                && (!_records.TryGetValue(id, out var known) || known.Revision != State.PackageRevision(a.ClientId)))
            .GroupBy(a => a.PackageRecordId!.Value)
            .Select(g => (RecordId: g.Key, Revision: State.PackageRevision(g.First().ClientId)))
            .ToList();
        foreach (var (recordId, revision) in wanted)
        {
            _loadingRecords.Add(recordId);
            LoadRecordAsync(recordId, revision).Forget(Logger, "loading a package record for the calendar");
        }
    }

    private async Task LoadRecordAsync(Guid recordId, long revision)
    {
        RecordView? record = null;
        try
        {
            record = await Packages.RecordAsync(recordId, _life.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            // The badge shows the session number alone; the drawer shows the record in full.
            Logger.LogWarning(ex, "Loading package record {RecordId} for the calendar failed", recordId);
        }
        await InvokeAsync(() =>
        {
            _loadingRecords.Remove(recordId);
            _records[recordId] = (record, revision);
            Rebuild(force: true);
            ShowItemsOnly();
        });
    }

    private void OnViewChanged(SchedulerView view)
    {
        _view = view;
        ShowRange();
        Rebuild(force: true);
    }

    private void OnDateChanged(DateOnly date)
    {
        _date = date;
        ShowRange();
        Rebuild(force: true);
    }

    private void OnProviderFilter(Guid providerId) => Store.Dispatch(new FilterProvider(providerId == Guid.Empty ? null : providerId));

    private string ProviderName(Guid id) => id == Guid.Empty ? "All providers" : _providers.FirstOrDefault(p => p.Id == id)?.Name ?? string.Empty;

    private void OnSlotMinutes(int minutes)
    {
        _slotMinutes = GridChoices.Contains(minutes) ? minutes : 15;
        Remember();
    }

    private void OnSlotSelected(SchedulerSlot slot)
    {
        _bookingStart = slot.Start;
        // A room's or machine's slot: the time, no provider yet, and only services needing that kind.
        var resource = slot.ColumnKey.StartsWith(RoomPrefix, StringComparison.Ordinal)
            ? _resources.FirstOrDefault(r => r.Id.ToString() == slot.ColumnKey[RoomPrefix.Length..])
            : null;
        _bookingKind = resource?.Kind;
        _bookingProvider = resource is null && Guid.TryParse(slot.ColumnKey, out var provider) ? provider : null;
        Draft = BookingDraft.At(_bookingStart, _bookingProvider);
        OpenAppointmentId = null;
        OpenDrawer(DrawerKind.Booking);
    }

    private void OnItemSelected(SchedulerItem item)
    {
        _appointmentId = AppointmentIdOf(item);
        OpenAppointmentId = _appointmentId;
        Draft = null;
        OpenDrawer(DrawerKind.Appointment);
    }

    /// <summary>The appointment behind an item (in the Rooms view its key is "appointment|resource").</summary>
    private static Guid AppointmentIdOf(SchedulerItem item) => Guid.Parse(item.Key.Split('|')[0]);

    private void OpenDrawer(DrawerKind kind)
    {
        _drawer = kind;
        _drawerKey++;
        _focusDrawer = true;
    }

    private async Task OnBookingClosedAsync(AppointmentView? booked) => await CloseDrawerAsync();

    private async Task OnDrawerOpenChanged(bool open)
    {
        if (!open)
        {
            await CloseDrawerAsync();
        }
    }

    private async Task CloseDrawerAsync()
    {
        _drawer = DrawerKind.None;
        _appointmentId = null;
        OpenAppointmentId = null;
        Draft = null;
        StateHasChanged();
        if (_scheduler is not null)
        {
            await _scheduler.FocusActiveSlotAsync();
        }
    }

    /// <summary>An appointment dragged to another time or provider: the move command decides; refused, it stays where it was.</summary>
    private async Task OnItemDroppedAsync(SchedulerDrop drop)
    {
        var id = AppointmentIdOf(drop.Item);
        if (!State.Appointments.TryGetValue(id, out var before) || !Guid.TryParse(drop.ColumnKey, out var providerId))
        {
            return;
        }
        _moveError = null;
        try
        {
            // A move that would drop the package asks first; "No" leaves the block where it was.
            var moved = await AppointmentDrawer.MoveConfirmingAsync(Dialogs, Appointments, new MoveAppointment(id, Clock.ToUtc(drop.Start), providerId, false, Desk.Caller));
            Store.Dispatch(new AppointmentSaved(moved));
            var where = moved.ProviderId == before.ProviderId ? string.Empty : $" with {moved.ProviderName}";
            Snackbar.Add($"Moved {moved.ClientName} to {Clock.ToLocal(moved.Start):HH:mm}{where}.", Severity.Normal, options =>
            {
                options.Action = "Undo";
                options.ActionColor = Color.Primary;
                options.VisibleStateDuration = 8000;
                options.OnClick = _ => InvokeAsync(() => UndoMoveAsync(before));
            });
        }
        catch (MoveDeclinedException)
        {
            // Not confirmed: the block springs back (the store never changed).
        }
        catch (DomainException ex)
        {
            _moveError = $"{before.ClientName} was not moved: {ex.Message}";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _moveError = $"{before.ClientName} was not moved. {UnexpectedError.Report(Logger, ex, "moving an appointment")}";
        }
        StateHasChanged();
    }

    private async Task UndoMoveAsync(AppointmentView before)
    {
        try
        {
            var back = await Appointments.MoveAsync(new MoveAppointment(before.Id, before.Start, before.ProviderId, false, Desk.Caller));
            Store.Dispatch(new AppointmentSaved(back));
            _moveError = null;
        }
        catch (DomainException ex)
        {
            _moveError = $"{before.ClientName} could not be moved back: {ex.Message}";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _moveError = $"{before.ClientName} could not be moved back. {UnexpectedError.Report(Logger, ex, "undoing a move")}";
        }
        StateHasChanged();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        _drawerMounted |= _drawer != DrawerKind.None;
        if (_focusDrawer && _drawer != DrawerKind.None)
        {
            _focusDrawer = false;
            try
            {
                // Not when the person is already in the drawer (e.g. typing in its client search):
                // this call reaches the browser a round trip after the drawer appeared there, and
                // moving the focus then would send the rest of their keys to the heading
                // (E2E SlowNetworkTypingTests).
                await JS.InvokeVoidAsync("frontDesk.focusUnlessWithin", _drawerHeading, ".cal-drawer");
            }
            catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
            {
                // The drawer closed again, or the circuit went away.
            }
        }
    }

    public void Dispose()
    {
        Store.StateChanged -= OnStateChanged;
        _clockTimer?.Dispose();
        _life.Cancel();
        _life.Dispose();
    }

    /// <summary>What the calendar shows, as kept across a paused circuit.</summary>
    public sealed record ShownCalendar(DateOnly Date, SchedulerView View, Guid? ProviderId, int SlotMinutes);

    private enum DrawerKind
    {
        None,
        Booking,
        Appointment,
    }
}
