using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Live;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Settings;

/// <summary>The manager's list of services (active, inactive or all) with the editor in a dialog; follows changes made at other desks.</summary>
public partial class ServicesPage : ComponentBase, IDisposable
{
    private static readonly Dictionary<string, object> TableLabel = new() { ["aria-label"] = "Services" };

    [Inject] private CatalogQueries Queries { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;
    [Inject] private ILiveFeed Feed { get; set; } = default!;
    [Inject] private ILogger<ServicesPage> Logger { get; set; } = default!;

    private IReadOnlyList<ServiceView>? _services;
    private IReadOnlyList<ProviderView> _providers = [];
    private IReadOnlyList<ResourceView> _resources = [];
    private ShowFilter _show = ShowFilter.Active;
    private string? _notice;
    private string? _error;
    private IDisposable? _subscription;

    private IEnumerable<ServiceView> Shown => (_services ?? []).Where(s => _show switch
    {
        ShowFilter.Active => s.Active,
        ShowFilter.Inactive => !s.Active,
        _ => true,
    });

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _subscription = Feed.Subscribe(batch => batch.Any(e => e is CatalogChanged or ResyncRequired)
            ? InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            })
            : Task.CompletedTask);
    }

    private async Task LoadAsync()
    {
        try
        {
            _providers = await Queries.ProvidersAsync();
            _resources = await Queries.ResourcesAsync();
            _services = await Queries.ServicesAsync();
            _error = null;
        }
        catch (FrontDesk.Domain.Common.DomainException ex)
        {
            _error = $"The services could not be loaded: {ex.Message}";
            _services ??= [];
        }
        catch (InvalidOperationException ex)
        {
            _error = $"The services could not be loaded. {FrontDesk.Dashboard.Errors.UnexpectedError.Report(Logger, ex, "loading the services")}";
            _services ??= [];
        }
    }

    private async Task OpenAsync(ServiceView? service)
    {
        _notice = null;
        var parameters = new DialogParameters<ServiceEditor>
        {
            { e => e.Service, service },
            { e => e.Providers, _providers },
            { e => e.Resources, _resources },
        };
        var dialog = await Dialogs.ShowAsync<ServiceEditor>(service is null ? "New service" : $"Edit {service.Name}", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            _notice = result.Data switch
            {
                ServiceView saved => service is null ? $"{saved.Name} added." : $"{saved.Name} saved.",
                ServiceEditor.Deleted deleted => $"{deleted.Name} deleted.",
                _ => null,
            };
            await LoadAsync();
        }
    }

    internal static string Names(IEnumerable<Guid> ids, IReadOnlyDictionary<Guid, string> names)
    {
        var list = ids.Select(id => names.GetValueOrDefault(id)).OfType<string>().ToList();
        return list.Count == 0 ? "–" : string.Join(", ", list);
    }

    public void Dispose() => _subscription?.Dispose();

    private enum ShowFilter
    {
        Active,
        Inactive,
        All,
    }
}
