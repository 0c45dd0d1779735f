using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Components.Calendar;
using FrontDesk.Dashboard.Components.Scheduler;
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

    private Scheduler.Scheduler? _scheduler;
    private IReadOnlyList<ProviderView> _providers = [];

    /// <summary>Each provider's working periods per date of the days shown (the shading), and which days they are for.</summary>
    private IReadOnlyList<ProviderDayView> _workingDays = [];
    private (DateOnly From, DateOnly To) _workingRange;
    private long _catalogRevision;
    private int _shadingRequest;
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

    private DrawerKind _drawer;
    private int _drawerKey;
    private DateTime _bookingStart;
    private Guid? _bookingProvider;
    private Guid? _appointmentId;
    private ElementReference _drawerHeading;
    private bool _focusDrawer;

    /// <summary>
    /// The day, view, provider and grid on show, kept as persisted component state: a desk
    /// resumed after its tab was hidden (a new circuit) shows what the receptionist left.
    /// </summary>
    [PersistentState] public ShownCalendar? Shown { get; set; }

    /// <summary>The open booking drawer's draft (null when it is closed), kept the same way.</summary>
    [PersistentState] public BookingDraft? Draft { get; set; }

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
        _catalogRevision = State.CatalogRevision;
        await LoadProvidersAsync();
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
        Store.StateChanged += OnStateChanged;
        ShowRange();
        await LoadShadingAsync();
        Rebuild(force: true);
        _clockTimer = Time.CreateTimer(_ => _ = InvokeAsync(() =>
        {
            _now = Clock.LocalNow;
            StateHasChanged();
        }), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    private void OnStateChanged(CalendarState state) => _ = InvokeAsync(async () =>
    {
        if (state.CatalogRevision != _catalogRevision)
        {
            // Another desk changed providers, hours, services or closures: new columns and shading.
            _catalogRevision = state.CatalogRevision;
            await LoadProvidersAsync();
            await LoadShadingAsync();
            Rebuild(force: true);
        }
        Rebuild();
        StateHasChanged();
    });

    private async Task LoadProvidersAsync()
    {
        _providers = await Catalog.ProvidersAsync();
        // The business's opening hours, widened to any provider's shift outside them.
        var shifts = _providers.Where(p => p.Active).SelectMany(p => p.Shifts).ToList();
        _opens = shifts.Select(s => s.From).Append(Clock.Business.OpensAt).Min();
        _closes = shifts.Select(s => s.To).Append(Clock.Business.ClosesAt).Max();
    }

    /// <summary>Reads the working periods of the days on show (the latest request wins); on failure the weekly hours shade instead.</summary>
    private async Task LoadShadingAsync()
    {
        var days = SchedulerLayout.DaysOf(_view, _date);
        var request = ++_shadingRequest;
        IReadOnlyList<ProviderDayView> periods;
        try
        {
            periods = await Catalog.WorkingPeriodsAsync(days[0], days[^1]);
        }
        catch (DomainException)
        {
            periods = [];
        }
        if (request == _shadingRequest)
        {
            _workingDays = periods;
            _workingRange = (days[0], days[^1]);
        }
    }

    /// <summary>After the day or view changed: the shading of the new days, unless already held.</summary>
    private void RefreshShading()
    {
        var days = SchedulerLayout.DaysOf(_view, _date);
        if (_workingRange == (days[0], days[^1]))
        {
            return;
        }
        _ = InvokeAsync(async () =>
        {
            await LoadShadingAsync();
            Rebuild(force: true);
            StateHasChanged();
        });
    }

    /// <summary>Asks the store for the days the view shows, unless it holds them already.</summary>
    private void ShowRange()
    {
        var days = SchedulerLayout.DaysOf(_view, _date);
        var (start, end) = Clock.Range(days[0], days.Count);
        var kind = _view == SchedulerView.Week ? CalendarViewKind.Week : CalendarViewKind.Day;
        if (State.RangeStart != start || State.RangeEnd != end || State.View != kind || State.Date != _date)
        {
            Store.Dispatch(new ShowRange(_date, kind, start, end));
        }
    }

    /// <summary>Derives the columns and items from the store's state (only when it or the view changed).</summary>
    private void Rebuild(bool force = false)
    {
        var state = State;
        if (!force && ReferenceEquals(state, _renderedState))
        {
            return;
        }
        _renderedState = state;
        Remember();
        // Inactive providers take no bookings: their column shows only while they have appointments on show.
        var shown = _view == SchedulerView.Week
            ? _providers.Where(p => p.Id == WeekProvider)
            : _providers.Where(p => state.ProviderFilter is null || p.Id == state.ProviderFilter)
                .Where(p => p.Active || state.Appointments.Values.Any(a => a.ProviderId == p.Id));
        _columns = shown.Select(p => CalendarItem.Column(p, _workingDays)).ToList();
        var columnIds = shown.Select(p => p.Id).ToHashSet();
        var appointments = state.Appointments.Values.Where(a => columnIds.Contains(a.ProviderId)).OrderBy(a => a.Start).ToList();
        _items = appointments.Select(a => CalendarItem.From(a, Clock, RecordOf(a))).ToList();
        LoadRecords(appointments);
    }

    /// <summary>Updates what is kept of the calendar on show.</summary>
    private void Remember() => Shown = new ShownCalendar(_date, _view, State.ProviderFilter, _slotMinutes);

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
            _ = LoadRecordAsync(recordId, revision);
        }
    }

    private async Task LoadRecordAsync(Guid recordId, long revision)
    {
        RecordView? record = null;
        try
        {
            record = await Packages.RecordAsync(recordId);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The badge shows the session number alone; the drawer shows the record in full.
        }
        await InvokeAsync(() =>
        {
            _loadingRecords.Remove(recordId);
            _records[recordId] = (record, revision);
            Rebuild(force: true);
            StateHasChanged();
        });
    }

    private void OnViewChanged(SchedulerView view)
    {
        _view = view;
        ShowRange();
        Rebuild(force: true);
        RefreshShading();
    }

    private void OnDateChanged(DateOnly date)
    {
        _date = date;
        ShowRange();
        Rebuild(force: true);
        RefreshShading();
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
        _bookingProvider = Guid.Parse(slot.ColumnKey);
        Draft = BookingDraft.At(_bookingStart, _bookingProvider);
        OpenDrawer(DrawerKind.Booking);
    }

    private void OnItemSelected(SchedulerItem item)
    {
        _appointmentId = Guid.Parse(item.Key);
        Draft = null;
        OpenDrawer(DrawerKind.Appointment);
    }

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
        var id = Guid.Parse(drop.Item.Key);
        if (!State.Appointments.TryGetValue(id, out var before))
        {
            return;
        }
        _moveError = null;
        var providerId = Guid.Parse(drop.ColumnKey);
        try
        {
            var moved = await Appointments.MoveAsync(new MoveAppointment(id, Clock.ToUtc(drop.Start), providerId, false, Desk.Actor));
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
        catch (DomainException ex)
        {
            _moveError = $"{before.ClientName} was not moved: {ex.Message}";
        }
    }

    private async Task UndoMoveAsync(AppointmentView before)
    {
        try
        {
            var back = await Appointments.MoveAsync(new MoveAppointment(before.Id, before.Start, before.ProviderId, false, Desk.Actor));
            Store.Dispatch(new AppointmentSaved(back));
            _moveError = null;
        }
        catch (DomainException ex)
        {
            _moveError = $"{before.ClientName} could not be moved back: {ex.Message}";
        }
        StateHasChanged();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusDrawer && _drawer != DrawerKind.None)
        {
            _focusDrawer = false;
            try
            {
                await _drawerHeading.FocusAsync();
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
