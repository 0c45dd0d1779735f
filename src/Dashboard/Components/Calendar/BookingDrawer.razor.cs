using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Store.Calendar;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Calendar;

/// <summary>The drawer that books a slot: client (found or new), provider, service, time.</summary>
public partial class BookingDrawer : ComponentBase, IDisposable
{
    [Parameter] public DateTime Start { get; set; }
    [Parameter] public Guid? ProviderId { get; set; }

    /// <summary>Raised when the drawer is done: with the booked appointment, or null when closed without booking.</summary>
    [Parameter] public EventCallback<AppointmentView?> OnClose { get; set; }

    [Inject] private CatalogQueries Catalog { get; set; } = default!;
    [Inject] private ClientService Clients { get; set; } = default!;
    [Inject] private AppointmentService Appointments { get; set; } = default!;
    [Inject] private CalendarStore Store { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;
    [Inject] private DeskSession Desk { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private FrontDesk.Dashboard.Packages.PackageQueries Packages { get; set; } = default!;

    private readonly string _idempotencyKey = "booking-" + Guid.NewGuid().ToString("N");
    private IReadOnlyList<FrontDesk.Dashboard.Packages.RecordOption>? _packages;
    private Guid? _recordId;
    private int? _session;
    private long _packageRevision;
    private bool _booked;

    private IReadOnlyList<ProviderView> _providers = [];
    private IReadOnlyList<ServiceOption> _services = [];
    private IReadOnlyList<ServiceView> _serviceViews = [];
    private MudForm? _form;
    private ClientView? _client;
    private bool _newClient;
    private string _newName = string.Empty;
    private string _newPhone = string.Empty;
    private string _newEmail = string.Empty;
    private string _query = string.Empty;
    private Guid? _providerId;
    private Guid? _serviceId;
    private DateTime? _date;
    private TimeSpan? _time;
    private string _note = string.Empty;
    private bool _override;
    private bool _saving;
    private string? _error;

    private IEnumerable<ServiceOption> ServicesForProvider =>
        _providers.FirstOrDefault(p => p.Id == _providerId) is { } provider
            ? _services.Where(s => provider.ServiceIds.Contains(s.Id))
            : _services;

    protected override async Task OnInitializedAsync()
    {
        _date = Start.Date;
        _time = Start.TimeOfDay;
        _providerId = ProviderId;
        _providers = await Catalog.ProvidersAsync();
        _serviceViews = await Catalog.ServicesAsync();
        _services = _serviceViews
            .Select(s => new ServiceOption(s.Id, $"{s.Name} · {s.DurationMinutes} min · {Clock.Money(s.Price)}"))
            .ToList();
        Store.StateChanged += OnStoreChanged;
    }

    /// <summary>Another desk booked or redeemed from this client's records: show the circles as they are now.</summary>
    private void OnStoreChanged(CalendarState state)
    {
        if (!_booked && _client is { } client && state.PackageRevision(client.Id) != _packageRevision)
        {
            _ = InvokeAsync(async () =>
            {
                await RefreshPackagesAsync();
                StateHasChanged();
            });
        }
    }

    private async Task RefreshPackagesAsync()
    {
        if (_client is not { } client || _serviceId is not { } serviceId || _providerId is not { } providerId || StartLocal is not { } startLocal)
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
            if (_recordId is { } chosen && ChosenNoLongerFree(chosen))
            {
                // Never fall back to a paid single booking without saying so: the receptionist
                // chose a circle, so Save must not quietly book something else.
                var name = _packages.FirstOrDefault(o => o.Record.Id == chosen)?.Record.Name ?? "The package";
                // (While saving, the save's own outcome is what the desk hears.)
                if (!_saving)
                {
                    _error ??= _session is { } taken
                        ? $"{name}: session {taken} was just taken or no longer fits this booking. Pick a green circle, or book it as a single service."
                        : $"{name} no longer fits this booking. Pick another package, or book it as a single service.";
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
        return _session is { } n && option.Record.Sessions.FirstOrDefault(x => x.Number == n)?.State != FrontDesk.Domain.Packages.SessionState.Free;
    }

    private void ChoosePackage((Guid RecordId, int? Session) choice)
    {
        _recordId = choice.RecordId;
        _session = choice.Session;
        _error = null;
    }

    private void ClearPackage()
    {
        _recordId = null;
        _session = null;
    }

    private async Task ChooseClient(ClientView client)
    {
        _client = client;
        _error = null;
        await RefreshPackagesAsync();
    }

    private void ClearClient()
    {
        _client = null;
        _packages = null;
        ClearPackage();
    }

    private void StartNewClient()
    {
        _newClient = true;
        _newName = _query.Any(char.IsLetter) ? _query : string.Empty;
        _newPhone = _query.Any(char.IsLetter) ? string.Empty : _query;
    }

    /// <summary>The chosen day and time on the business's wall clock, once both are set.</summary>
    private DateTime? StartLocal => _date is { } date && _time is { } time ? date.Date + time : null;

    private async Task OnServiceChanged(Guid? serviceId)
    {
        _serviceId = serviceId;
        await RefreshPackagesAsync();
    }

    private async Task OnDateChanged(DateTime? date)
    {
        _date = date;
        await RefreshPackagesAsync();
    }

    private async Task OnTimeChanged(TimeSpan? time)
    {
        _time = time;
        await RefreshPackagesAsync();
    }

    private Task CloseAsync() => OnClose.InvokeAsync(null);

    private async Task OnProviderChanged(Guid? providerId)
    {
        _providerId = providerId;
        if (_serviceId is { } service && !ServicesForProvider.Any(s => s.Id == service))
        {
            _serviceId = null;
        }
        await RefreshPackagesAsync();
    }

    private async Task SaveAsync()
    {
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
            var command = new BookAppointment(_client?.Id ?? Guid.Empty, _serviceId!.Value, _providerId!.Value, Clock.ToUtc(StartLocal!.Value), _override, _note, Desk.Actor)
            {
                NewClient = _client is null ? new NewClientDetails(_newName, _newPhone, _newEmail) : null,
                PackageRecordId = _client is null ? null : _recordId,
                SessionNumber = _client is null ? null : _session,
                IdempotencyKey = _idempotencyKey,
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
            await RefreshPackagesAsync(); // e.g. the circle was taken at another desk meanwhile
        }
        finally
        {
            _saving = false;
        }
    }

    private string? Validate() =>
        _client is null && !_newClient ? "Choose a client, or add a new one."
        : _client is null && string.IsNullOrWhiteSpace(_newName) ? "Enter the new client's name."
        : _providerId is null ? "Choose a provider."
        : _serviceId is null ? "Choose a service."
        : StartLocal is null ? "Choose the day and time."
        : null;

    public void Dispose() => Store.StateChanged -= OnStoreChanged;

    private sealed record ServiceOption(Guid Id, string Label);
}
