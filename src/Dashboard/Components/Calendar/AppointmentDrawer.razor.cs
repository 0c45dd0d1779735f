using Microsoft.JSInterop;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Components.Sales;
using FrontDesk.Dashboard.Errors;
using FrontDesk.Dashboard.Store.Calendar;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Sales;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Calendar;

/// <summary>
/// One appointment and what the desk can do with it. It follows the store, so a change made
/// at another desk shows here at once (and a button that no longer applies disappears), and
/// says so in a snackbar; it offers only what the appointment's state and time allow.
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
    [Inject] private FrontDesk.Dashboard.Memberships.MembershipQueries Memberships { get; set; } = default!;
    [Inject] private FrontDesk.Dashboard.Memberships.MembershipService MembershipUse { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ILogger<AppointmentDrawer> Logger { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    // A step opening (check out, move, cancel) or closing (Back, done, another desk's change)
    // replaces the buttons, the focused one with them: the focus would fall to the page. After
    // that render it goes to the step's heading (read out: "Covered by ..., nothing to pay"), or
    // to the first action, unless the person has already moved it elsewhere.
    private ElementReference _panelHeading;
    private ElementReference _actions;
    private Panel _renderedPanel;

    /// <summary>Ends the drawer's loads when it closes.</summary>
    private readonly CancellationTokenSource _life = new();

    private enum Panel
    {
        None,
        CheckOut,
        Move,
        Cancel,
    }

    private readonly string _keyPrefix = "drawer-" + Guid.NewGuid().ToString("N");

    // The key of the next command this drawer sends, renewed after each success: a double click
    // or a replayed event sends the same command once (see IdempotencyScope).
    private string _intent = IdempotencyScope.NewKey();
    private IReadOnlyList<FrontDesk.Dashboard.Packages.RecordOption>? _packages;
    private long _packageRevision;
    private decimal _due;

    /// <summary>The code of the membership whose visit pays the appointment, when it is the reason nothing is due.</summary>
    private string? _paidByMembership;

    private AppointmentView? _appointment;
    private IReadOnlyList<ProviderView> _providers = [];
    private bool _loaded;
    private Panel _panel;
    private bool _busy;
    private string? _error;
    private string? _notice;
    private DateTime? _moveDate;
    private TimeSpan? _moveTime;
    private ITimer? _startTimer;

    /// <summary>The newest version of the appointment this drawer itself produced (its own commands are not news).</summary>
    private int _ownVersion = -1;
    private Guid _moveProvider;
    private bool _moveOverride;
    private string _cancelReason = string.Empty;

    protected override async Task OnInitializedAsync()
    {
        Store.StateChanged += OnStateChanged;
        try
        {
            _appointment = Store.State.Appointments.GetValueOrDefault(AppointmentId) ?? await Queries.FindAsync(AppointmentId, _life.Token);
            _providers = await Catalog.ProvidersAsync(_life.Token);
            await RefreshPackagesAsync();
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
            return; // closed while loading
        }
        catch (Exception ex)
        {
            _error = UnexpectedError.Report(Logger, ex, "opening an appointment");
        }
        _loaded = true;
        WakeAtStart();
    }

    /// <summary>Whether the appointment has started: only then can the client be a no-show.</summary>
    private bool Started(AppointmentView a) => Clock.UtcNow >= a.Start;

    /// <summary>Shows No-show once the start time passes while the drawer is open.</summary>
    private void WakeAtStart()
    {
        _startTimer?.Dispose();
        _startTimer = null;
        if (_appointment is { Status: AppointmentStatus.Booked } a && !Started(a))
        {
            _startTimer = Time.CreateTimer(_ => InvokeAsync(StateHasChanged).Forget(Logger, "showing no-show at the start time"), null, a.Start - Clock.UtcNow, Timeout.InfiniteTimeSpan);
        }
    }

    private Task CloseAsync() => OnClose.InvokeAsync();

    private string NothingToPay(AppointmentView a) =>
        a.PackageRecordId is null
            ? _paidByMembership is { } code ? $"Paid from membership {code}, nothing to pay" : "Nothing to pay"
            : $"Covered by {_packages?.FirstOrDefault(o => o.Record.Id == a.PackageRecordId)?.Record.Name ?? "the package"}, nothing to pay";

    private async Task RefreshPackagesAsync()
    {
        if (_appointment is not { } a)
        {
            return;
        }
        _packageRevision = Store.State.PackageRevision(a.ClientId);
        _packages = await Packages.OptionsAsync(a.ClientId, a.ServiceId, a.ProviderId, a.Start, a.End, a.Price, a.Id, _life.Token);
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
            InvokeAsync(async () =>
            {
                await RefreshPackagesAsync();
                StateHasChanged();
            }).Forget(Logger, "refreshing the client's packages");
        }
        if (state.Appointments.TryGetValue(AppointmentId, out var latest) && !ReferenceEquals(latest, _appointment))
        {
            InvokeAsync(() => Follow(latest)).Forget(Logger, "following the appointment");
        }
    }

    /// <summary>Shows the appointment as the store has it now; a change this drawer did not make is news for the desk.</summary>
    private void Follow(AppointmentView latest)
    {
        var before = _appointment;
        if (before is not null && latest.Version < before.Version)
        {
            return; // an older echo
        }
        _appointment = latest;
        if (before is not null && latest.Version > before.Version && latest.Version > _ownVersion && !_busy)
        {
            if (before.Status != latest.Status)
            {
                _notice = $"Updated: now {StatusLabels.Label(latest.Status).ToLowerInvariant()}.";
                _panel = Panel.None;
            }
            Snackbar.Add(News(before, latest), Severity.Info, o => o.VisibleStateDuration = 8000);
        }
        WakeAtStart();
        StateHasChanged();
    }

    /// <summary>"Laser at 10:00 was moved by the other desk: now 11:30 with Tess."</summary>
    private string News(AppointmentView before, AppointmentView now)
    {
        var what = $"{before.ServiceName} at {Clock.ToLocal(before.Start):HH:mm}";
        var moved = before.Start != now.Start || before.ProviderId != now.ProviderId;
        return now.Status != before.Status
            ? $"{what} was {Verb(now.Status)} by the other desk."
            : moved
                ? $"{what} was moved by the other desk: now {Clock.ToLocal(now.Start):ddd d MMM HH:mm} with {now.ProviderName}."
                : now.PackageRecordId != before.PackageRecordId || now.PackageSession != before.PackageSession
                    ? $"{what}: how it is paid was changed by the other desk."
                    : $"{what} was changed by the other desk.";
    }

    private static string Verb(AppointmentStatus status) => status switch
    {
        AppointmentStatus.CheckedIn => "checked in",
        AppointmentStatus.Completed => "checked out",
        AppointmentStatus.NoShow => "marked no-show",
        AppointmentStatus.Cancelled => "cancelled",
        _ => "set back to booked",
    };

    private void Show(Panel panel)
    {
        _panel = panel;
        _error = null;
        _notice = null;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_panel == _renderedPanel)
        {
            return;
        }
        _renderedPanel = _panel;
        try
        {
            if (_panel == Panel.None)
            {
                await JS.InvokeVoidAsync("frontDesk.focusFirstIfLost", _actions);
            }
            else
            {
                await JS.InvokeVoidAsync("frontDesk.focusIfLost", _panelHeading);
            }
        }
        catch (Exception ex) when (ex is JSDisconnectedException or JSException or TaskCanceledException)
        {
            // The desk closed meanwhile, or the element went with a newer render: the focus is
            // a courtesy, never a reason to lose the desk.
        }
    }

    private async Task OpenCheckOut()
    {
        try
        {
            _due = await Appointments.AmountDueAsync(AppointmentId, _life.Token);
            _paidByMembership = _due == 0m && _appointment?.PackageRecordId is null
                ? (await Memberships.ForAppointmentAsync(AppointmentId, _life.Token))?.Code
                : null;
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = UnexpectedError.Report(Logger, ex, "working out the amount due");
            return;
        }
        if (_due == 0m)
        {
            Show(Panel.CheckOut); // "Covered by ..., nothing to pay": one Check out
            return;
        }
        await OpenSaleAsync();
    }

    /// <summary>
    /// The check-out window (lines, discounts, tip, payments); a sale made there checks the
    /// appointment out in the same transaction, so the drawer shows it as it is now.
    /// </summary>
    private async Task OpenSaleAsync()
    {
        if (_appointment is not { } a)
        {
            return;
        }
        Show(Panel.None);
        var coveredBy = a.PackageRecordId is null ? null : _packages?.FirstOrDefault(o => o.Record.Id == a.PackageRecordId)?.Record.Name;
        var sale = await CheckOutDialog.ShowAsync(Dialogs, CheckOutRequest.ForAppointment(a, coveredBy));
        if (sale is null)
        {
            return;
        }
        try
        {
            if (await Queries.FindAsync(AppointmentId, _life.Token) is { } latest)
            {
                _ownVersion = Math.Max(_ownVersion, latest.Version);
                _appointment = latest;
                Store.Dispatch(new AppointmentSaved(latest));
            }
            await RefreshPackagesAsync();
            WakeAtStart();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Reloading appointment {AppointmentId} after its check-out failed", AppointmentId);
        }
    }

    private void OpenMove()
    {
        if (_appointment is { } a)
        {
            var start = Clock.ToLocal(a.Start);
            _moveDate = start.Date;
            _moveTime = start.TimeOfDay;
            _moveProvider = a.ProviderId;
            _moveOverride = false;
        }
        Show(Panel.Move);
    }

    /// <summary>Checking in a single service whose client holds a record for it asks first whether to redeem it from there.</summary>
    private async Task CheckInAsync()
    {
        await RefreshPackagesAsync();
        var usable = _packages?.Where(o => o.Usable).ToList() ?? [];
        if (_appointment is not { PackageRecordId: null } a || usable.Count == 0)
        {
            await CheckInSingleAsync();
            return;
        }
        var parameters = new DialogParameters<RedeemDialog>
        {
            { d => d.ClientName, a.ClientName },
            { d => d.ServiceName, a.ServiceName },
            { d => d.Options, usable },
        };
        var dialog = await Dialogs.ShowAsync<RedeemDialog>("Redeem service from course?", parameters,
            new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        var result = await dialog.Result;
        if (result is not { Canceled: false, Data: RedeemDialog.RedeemAnswer answer })
        {
            return; // closed with Escape: nothing happens
        }
        await (answer.RecordId is { } recordId ? RedeemAndCheckInAsync(recordId) : CheckInSingleAsync());
    }

    private Task CheckInSingleAsync() => RunAsync(() => Appointments.CheckInAsync(AppointmentId, Desk.Caller), a => $"Checked in: {a.ClientName}, {a.ServiceName}.");

    /// <summary>One command: the visit is booked from the record and checked in in one transaction, or neither.</summary>
    private Task RedeemAndCheckInAsync(Guid recordId) => RunAsync(
        () => Appointments.CheckInAsync(new CheckInAppointment(AppointmentId, Desk.Caller) { RedeemRecordId = recordId, IdempotencyKey = $"{_keyPrefix}-checkin-{recordId}" }),
        a => $"Checked in: {a.ClientName}, {a.ServiceName}, redeemed from the package.");

    private Task AttachAsync((Guid RecordId, int? Session) choice) => RunAsync(
        () => Appointments.AttachPackageAsync(new AttachPackage(AppointmentId, choice.RecordId, choice.Session, Desk.Caller)),
        _ => "Booked from the package.");

    private Task DetachAsync() => RunAsync(() => Appointments.DetachPackageAsync(AppointmentId, Desk.Caller), _ => "Now paid normally; the session was given back.");

    private Task NoShowAsync() => RunAsync(() => Appointments.MarkNoShowAsync(AppointmentId, Desk.Caller), a => $"{a.ClientName} marked as no-show.");

    private Task CancelAsync() => RunAsync(() => Appointments.CancelAsync(AppointmentId, _cancelReason, Desk.Caller), a => $"Cancelled: {a.ClientName}, {a.ServiceName}.");

    private Task MoveAsync()
    {
        if (_moveDate is not { } date || _moveTime is not { } time)
        {
            _error = "Choose the new day and time.";
            return Task.CompletedTask;
        }
        var hadPackage = _appointment?.PackageRecordId is not null;
        return RunAsync(
            () => MoveConfirmingAsync(Dialogs, Appointments, new MoveAppointment(AppointmentId, Clock.ToUtc(date.Date + time), _moveProvider, _moveOverride, Desk.Caller)),
            a => a.PackageRecordId is null && hadPackage
                ? $"Moved: {a.ClientName} now {Clock.ToLocal(a.Start):ddd d MMM HH:mm} with {a.ProviderName}; to be paid normally."
                : $"Moved: {a.ClientName} now {Clock.ToLocal(a.Start):ddd d MMM HH:mm} with {a.ProviderName}.");
    }

    /// <summary>
    /// Moves; when the move would drop the appointment's package, asks first ("Moving drops
    /// Laser course 3/10 from this visit. Move anyway?") and moves only on "Move anyway".
    /// "No" throws <see cref="MoveDeclinedException"/>: nothing changed.
    /// </summary>
    internal static async Task<AppointmentView> MoveConfirmingAsync(IDialogService dialogs, AppointmentService appointments, MoveAppointment command)
    {
        try
        {
            return await appointments.MoveAsync(command);
        }
        catch (DomainException ex) when (ex.Confirm == MoveAppointment.DropPackageConfirmation)
        {
            var confirmed = await dialogs.ShowMessageBoxAsync(new MessageBoxOptions
            {
                Title = "Move without the package?",
                Message = ex.Message,
                YesText = "Move anyway",
                CancelText = "No, keep it",
            }, new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true });
            if (confirmed != true)
            {
                throw new MoveDeclinedException();
            }
            return await appointments.MoveAsync(command with { DropPackage = true });
        }
    }

    /// <summary>Nothing to pay (a package covers it): checks out with no payment.</summary>
    private Task CheckOutAsync() =>
        RunAsync(() => Appointments.CheckOutAsync(new CheckOutAppointment(AppointmentId, [], Desk.Caller) { IdempotencyKey = $"{_keyPrefix}-checkout" }), a => $"Checked out: {a.ClientName}, {a.ServiceName}.");

    /// <summary>
    /// Gives back the membership visit that would pay this appointment (used by mistake, or the
    /// client pays another way): the service is to be paid again at check-out. A refusal is shown
    /// inline and nothing changes.
    /// </summary>
    private async Task GiveBackMembershipAsync()
    {
        if (_busy || _paidByMembership is not { } code || _appointment is not { } a)
        {
            return;
        }
        _busy = true;
        _error = null;
        try
        {
            using (IdempotencyScope.Begin(_intent))
            {
                await MembershipUse.GiveBackAsync(code, AppointmentId, Desk.Caller, _life.Token);
            }
            _intent = IdempotencyScope.NewKey();
            _paidByMembership = null;
            _panel = Panel.None;
            Snackbar.Add($"The visit went back to membership {code}: {a.ServiceName} is to be paid at check-out.", Severity.Success);
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = UnexpectedError.Report(Logger, ex, "giving back a membership visit");
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Runs a command; a refusal is shown inline and nothing changes.</summary>
    private async Task RunAsync(Func<Task<AppointmentView>> command, Func<AppointmentView, string> done)
    {
        _busy = true;
        _error = null;
        _notice = null;
        try
        {
            AppointmentView result;
            using (IdempotencyScope.Begin(_intent))
            {
                result = await command();
            }
            _intent = IdempotencyScope.NewKey();
            _ownVersion = Math.Max(_ownVersion, result.Version);
            _appointment = result;
            Store.Dispatch(new AppointmentSaved(result));
            _panel = Panel.None;
            Snackbar.Add(done(result), Severity.Success);
            await RefreshPackagesAsync();
            WakeAtStart();
        }
        catch (MoveDeclinedException)
        {
            // "No, keep it": nothing changed.
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
            await ReloadQuietlyAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = UnexpectedError.Report(Logger, ex, "running an appointment command");
            await ReloadQuietlyAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Shows the appointment as it really is now (another desk may have changed it); a failure here keeps what is shown.</summary>
    private async Task ReloadQuietlyAsync()
    {
        try
        {
            _appointment = await Queries.FindAsync(AppointmentId, _life.Token) ?? _appointment;
            await RefreshPackagesAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Reloading appointment {AppointmentId} after a failed command failed too", AppointmentId);
        }
    }

    public void Dispose()
    {
        Store.StateChanged -= OnStateChanged;
        _startTimer?.Dispose();
        _life.Cancel();
        _life.Dispose();
    }
}

/// <summary>The receptionist answered "No" to a move that would drop the package: nothing changed.</summary>
public sealed class MoveDeclinedException() : Exception("The move was not confirmed.");
