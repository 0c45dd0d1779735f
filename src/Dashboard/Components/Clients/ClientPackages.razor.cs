using FrontDesk.Dashboard.Errors;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Store.Calendar;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Clients;

/// <summary>
/// The client's package records, live: whenever any desk sells, books, redeems or changes one
/// of them, the store bumps this client's package revision and the list reloads in place.
/// </summary>
public partial class ClientPackages : ComponentBase, IDisposable
{
    [Parameter, EditorRequired] public ClientView Client { get; set; } = default!;

    [Inject] private CalendarStore Store { get; set; } = default!;
    [Inject] private PackageQueries Queries { get; set; } = default!;
    [Inject] private ILogger<ClientPackages> Logger { get; set; } = default!;

    private IReadOnlyList<RecordView>? _records;
    private IReadOnlyList<TemplateView> _templates = [];
    private long _revision = -1;
    private int _loads;
    private AcquisitionMode? _acquire;
    private string? _notice;
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        Store.StateChanged += OnStateChanged;
        await LoadAsync();
    }

    private void OnStateChanged(CalendarState state)
    {
        if (state.PackageRevision(Client.Id) != _revision)
        {
            InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }).Forget(Logger, "reloading a client's packages");
        }
    }

    /// <summary>Reads the records; an older load finishing after a newer one is dropped.</summary>
    private async Task LoadAsync()
    {
        var load = ++_loads;
        _revision = Store.State.PackageRevision(Client.Id);
        try
        {
            var records = await Queries.ClientRecordsAsync(Client.Id);
            if (load == _loads)
            {
                // Active first (newest first), then cancelled ones.
                _records = records.OrderBy(r => r.Status == RecordStatus.Cancelled).ThenByDescending(r => r.PurchasedAt).ToList();
                _error = null;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Loading the packages of client {ClientId} failed", Client.Id);
            _error = $"The packages could not be loaded. {FrontDesk.Dashboard.Errors.UnexpectedError.Report(Logger, ex, "loading a client's packages")}";
        }
    }

    private async Task Open(AcquisitionMode mode)
    {
        _acquire = mode;
        _notice = null;
        _templates = await Queries.TemplatesAsync();
    }

    private async Task OnAcquiredAsync(string notice)
    {
        _acquire = null;
        _notice = notice;
        await LoadAsync();
    }

    private async Task OnRecordChangedAsync(string notice)
    {
        _notice = notice;
        await LoadAsync();
    }

    public void Dispose() => Store.StateChanged -= OnStateChanged;
}
