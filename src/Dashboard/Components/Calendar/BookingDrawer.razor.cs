using FrontDesk.Dashboard.Errors;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Store.Calendar;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Calendar;

/// <summary>The drawer that books a slot: client (found or new), provider, service, time.</summary>
public partial class BookingDrawer : ComponentBase, IDisposable
{
    [Parameter] public DateTime Start { get; set; }
    [Parameter] public Guid? ProviderId { get; set; }

    /// <summary>Booked from a room's or machine's column: only services that need a resource of this kind are offered.</summary>
    [Parameter] public FrontDesk.Domain.Catalog.ResourceKind? NeedsResourceKind { get; set; }

    /// <summary>
    /// Where the drawer keeps what is filled in (its host persists it across a paused circuit).
    /// Given one that was filled in before, the drawer opens with its values; without one it
    /// starts from <see cref="Start"/> and <see cref="ProviderId"/>.
    /// </summary>
    [Parameter] public BookingDraft? Draft { get; set; }

    /// <summary>Raised when the drawer is done: with the booked appointment, or null when closed without booking.</summary>
    [Parameter] public EventCallback<AppointmentView?> OnClose { get; set; }

    [Inject] private CatalogQueries Catalog { get; set; } = default!;
    [Inject] private ClientService Clients { get; set; } = default!;
    [Inject] private AppointmentService Appointments { get; set; } = default!;
    [Inject] private CalendarStore Store { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;
    [Inject] private ILogger<BookingDrawer> Logger { get; set; } = default!;
    [Inject] private DeskSession Desk { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private FrontDesk.Dashboard.Packages.PackageQueries Packages { get; set; } = default!;

    private IReadOnlyList<FrontDesk.Dashboard.Packages.RecordOption>? _packages;
    private long _packageRevision;
    private bool _booked;

    private IReadOnlyList<ProviderView> _providers = [];
    private IReadOnlyList<ServiceOption> _services = [];
    private IReadOnlyList<ServiceView> _serviceViews = [];
    private IReadOnlyList<ResourceView> _resources = [];
    private MudForm? _form;
    private BookingDraft _draft = new();
    private ClientView? _client;
    private bool _saving;
    private string? _error;

    /// <summary>
    /// Set when another desk took the circle (or package) this desk had chosen: Save refuses
    /// with this message until the receptionist picks again or says to book a single service,
    /// so a Save pressed a moment after the circle went never books something else unasked.
    /// </summary>
    private string? _lostChoice;

    // The button that had the focus went away ("Book as a single service instead"): after the next
    // render the focus goes to the first of the drawer's actions (Save booking), if it was lost.
    private bool _focusActions;
    private ElementReference _actions;

    private const string AnyProvider = "Any provider";
    private const int MaxStartsShown = 48;

    /// <summary>The free starts of the chosen service on the chosen day (for the chosen provider, or any); null until those are chosen.</summary>
    private IReadOnlyList<FreeStart>? _starts;
    private int _startsRequest;
    private bool _startsForAny;
    private long _catalogRevision;

    /// <summary>Whether the last refusal is one a manager may book over (hours, break, day off, closure, a service not usually performed).</summary>
    private bool _canOverride;

    /// <summary>Only active services, and only those the chosen provider performs (any active provider's, for "Any provider").</summary>
    private IEnumerable<ServiceOption> ServicesForProvider =>
        (_providers.FirstOrDefault(p => p.Id == _draft.ProviderId) is { } provider
            ? _services.Where(s => provider.ServiceIds.Contains(s.Id))
            : _services.Where(s => _providers.Any(p => p.Active && p.ServiceIds.Contains(s.Id))))
        .Where(NeedsTheKind);

    /// <summary>Whether the service needs a resource of <see cref="NeedsResourceKind"/> (always, when no kind is asked for).</summary>
    private bool NeedsTheKind(ServiceOption option) =>
        NeedsResourceKind is not { } kind
        || (_serviceViews.FirstOrDefault(s => s.Id == option.Id) is { } service
            && service.RequiredResourceIds.Any(id => _resources.Any(r => r.Id == id && r.Kind == kind)));

    private bool AnyChosen => _draft.ProviderId is null || _draft.ProviderId == Guid.Empty;

    protected override async Task OnInitializedAsync()
    {
        _draft = Draft ?? BookingDraft.At(Start, ProviderId);
        _catalogRevision = Store.State.CatalogRevision;
        await LoadCatalogAsync();
        Store.StateChanged += OnStoreChanged;
        await RestoreClientAsync();
        await LoadStartsAsync();
    }

    /// <summary>Providers and the active services (again after another desk changed them).</summary>
    private async Task LoadCatalogAsync()
    {
        _providers = await Catalog.ProvidersAsync();
        _serviceViews = await Catalog.ServicesAsync();
        _resources = NeedsResourceKind is null ? [] : await Catalog.ResourcesAsync();
        _services = _serviceViews
            .Where(s => s.Active)
            .Select(s => new ServiceOption(s.Id, $"{s.Name} · {s.DurationMinutes} min · {Clock.Money(s.Price)}"))
            .ToList();
    }

    /// <summary>Asks availability for the free starts of the chosen service, day and provider (or any); the latest request wins.</summary>
    private async Task LoadStartsAsync()
    {
        var request = ++_startsRequest;
        if (_draft.ServiceId is not { } serviceId || _draft.Date is not { } date)
        {
            _starts = null;
            return;
        }
        Guid? providerId = AnyChosen ? null : _draft.ProviderId;
        IReadOnlyList<FreeStart>? starts;
        try
        {
            var day = DateOnly.FromDateTime(date);
            var found = await Catalog.AvailabilityAsync(serviceId, providerId, day, day);
            starts = found.Select(s => new FreeStart(s.ProviderId, s.Start.DateTime)).ToList();
        }
        catch (DomainException)
        {
            starts = null; // e.g. a date far out of range: the time can still be typed
        }
        if (request == _startsRequest)
        {
            _starts = starts;
            _startsForAny = providerId is null;
        }
    }

    private async Task ChooseStartAsync(FreeStart start)
    {
        _draft.Time = start.Local.TimeOfDay;
        if (_draft.ProviderId != start.ProviderId)
        {
            _draft.ProviderId = start.ProviderId;
        }
        _error = null;
        _canOverride = false;
        await RefreshPackagesAsync();
    }

    private string ProviderLabel(Guid id) => _providers.FirstOrDefault(p => p.Id == id)?.Name ?? "The provider";

    private string ProviderSuffix(Guid providerId) => $"· {ProviderLabel(providerId)}";

    private string StartLabel(FreeStart start) =>
        _startsForAny ? $"Free at {start.Local:HH:mm} with {ProviderLabel(start.ProviderId)}" : $"Free at {start.Local:HH:mm}";

    /// <summary>A draft kept from before (a resumed circuit): the chosen client again, and their packages as they are now.</summary>
    private async Task RestoreClientAsync()
    {
        if (_draft.ClientId is not { } clientId)
        {
            return;
        }
        _client = await Clients.FindAsync(clientId);
        if (_client is null)
        {
            _draft.ClientId = null;
            ClearPackage();
            _error = "The client chosen before is no longer on file. Choose a client, or add a new one.";
            return;
        }
        await RefreshPackagesAsync();
    }

    /// <summary>Another desk booked or redeemed from this client's records: show the circles as they are now.</summary>
    private void OnStoreChanged(CalendarState state)
    {
        if (state.CatalogRevision != _catalogRevision)
        {
            // Another desk changed services, providers, hours or closures: fresh lists and free times.
            _catalogRevision = state.CatalogRevision;
            InvokeAsync(async () =>
            {
                await LoadCatalogAsync();
                await LoadStartsAsync();
                StateHasChanged();
            }).Forget(Logger, "reloading the services and free times");
        }
        if (!_booked && _client is { } client && state.PackageRevision(client.Id) != _packageRevision)
        {
            InvokeAsync(async () =>
            {
                await RefreshPackagesAsync();
                StateHasChanged();
            }).Forget(Logger, "refreshing the client's packages");
        }
    }

    private async Task RefreshPackagesAsync()
    {
        if (_client is not { } client || _draft.ServiceId is not { } serviceId || _draft.ProviderId is not { } providerId || StartLocal is not { } startLocal)
        {
            _packages = null;
            return;
        }
        try
        {
            _packageRevision = Store.State.PackageRevision(client.Id);
            var service = _serviceViews.First(s => s.Id == serviceId);
            var start = Clock.ToUtc(startLocal);
            _packages = await Packages.OptionsAsync(client.Id, serviceId, providerId, start, start.AddMinutes(service.DurationMinutes), service.Price);
            if (_draft.RecordId is { } chosen && ChosenNoLongerFree(chosen))
            {
                // Never fall back to a paid single booking without saying so: the receptionist
                // chose a circle, so Save must not quietly book something else.
                var record = _packages.FirstOrDefault(o => o.Record.Id == chosen)?.Record;
                var name = record?.Name ?? "The package";
                // The same words as a save that clashed (PackageRecord.Book), whichever came first.
                _lostChoice = _draft.Session is { } taken
                    ? PackageRecord.PickAnotherCircle(name, record?.Sessions.FirstOrDefault(x => x.Number == taken) is { State: not SessionState.Free } gone
                        ? PackageRecord.SessionTaken(taken, gone.State)
                        : $"session {taken} no longer fits this booking")
                    : $"{name} no longer fits this booking. Pick another package.";
                // (After a refused save, the save's own message is what the desk sees first.)
                if (!_saving)
                {
                    _error = _lostChoice;
                }
                ClearPackage();
            }
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
    }

    private bool ChosenNoLongerFree(Guid chosen)
    {
        var option = _packages?.FirstOrDefault(o => o.Record.Id == chosen);
        if (option is not { Usable: true })
        {
            return true;
        }
        return _draft.Session is { } n && option.Record.Sessions.FirstOrDefault(x => x.Number == n)?.State != SessionState.Free;
    }

    private void ChoosePackage((Guid RecordId, int? Session) choice)
    {
        _draft.RecordId = choice.RecordId;
        _draft.Session = choice.Session;
        _lostChoice = null;
        _error = null;
    }

    /// <summary>The receptionist saw the chosen circle go and books without a package.</summary>
    private void BookWithoutPackage()
    {
        ClearPackage();
        _lostChoice = null;
        _error = null;
        _focusActions = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_focusActions)
        {
            return;
        }
        _focusActions = false;
        try
        {
            await JS.InvokeVoidAsync("frontDesk.focusFirstIfLost", _actions);
        }
        catch (Exception ex) when (ex is JSDisconnectedException or JSException or TaskCanceledException)
        {
            // The desk closed meanwhile: the focus is a courtesy, never a reason to lose the desk.
        }
    }

    private void ClearPackage()
    {
        _draft.RecordId = null;
        _draft.Session = null;
    }

    private async Task ChooseClient(ClientView client)
    {
        _client = client;
        _draft.ClientId = client.Id;
        _lostChoice = null;
        _error = null;
        await RefreshPackagesAsync();
    }

    private void ClearClient()
    {
        _client = null;
        _draft.ClientId = null;
        _packages = null;
        _lostChoice = null;
        ClearPackage();
    }

    private void StartNewClient()
    {
        _draft.NewClient = true;
        _draft.NewName = _draft.Query.Any(char.IsLetter) ? _draft.Query : string.Empty;
        _draft.NewPhone = _draft.Query.Any(char.IsLetter) ? string.Empty : _draft.Query;
    }

    /// <summary>The chosen day and time on the business's wall clock, once both are set.</summary>
    private DateTime? StartLocal => _draft.Date is { } date && _draft.Time is { } time ? date.Date + time : null;

    private async Task OnServiceChanged(Guid? serviceId)
    {
        _draft.ServiceId = serviceId;
        await RefreshPackagesAsync();
        await LoadStartsAsync();
    }

    private async Task OnDateChanged(DateTime? date)
    {
        _draft.Date = date;
        await RefreshPackagesAsync();
        await LoadStartsAsync();
    }

    private async Task OnTimeChanged(TimeSpan? time)
    {
        _draft.Time = time;
        await RefreshPackagesAsync();
    }

    private Task CloseAsync() => OnClose.InvokeAsync(null);

    private async Task OnProviderChanged(Guid? providerId)
    {
        _draft.ProviderId = providerId;
        if (_draft.ServiceId is { } service && !ServicesForProvider.Any(s => s.Id == service))
        {
            _draft.ServiceId = null;
        }
        await RefreshPackagesAsync();
        await LoadStartsAsync();
    }

    private async Task SaveAsync(bool overrideAvailability = false)
    {
        _canOverride = false;
        if (_form is not null)
        {
            await _form.ValidateAsync(); // marks the fields that are missing
        }
        _error = Validate();
        if (_error is not null)
        {
            return;
        }
        _saving = true;
        try
        {
            var command = new BookAppointment(_client?.Id ?? Guid.Empty, _draft.ServiceId!.Value, _draft.ProviderId!.Value, Clock.ToUtc(StartLocal!.Value), _draft.Override || overrideAvailability, _draft.Note, Desk.Caller)
            {
                NewClient = _client is null ? new NewClientDetails(_draft.NewName, _draft.NewPhone, _draft.NewEmail) : null,
                PackageRecordId = _client is null ? null : _draft.RecordId,
                SessionNumber = _client is null ? null : _draft.Session,
                IdempotencyKey = _draft.IdempotencyKey,
            };
            var booked = await Appointments.BookAsync(command);
            // Booked: the circle is ours now, not "taken"; the drawer stops following the records.
            _booked = true;
            ClearPackage();
            Store.Dispatch(new AppointmentSaved(booked));
            Snackbar.Add($"Booked: {booked.ClientName}, {booked.ServiceName} at {Clock.ToLocal(booked.Start):HH:mm} with {booked.ProviderName}.", Severity.Success);
            await OnClose.InvokeAsync(booked);
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
            _canOverride = !overrideAvailability && await OverridableAsync(ex);
            await RefreshPackagesAsync(); // e.g. the circle was taken at another desk meanwhile
        }
        finally
        {
            _saving = false;
        }
    }

    private string? Validate() =>
        _lostChoice is { } lost ? lost
        : _client is null && !_draft.NewClient ? "Choose a client, or add a new one."
        : _client is null && string.IsNullOrWhiteSpace(_draft.NewName) ? "Enter the new client's name."
        : AnyChosen ? "Choose a provider, or pick one of the free times."
        : _draft.ServiceId is null ? "Choose a service."
        : StartLocal is null ? "Choose the day and time."
        : null;

    public void Dispose() => Store.StateChanged -= OnStoreChanged;

    /// <summary>
    /// Whether a refusal may be booked over: a broken rule (not a clash), for a time from now on,
    /// with an active provider and service, that is either a service the provider does not
    /// perform or a time outside the provider's working periods of that date (outside hours, a
    /// break, a day off, a closure), as the shading's query reads them.
    /// </summary>
    private async Task<bool> OverridableAsync(DomainException refusal)
    {
        if (refusal.Kind != DomainErrorKind.RuleBroken || StartLocal is not { } start || start < Clock.LocalNow
            || _providers.FirstOrDefault(p => p.Id == _draft.ProviderId) is not { Active: true } provider
            || _serviceViews.FirstOrDefault(s => s.Id == _draft.ServiceId) is not { Active: true } service)
        {
            return false;
        }
        if (!provider.ServiceIds.Contains(service.Id))
        {
            return true;
        }
        try
        {
            var date = DateOnly.FromDateTime(start);
            var days = await Catalog.WorkingPeriodsAsync(date, date);
            var end = start.AddMinutes(service.DurationMinutes);
            var from = TimeOnly.FromDateTime(start);
            var to = end.Date > start.Date ? TimeOnly.MaxValue : TimeOnly.FromDateTime(end);
            var day = days.FirstOrDefault(d => d.ProviderId == provider.Id);
            return day is null || !day.Periods.Any(p => from >= p.From && to <= p.To);
        }
        catch (DomainException)
        {
            return false;
        }
    }

    private sealed record ServiceOption(Guid Id, string Label);

    /// <summary>A free start on the business's wall clock, and whose it is.</summary>
    private sealed record FreeStart(Guid ProviderId, DateTime Local);
}
