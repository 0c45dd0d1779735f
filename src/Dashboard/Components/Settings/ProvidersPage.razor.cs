using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Live;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Settings;

/// <summary>The manager's providers in calendar order (moved up and down), their profile editor and their working hours.</summary>
public partial class ProvidersPage : ComponentBase, IDisposable
{
    private static readonly Dictionary<string, object> TableLabel = new() { ["aria-label"] = "Providers" };

    [Inject] private CatalogQueries Queries { get; set; } = default!;
    [Inject] private CatalogService Catalog { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private DeskSession Desk { get; set; } = default!;
    [Inject] private ILiveFeed Feed { get; set; } = default!;

    private IReadOnlyList<ProviderView>? _providers;
    private IReadOnlyList<ServiceView> _services = [];
    private string? _notice;
    private string? _error;
    private bool _busy;
    private IDisposable? _subscription;

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

    private int IndexOf(ProviderView provider) => _providers?.ToList().FindIndex(p => p.Id == provider.Id) ?? -1;

    private async Task LoadAsync()
    {
        _services = await Queries.ServicesAsync();
        _providers = await Queries.ProvidersAsync();
    }

    /// <summary>"Mon–Fri 09:00–17:00" style summary of the weekly hours (breaks left out).</summary>
    private static string Hours(ProviderView provider)
    {
        if (provider.Shifts.Count == 0)
        {
            return "Not set";
        }
        return string.Join("; ", provider.Shifts
            .GroupBy(s => ((int)s.Day + 6) % 7)
            .OrderBy(g => g.Key)
            .Select(g => $"{g.First().Day.ToString()[..3]} {string.Join(", ", g.Select(s => $"{ScheduleDraft.Format(s.From)}–{ScheduleDraft.Format(s.To)}"))}"));
    }

    private async Task EditAsync(ProviderView? provider)
    {
        _notice = null;
        var parameters = new DialogParameters<ProviderEditor> { { e => e.Provider, provider }, { e => e.Services, _services } };
        var dialog = await Dialogs.ShowAsync<ProviderEditor>(provider is null ? "New provider" : $"Edit {provider.Name}", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            _notice = result.Data switch
            {
                ProviderView saved => provider is null ? $"{saved.Name} added. Set their working hours next." : $"{saved.Name} saved.",
                ServiceEditor.Deleted deleted => $"{deleted.Name} deleted.",
                _ => null,
            };
            await LoadAsync();
        }
    }

    private async Task HoursAsync(ProviderView provider)
    {
        _notice = null;
        var parameters = new DialogParameters<ScheduleEditor> { { e => e.Provider, provider } };
        var dialog = await Dialogs.ShowAsync<ScheduleEditor>($"Working hours: {provider.Name}", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            _notice = $"Working hours of {provider.Name} saved.";
            await LoadAsync();
        }
    }

    /// <summary>Swaps a provider with its neighbour: every provider whose place changed gets its new order.</summary>
    private async Task MoveAsync(int index, int direction)
    {
        if (_providers is not { } providers || index + direction < 0 || index + direction >= providers.Count)
        {
            return;
        }
        _busy = true;
        _error = null;
        _notice = null;
        try
        {
            var order = providers.ToList();
            (order[index], order[index + direction]) = (order[index + direction], order[index]);
            for (var i = 0; i < order.Count; i++)
            {
                var p = order[i];
                if (p.Order != i)
                {
                    await Catalog.UpdateProviderAsync(p.Id, new SaveProvider(p.Name, p.Title, p.ServiceIds, p.Active, p.Colour, i, Desk.Caller));
                }
            }
            _notice = $"{providers[index].Name} moved {(direction < 0 ? "up" : "down")}.";
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
            await LoadAsync();
        }
    }

    public void Dispose() => _subscription?.Dispose();
}
