using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Packages;

/// <summary>
/// One package record on the client profile: circles or balance (read-only), status, and what
/// the desk can do with it. A refused command shows its message here and nothing changes.
/// </summary>
public partial class RecordCard : ComponentBase
{
    [Parameter, EditorRequired] public RecordView Record { get; set; } = default!;

    /// <summary>Raised after a change succeeded, with what to tell the desk.</summary>
    [Parameter] public EventCallback<string> OnChanged { get; set; }

    [Inject] private PackageService Packages { get; set; } = default!;
    [Inject] private DeskSession Desk { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private enum Panel
    {
        None,
        Pay,
        Adjust,
        Expiry,
        Freeze,
        Transfer,
        Cancel,
    }

    private Panel _panel;
    private bool _history;
    private bool _busy;
    private string? _error;
    private List<FrontDesk.Dashboard.Components.Sales.PaymentDraft> _payments = [];
    private decimal _delta;
    private string _reason = string.Empty;
    private DateTime? _expiresOn;
    private bool _noExpiry;
    private DateTime? _freezeFrom;
    private DateTime? _freezeTo;
    private ClientView? _transferTo;

    // One key per intent: made when a panel opens and after each success, so a double click or
    // a replayed event sends the same command once (see IdempotencyScope).
    private string _intent = IdempotencyScope.NewKey();

    private bool Cancelled => Record.Status == RecordStatus.Cancelled;

    private string Title => $"{Record.Name}, {(Cancelled ? "cancelled" : "active")}, from {Clock.ToLocal(Record.PurchasedAt):d MMM yyyy}";

    private string ModeText => Record.Mode switch
    {
        AcquisitionMode.Paid => "Sold",
        AcquisitionMode.Unpaid => Record.IsPaid ? "Paid later" : "Assigned unpaid",
        AcquisitionMode.Complimentary => "Given free",
        _ => "Transferred in",
    };

    private string Unit => Record.ValueType switch
    {
        PackageValueType.Minutes => "minutes",
        PackageValueType.Amount => Record.Currency,
        _ => "sessions",
    };

    private string Summary => PackageWording.Summary(Record, Clock.Money);

    private void Show(Panel panel)
    {
        _panel = panel;
        _intent = IdempotencyScope.NewKey();
        _error = null;
        _reason = string.Empty;
        _delta = 0m;
        _transferTo = null;
        _payments = PaymentFields.NewRows();
    }

    private void OpenExpiry()
    {
        Show(Panel.Expiry);
        _noExpiry = Record.ExpiresOn is null;
        _expiresOn = (Record.ExpiresOn ?? Clock.Today.AddMonths(3)).ToDateTime(TimeOnly.MinValue);
    }

    private void OpenFreeze()
    {
        Show(Panel.Freeze);
        _freezeFrom = Clock.Today.ToDateTime(TimeOnly.MinValue);
        _freezeTo = Clock.Today.AddDays(13).ToDateTime(TimeOnly.MinValue);
    }

    private Task PayAsync() => RunAsync(
        () => Packages.PayAsync(Record.Id, PaymentFields.Lines(_payments), Desk.Caller),
        $"{Record.Name} is paid.");

    private Task AdjustAsync() => RunAsync(
        () => Packages.AdjustAsync(Record.Id, _delta, _reason, Desk.Caller),
        $"{Record.Name}: {(_delta > 0 ? "added" : "removed")} {Math.Abs(_delta):0.##} {Unit}.");

    private Task ChangeExpiryAsync()
    {
        DateOnly? date = _noExpiry || _expiresOn is null ? null : DateOnly.FromDateTime(_expiresOn.Value);
        if (!_noExpiry && date is null)
        {
            _error = "Pick the last valid day, or tick No expiry.";
            return Task.CompletedTask;
        }
        return RunAsync(
            () => Packages.ChangeExpiryAsync(Record.Id, date, _reason, Desk.Caller),
            date is { } d ? $"{Record.Name} is now valid until {d:d MMM yyyy}." : $"{Record.Name} no longer expires.");
    }

    private Task FreezeAsync()
    {
        if (_freezeFrom is not { } from || _freezeTo is not { } to)
        {
            _error = "Pick the first and last day of the freeze.";
            return Task.CompletedTask;
        }
        return RunAsync(
            () => Packages.FreezeAsync(Record.Id, DateOnly.FromDateTime(from), DateOnly.FromDateTime(to), Desk.Caller),
            $"{Record.Name} is frozen {from:d MMM} – {to:d MMM yyyy}.");
    }

    private Task TransferAsync()
    {
        if (_transferTo is not { } to)
        {
            return Task.CompletedTask;
        }
        return RunAsync(
            async () => (await Packages.TransferAsync(Record.Id, to.Id, Desk.Caller)).From,
            $"What was left of {Record.Name} now belongs to {to.Name}.");
    }

    /// <summary>Cancelling is final, so a dialog asks once more; "No, keep it" (or Escape) leaves the record as it was.</summary>
    private async Task ConfirmCancelAsync()
    {
        _error = null;
        var confirmed = await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = $"Cancel {Record.Name} for good?",
            Message = "This is final: a cancelled package never comes back. What is left is lost to the client, and booked sessions become single bookings to pay normally.",
            YesText = $"Yes, cancel {Record.Name} for good",
            CancelText = "No, keep it",
        }, new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true });
        if (confirmed == true)
        {
            await CancelAsync();
        }
    }

    private Task CancelAsync() => RunAsync(
        () => Packages.CancelAsync(Record.Id, string.IsNullOrWhiteSpace(_reason) ? null : _reason, Desk.Caller),
        $"{Record.Name} is cancelled.");

    /// <summary>Runs a command; a refusal is shown inline, the inputs stay as typed.</summary>
    private async Task RunAsync(Func<Task<RecordView>> command, string done)
    {
        _busy = true;
        _error = null;
        try
        {
            using (IdempotencyScope.Begin(_intent))
            {
                await command();
            }
            _intent = IdempotencyScope.NewKey();
            _panel = Panel.None;
            await OnChanged.InvokeAsync(done);
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
