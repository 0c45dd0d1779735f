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

    [Inject] private CalendarStore Store { get; set; } = default!;
    [Inject] private CalendarQueries Queries { get; set; } = default!;
    [Inject] private CatalogQueries Catalog { get; set; } = default!;
    [Inject] private AppointmentService Appointments { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;
    [Inject] private DeskSession Desk { get; set; } = default!;

    private enum Panel
    {
        None,
        CheckOut,
        Move,
        Cancel,
    }

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
        _loaded = true;
    }

    private void OnStateChanged(CalendarState state)
    {
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

    private void OpenCheckOut()
    {
        _card = _appointment?.Price ?? 0m;
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

    private Task CheckInAsync() => RunAsync(() => Appointments.CheckInAsync(AppointmentId, Desk.Actor), "Checked in.");

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
        return RunAsync(() => Appointments.CheckOutAsync(new CheckOutAppointment(AppointmentId, payments, Desk.Actor)), "Paid and checked out.");
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
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
            // Show the appointment as it really is now (another desk may have changed it).
            _appointment = await Queries.FindAsync(AppointmentId) ?? _appointment;
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose() => Store.StateChanged -= OnStateChanged;
}
