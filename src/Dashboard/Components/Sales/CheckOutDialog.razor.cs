using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Errors;
using FrontDesk.Dashboard.Memberships;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Sales;

/// <summary>What the check-out window opens on: an appointment, a client, or nobody (a walk-in).</summary>
public sealed record CheckOutRequest(Guid? AppointmentId, Guid? ClientId, string? ClientName)
{
    /// <summary>Who the service lines and the tip go to unless changed (the appointment's provider).</summary>
    public Guid? ProviderId { get; init; }

    /// <summary>The package or course paying for the appointment, named in the totals ("Covered by Massage course").</summary>
    public string? CoveredBy { get; init; }

    public static CheckOutRequest ForAppointment(AppointmentView a, string? coveredBy) =>
        new(a.Id, a.ClientId, a.ClientName) { ProviderId = a.ProviderId, CoveredBy = coveredBy };

    public static CheckOutRequest ForClient(ClientView c) => new(null, c.Id, c.Name);

    public static CheckOutRequest WalkIn { get; } = new(null, null, null);
}

/// <summary>
/// The check-out and sale window. Every change is priced again by <see cref="ISaleService.PreviewAsync"/>
/// after a short pause (a newer change cancels the older pricing); its refusal shows inline.
/// Confirm sends one <see cref="ISaleService.CreateAsync"/> under the window's own idempotency key.
/// </summary>
public partial class CheckOutDialog : ComponentBase, IDisposable
{
    /// <summary>How long typing may pause before the sale is priced again.</summary>
    public static readonly TimeSpan PricingPause = TimeSpan.FromMilliseconds(300);

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter] public Guid? AppointmentId { get; set; }

    /// <summary>The client buying; null for a walk-in (a client can then be chosen).</summary>
    [Parameter] public Guid? ClientId { get; set; }

    [Parameter] public string? ClientName { get; set; }

    [Parameter] public Guid? ProviderId { get; set; }

    [Parameter] public string? CoveredBy { get; set; }

    [Inject] private ISaleService Sales { get; set; } = default!;
    [Inject] private CatalogQueries Catalog { get; set; } = default!;
    [Inject] private MembershipQueries Memberships { get; set; } = default!;
    [Inject] private MembershipService MembershipUse { get; set; } = default!;
    [Inject] private PackageQueries Packages { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;
    [Inject] private DeskSession Desk { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ILogger<CheckOutDialog> Logger { get; set; } = default!;

    private readonly CancellationTokenSource _life = new();

    /// <summary>The key of this window's one intent: confirming this sale (made once when it opens).</summary>
    private readonly string _key = IdempotencyScope.NewKey();

    /// <summary>The key of the next "Use membership" intent: kept while it is refused (a retry is the same intent), new after it succeeds.</summary>
    private string _useKey = IdempotencyScope.NewKey();

    private readonly List<LineDraft> _lines = [];
    private readonly DiscountDraft _saleDiscount = new();
    private readonly List<PaymentDraft> _payments = [new(PaymentMethod.Card, 0m)];
    private IReadOnlyList<ServiceView> _services = [];
    private IReadOnlyList<ProviderView> _providers = [];
    private IReadOnlyList<ProductView> _products = [];
    private IReadOnlyList<TemplateView> _packages = [];
    private ClientView? _client;
    private decimal _tip;
    private Guid? _tipProvider;
    private SaleView? _preview;
    private CancellationTokenSource? _pricingCancel;

    /// <summary>Counts changes; the shown totals are current when they were priced at the newest one.</summary>
    private int _revision;
    private int _pricedRevision = -1;
    private bool _pricing;
    private bool _paymentsTouched;
    private bool _busy;
    private string? _error;

    /// <summary>The membership whose visit pays this appointment (used before or in this window), or null.</summary>
    private MembershipView? _membership;
    private string? _membershipCode;
    private string? _membershipError;
    private bool _usingMembership;

    /// <summary>Shows the window; returns the sale made, or null when it was closed without one.</summary>
    public static async Task<SaleView?> ShowAsync(IDialogService dialogs, CheckOutRequest request)
    {
        var parameters = new DialogParameters<CheckOutDialog>
        {
            { d => d.AppointmentId, request.AppointmentId },
            { d => d.ClientId, request.ClientId },
            { d => d.ClientName, request.ClientName },
            { d => d.ProviderId, request.ProviderId },
            { d => d.CoveredBy, request.CoveredBy },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false };
        var title = request.AppointmentId is not null ? "Check out" : "New sale";
        var dialog = await dialogs.ShowAsync<CheckOutDialog>(title, parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: SaleView sale } ? sale : null;
    }

    private string Title => AppointmentId is not null
        ? $"Check out · {ClientName}"
        : ClientName is { } name ? $"New sale · {name}" : "New sale";

    private string Currency => _preview?.Currency ?? _services.FirstOrDefault()?.Currency ?? string.Empty;

    private bool HasClient => ClientId is not null || _client is not null;

    private Guid? BuyerId => ClientId ?? _client?.Id;

    /// <summary>What is to be paid now (the priced total).</summary>
    private decimal Due => _preview?.Total ?? 0m;

    /// <summary>The appointment's own line is line 1 on the bill, so the added lines count from 2.</summary>
    private int LineNumber(int index) => index + (AppointmentId is null ? 1 : 2);

    protected override async Task OnInitializedAsync()
    {
        _tipProvider = ProviderId;
        try
        {
            _services = (await Catalog.ServicesAsync(_life.Token)).Where(s => s.Active).ToList();
            _providers = await Catalog.ProvidersAsync(_life.Token);
            _products = (await Memberships.ProductsAsync(_life.Token)).Where(p => p.Active).ToList();
            _packages = (await Packages.TemplatesAsync(_life.Token)).Where(t => t.ForSale && t.Status == TemplateStatus.Active).ToList();
            if (AppointmentId is { } appointment)
            {
                _membership = await Memberships.ForAppointmentAsync(appointment, _life.Token);
            }
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            _error = UnexpectedError.Report(Logger, ex, "opening the check-out");
            return;
        }
        if (AppointmentId is not null)
        {
            await PriceAsync(_revision, _life.Token);
        }
    }

    /// <summary>What the totals call the credit: the package, the membership, or packages and credits.</summary>
    private string CreditLabel => CoveredBy is { } course
        ? $"Covered by {course}"
        : _membership is { } m ? $"Paid from membership {m.Code}" : "Covered by packages and credits";

    /// <summary>"3 visits left · valid until 30 Dec 2026", or "unlimited · …".</summary>
    internal static string Remaining(MembershipView m) =>
        (m.VisitsLeft is { } left ? $"{left} visit{(left == 1 ? "" : "s")} left" : "unlimited")
        + (m.ValidUntil is { } until ? $" · valid until {until.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}" : null);

    private void MembershipCodeChanged(string? code)
    {
        _membershipCode = code;
        _membershipError = null;
    }

    private async Task MembershipKeyDownAsync(Microsoft.AspNetCore.Components.Web.KeyboardEventArgs e)
    {
        if (e.Key is "Enter" or "NumpadEnter")
        {
            await UseMembershipAsync();
        }
    }

    /// <summary>
    /// Uses a visit of the membership with the typed code on this appointment (the service's own
    /// rules: trimmed, any case, validity, covered service, visits left, holder), under this
    /// intent's key, then prices the window again: the visit pays the service. A refusal shows
    /// under the field and changes nothing; the code stays as typed.
    /// </summary>
    private Task UseMembershipAsync()
    {
        if (_usingMembership || _busy || _membership is not null || AppointmentId is not { } appointment)
        {
            return Task.CompletedTask;
        }
        var code = _membershipCode;
        return RunMembershipAsync(async ct => _membership = await MembershipUse.UseAsync(code, appointment, Desk.Caller, ct), "using a membership");
    }

    /// <summary>
    /// Gives back the membership visit that pays this appointment (used in this window or before it,
    /// never confirmed by a sale), then prices the window again: the service is to be paid. The
    /// code stays in the field to be used again.
    /// </summary>
    private Task GiveBackMembershipAsync()
    {
        if (_usingMembership || _busy || _membership is not { } used || AppointmentId is not { } appointment)
        {
            return Task.CompletedTask;
        }
        return RunMembershipAsync(async ct =>
        {
            await MembershipUse.GiveBackAsync(used.Code, appointment, Desk.Caller, ct);
            _membership = null;
            _membershipCode = used.Code;
        }, "giving back a membership visit");
    }

    /// <summary>
    /// Runs a membership command of this window under this intent's key, then prices the window
    /// again. A refusal shows under the membership line and changes nothing.
    /// </summary>
    private async Task RunMembershipAsync(Func<CancellationToken, Task> command, string doing)
    {
        _usingMembership = true;
        _membershipError = null;
        try
        {
            using (IdempotencyScope.Begin(_useKey))
            {
                await command(_life.Token);
            }
            _useKey = IdempotencyScope.NewKey();
            _revision++;
            _pricingCancel?.Cancel();
            await PriceAsync(_revision, _life.Token);
        }
        catch (DomainException ex)
        {
            _membershipError = ex.Message;
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
            // closed meanwhile
        }
        catch (Exception ex)
        {
            _membershipError = UnexpectedError.Report(Logger, ex, doing);
        }
        finally
        {
            _usingMembership = false;
        }
    }

    private ServiceView? ServiceOf(LineDraft line) => _services.FirstOrDefault(s => s.Id == line.ItemId);

    private string? ProviderName(Guid? id) => _providers.FirstOrDefault(p => p.Id == id)?.Name;

    private string? ProductText(Guid? id) => _products.FirstOrDefault(p => p.Id == id) is { } p
        ? $"{p.Name} · {Clock.Money(p.Price)} · {(p.Stock > 0 ? $"{p.Stock} in stock" : "out of stock")}"
        : null;

    private string? PackageText(Guid? id) => _packages.FirstOrDefault(t => t.Id == id) is { } t ? $"{t.Name} · {Clock.Money(t.Price)}" : null;

    /// <summary>Searches the services already loaded, on every key (no debounce timer: see ClientPicker for why a timer's search can set the field back).</summary>
    private Task<IEnumerable<ServiceView>> SearchServices(string? text, CancellationToken ct) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? _services
            : _services.Where(s => s.Name.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));

    private void ChooseClient(ClientView client)
    {
        _client = client;
        Changed();
    }

    private void AddLine(SaleItemType type)
    {
        _lines.Add(new LineDraft(type) { ProviderId = type == SaleItemType.Service ? ProviderId : null });
        Changed();
    }

    private void Set(Action change)
    {
        change();
        Changed();
    }

    /// <summary>Something that prices the sale changed: price it again once the typing pauses.</summary>
    private void Changed()
    {
        _revision++;
        _error = null;
        _pricingCancel?.Cancel();
        _pricingCancel?.Dispose();
        _pricingCancel = CancellationTokenSource.CreateLinkedTokenSource(_life.Token);
        PriceSoonAsync(_revision, _pricingCancel.Token).Forget(Logger, "pricing the sale");
    }

    private void PaymentsChanged()
    {
        _paymentsTouched = true;
        _error = null;
    }

    private async Task PriceSoonAsync(int revision, CancellationToken ct)
    {
        try
        {
            await Task.Delay(PricingPause, Time, ct);
        }
        catch (OperationCanceledException)
        {
            return; // a newer change prices it
        }
        await PriceAsync(revision, ct);
        StateHasChanged();
    }

    /// <summary>
    /// Prices the sale as it is at <paramref name="revision"/>; an answer that comes back after a
    /// newer change is dropped. Returns whether the shown totals are now current.
    /// </summary>
    private async Task<bool> PriceAsync(int revision, CancellationToken ct)
    {
        if (Problem(forConfirm: false) is { } problem)
        {
            _error = problem;
            return false;
        }
        if (AppointmentId is null && !_lines.Any(l => l.ItemId is not null))
        {
            _preview = null;
            _pricedRevision = revision;
            return true;
        }
        _pricing = true;
        try
        {
            var view = await Sales.PreviewAsync(Command([]), ct);
            if (ct.IsCancellationRequested || revision != _revision)
            {
                return false;
            }
            _preview = view;
            _pricedRevision = revision;
            _error = null;
            if (!_paymentsTouched)
            {
                _payments.Clear();
                _payments.Add(new PaymentDraft(PaymentMethod.Card, view.Total));
            }
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
        catch (DomainException ex)
        {
            if (revision == _revision)
            {
                _error = ex.Message;
            }
            return false;
        }
        catch (Exception ex)
        {
            _error = UnexpectedError.Report(Logger, ex, "pricing a sale");
            return false;
        }
        finally
        {
            if (revision == _revision)
            {
                _pricing = false;
            }
        }
    }

    /// <summary>What must be fixed before the sale can be priced (or, with <paramref name="forConfirm"/>, confirmed).</summary>
    private string? Problem(bool forConfirm)
    {
        for (var i = 0; i < _lines.Count; i++)
        {
            var line = _lines[i];
            var n = LineNumber(i);
            if (line.Discount.MissesReason)
            {
                return $"Give a reason for the discount on line {n}.";
            }
            if (!forConfirm)
            {
                continue;
            }
            if (line.ItemId is null)
            {
                return $"Choose the {LineDraft.KindName(line.Type)} line {n} sells, or remove the line.";
            }
            if (line.Type == SaleItemType.Membership && !line.GenerateCode && string.IsNullOrWhiteSpace(line.Code))
            {
                return $"Type the code of the membership on line {n}, or choose Generate.";
            }
        }
        if (_saleDiscount.MissesReason)
        {
            return "Give a reason for the discount on the sale.";
        }
        if (_tip > 0m && _tipProvider is null)
        {
            return "Choose who earns the tip.";
        }
        return forConfirm && AppointmentId is null && !_lines.Any() ? "Add what the client buys." : null;
    }

    private CreateSale Command(IReadOnlyList<PaymentLine> payments) => new(
        BuyerId,
        AppointmentId,
        _lines.Where(l => l.ItemId is not null).Select(l => l.ToInput()).ToList(),
        _saleDiscount.ToInput(),
        _tip > 0m && _tipProvider is { } earner ? new TipInput(_tip, earner) : null,
        payments,
        Desk.Caller);

    private async Task ConfirmAsync()
    {
        if (_busy)
        {
            return; // the first click is being confirmed
        }
        _busy = true;
        _error = null;
        try
        {
            if (Problem(forConfirm: true) is { } problem)
            {
                _error = problem;
                return;
            }
            if (_pricedRevision != _revision)
            {
                _pricingCancel?.Cancel();
                if (!await PriceAsync(_revision, _life.Token))
                {
                    return;
                }
            }
            var check = PaymentCheck.Of(Due, Due > 0m ? _payments : [], HasClient, Clock.Money);
            if (check.Problem is { } paymentProblem)
            {
                _error = paymentProblem;
                return;
            }
            SaleView sale;
            using (IdempotencyScope.Begin(_key))
            {
                sale = await Sales.CreateAsync(Command(Due > 0m ? PaymentCheck.Lines(_payments) : []) with { IdempotencyKey = _key }, _life.Token);
            }
            Announce(sale);
            Dialog.Close(DialogResult.Ok(sale));
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
            // closed meanwhile
        }
        catch (Exception ex)
        {
            _error = UnexpectedError.Report(Logger, ex, "confirming a sale");
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>"Sale 2026-0042 confirmed: 95.00 GBP. Change 5.00 GBP." with a link to its receipt.</summary>
    private void Announce(SaleView sale)
    {
        var text = $"Sale {sale.Number ?? string.Empty} confirmed: {Clock.Money(sale.Total)}."
            + (sale.ChangeGiven > 0m ? $" Change {Clock.Money(sale.ChangeGiven)}." : null)
            + (sale.Balance > 0m ? $" {sale.ClientName ?? "The client"} owes {Clock.Money(sale.Balance)}." : null);
        Snackbar.Add(SaleLinks.Message(text, sale.Id), Severity.Success, o => o.VisibleStateDuration = 10000);
    }

    private void Cancel() => Dialog.Cancel();

    public void Dispose()
    {
        _pricingCancel?.Cancel();
        _pricingCancel?.Dispose();
        _life.Cancel();
        _life.Dispose();
    }
}
