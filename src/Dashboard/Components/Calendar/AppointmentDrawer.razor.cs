using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Store.Calendar;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Calendar;

/// <summary>
/// One appointment and what the desk can do with it. It follows the store, so a change made
/// at another desk shows here at once (and a button that no longer applies disappears).
/// </summary>
public partial class AppointmentDrawer : ComponentBase, IDisposable
{
    [Parameter] public Guid AppointmentId { get; set; }

    /// <summary>Raised when the receptionist closes the drawer.</summary>
    [Parameter] public EventCallback OnClose { get; set; }

    [Inject] private CalendarStore Store { get; set; } = default!;
    [Inject] private CalendarQueries Queries { get; set; } = default!;
    [Inject] private CatalogQueries Catalog { get; set; } = default!;
    [Inject] private AppointmentService Appointments { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;
    [Inject] private DeskSession Desk { get; set; } = default!;
    [Inject] private FrontDesk.Dashboard.Packages.PackageQueries Packages { get; set; } = default!;

    private enum Panel
    {
        None,
        CheckOut,
        Move,
        Cancel,
        RedeemPrompt,
    }

    private readonly string _keyPrefix = "drawer-" + Guid.NewGuid().ToString("N");
    private IReadOnlyList<FrontDesk.Dashboard.Packages.RecordOption>? _packages;
    private long _packageRevision;
    private decimal _due;

    private AppointmentView? _appointment;
    private IReadOnlyList<ProviderView> _providers = [];
    private bool _loaded;
    private Panel _panel;
    private bool _busy;
    private string? _error;
    private string? _notice;
    private decimal _card;
    private decimal _cash;
    private DateTime _moveStart;
    private Guid _moveProvider;
    private bool _moveOverride;
    private string _cancelReason = string.Empty;

    protected override async Task OnInitializedAsync()
    {
        Store.StateChanged += OnStateChanged;
        _appointment = Store.State.Appointments.GetValueOrDefault(AppointmentId) ?? await Queries.FindAsync(AppointmentId);
        _providers = await Catalog.ProvidersAsync();
        await RefreshPackagesAsync();
        _loaded = true;
    }

    private async Task RefreshPackagesAsync()
    {
        if (_appointment is not { } a)
        {
            return;
        }
        _packageRevision = Store.State.PackageRevision(a.ClientId);
        _packages = await Packages.OptionsAsync(a.ClientId, a.ServiceId, a.ProviderId, a.Start, a.End, a.Price, a.Id);
    }

    private string PackageLabel(AppointmentView a)
    {
        var name = _packages?.FirstOrDefault(o => o.Record.Id == a.PackageRecordId)?.Record.Name ?? "a package";
        return a.PackageSession is { } n ? $"{name}, session {n}" : $"{name} ({Clock.Money(a.PackageCovers)})";
    }

    private void OnStateChanged(CalendarState state)
    {
        if (_appointment is { } current && state.PackageRevision(current.ClientId) != _packageRevision)
        {
            _ = InvokeAsync(async () =>
            {
                await RefreshPackagesAsync();
                StateHasChanged();
            });
        }
        if (state.Appointments.TryGetValue(AppointmentId, out var latest) && !ReferenceEquals(latest, _appointment))
        {
            _ = InvokeAsync(() =>
            {
                var before = _appointment;
                _appointment = latest;
                if (before is not null && before.Status != latest.Status && !_busy)
                {
                    _notice = $"Updated: now {StatusLabels.Label(latest.Status).ToLowerInvariant()}.";
                    _panel = Panel.None;
                }
                StateHasChanged();
            });
        }
    }

    private void Show(Panel panel)
    {
        _panel = panel;
        _error = null;
        _notice = null;
    }

    private async Task OpenCheckOut()
    {
        try
        {
            _due = await Appointments.AmountDueAsync(AppointmentId);
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
            return;
        }
        _card = _due;
        _cash = 0m;
        Show(Panel.CheckOut);
    }

    private void OpenMove()
    {
        if (_appointment is { } a)
        {
            _moveStart = Clock.ToLocal(a.Start);
            _moveProvider = a.ProviderId;
            _moveOverride = false;
        }
        Show(Panel.Move);
    }

    /// <summary>Checking in a single service whose client holds a record for it asks first whether to redeem it from there.</summary>
    private async Task CheckInAsync()
    {
        await RefreshPackagesAsync();
        if (_appointment is { PackageRecordId: null } && _packages?.Any(o => o.Usable) == true)
        {
            Show(Panel.RedeemPrompt);
            return;
        }
        await CheckInSingleAsync();
    }

    private Task CheckInSingleAsync() => RunAsync(() => Appointments.CheckInAsync(AppointmentId, Desk.Actor), "Checked in.");

    private Task RedeemAndCheckInAsync(Guid recordId) => RunAsync(async () =>
    {
        await Appointments.AttachPackageAsync(new AttachPackage(AppointmentId, recordId, null, Desk.Actor) { IdempotencyKey = $"{_keyPrefix}-attach-{recordId}" });
        return await Appointments.CheckInAsync(AppointmentId, Desk.Actor);
    }, "Checked in, booked from the package.");

    private Task AttachAsync((Guid RecordId, int? Session) choice) => RunAsync(
        () => Appointments.AttachPackageAsync(new AttachPackage(AppointmentId, choice.RecordId, choice.Session, Desk.Actor)),
        "Booked from the package.");

    private Task DetachAsync() => RunAsync(() => Appointments.DetachPackageAsync(AppointmentId, Desk.Actor), "Now paid normally; the session was given back.");

    private Task NoShowAsync() => RunAsync(() => Appointments.MarkNoShowAsync(AppointmentId, Desk.Actor), "Marked as no-show.");

    private Task CancelAsync() => RunAsync(() => Appointments.CancelAsync(AppointmentId, _cancelReason, Desk.Actor), "Cancelled.");

    private Task MoveAsync() => RunAsync(
        () => Appointments.MoveAsync(new MoveAppointment(AppointmentId, Clock.ToUtc(_moveStart), _moveProvider, _moveOverride, Desk.Actor)),
        "Moved.");

    private Task CheckOutAsync()
    {
        var payments = new List<PaymentLine>();
        if (_card > 0m)
        {
            payments.Add(new PaymentLine(PaymentMethod.Card, _card));
        }
        if (_cash > 0m)
        {
            payments.Add(new PaymentLine(PaymentMethod.Cash, _cash));
        }
        return RunAsync(() => Appointments.CheckOutAsync(new CheckOutAppointment(AppointmentId, payments, Desk.Actor) { IdempotencyKey = $"{_keyPrefix}-checkout" }), "Paid and checked out.");
    }

    /// <summary>Runs a command; a refusal is shown inline and nothing changes.</summary>
    private async Task RunAsync(Func<Task<AppointmentView>> command, string done)
    {
        _busy = true;
        _error = null;
        _notice = null;
        try
        {
            var result = await command();
            _appointment = result;
            Store.Dispatch(new AppointmentSaved(result));
            _panel = Panel.None;
            _notice = done;
            await RefreshPackagesAsync();
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
            // Show the appointment as it really is now (another desk may have changed it).
            _appointment = await Queries.FindAsync(AppointmentId) ?? _appointment;
            await RefreshPackagesAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose() => Store.StateChanged -= OnStateChanged;
}
