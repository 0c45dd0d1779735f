using FrontDesk.Dashboard.Clients;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Clients;

/// <summary>
/// Every client, a page at a time: search, column filters, sorting and paging all run in the
/// database (<see cref="ClientDirectory"/>), so the list stays quick with tens of thousands.
/// </summary>
public partial class ClientsPage : ComponentBase
{
    private static readonly int[] PageSizes = [25, 50, 100];

    private static readonly HashSet<string> TextOperators =
    [
        FilterOperator.String.Contains,
        FilterOperator.String.NotContains,
        FilterOperator.String.Equal,
        FilterOperator.String.NotEqual,
        FilterOperator.String.StartsWith,
        FilterOperator.String.EndsWith,
        FilterOperator.String.Empty,
        FilterOperator.String.NotEmpty,
    ];

    private static readonly Dictionary<string, object> TableLabel = new() { ["aria-label"] = "Clients" };

    [Inject] private ClientDirectory Directory { get; set; } = default!;
    [Inject] private BusinessClock Clock { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private MudDataGrid<ClientRow>? _grid;
    private string? _search;
    private string? _error;
    private bool _loaded;
    private bool _showInactive;

    /// <summary>Adds a client; the new one (or the existing one the desk chose instead) opens.</summary>
    private async Task AddAsync()
    {
        if (await ClientDialog.ShowAsync(Dialogs) is { } client)
        {
            Navigation.NavigateTo($"clients/{client.Id}");
        }
    }

    private async Task OnShowInactiveAsync(bool show)
    {
        _showInactive = show;
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task OnSearchAsync(string? search)
    {
        _search = search;
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    /// <summary>The grid asks for a page; a refused query (too long) says why and shows nothing.</summary>
    private async Task<GridData<ClientRow>> LoadAsync(GridState<ClientRow> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = new ClientListQuery(
            state.Page * state.PageSize,
            state.PageSize,
            _search,
            state.FilterDefinitions.Select(ToFilter).OfType<ClientFilter>().ToList(),
            Column(sort?.SortBy),
            sort?.Descending ?? false,
            _showInactive);
        try
        {
            var page = await Directory.PageAsync(query, ct);
            _error = null;
            _loaded = true;
            return new GridData<ClientRow> { Items = page.Items, TotalItems = page.Total };
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
            return new GridData<ClientRow> { Items = [], TotalItems = 0 };
        }
    }

    private static ClientColumn Column(string? property) => property switch
    {
        nameof(ClientRow.Phone) => ClientColumn.Phone,
        nameof(ClientRow.Email) => ClientColumn.Email,
        nameof(ClientRow.Since) => ClientColumn.Since,
        _ => ClientColumn.Name,
    };

    private static ClientFilter? ToFilter(IFilterDefinition<ClientRow> filter)
    {
        TextMatch? match = filter.Operator switch
        {
            FilterOperator.String.Contains => TextMatch.Contains,
            FilterOperator.String.NotContains => TextMatch.NotContains,
            FilterOperator.String.Equal => TextMatch.Equals,
            FilterOperator.String.NotEqual => TextMatch.NotEquals,
            FilterOperator.String.StartsWith => TextMatch.StartsWith,
            FilterOperator.String.EndsWith => TextMatch.EndsWith,
            FilterOperator.String.Empty => TextMatch.IsEmpty,
            FilterOperator.String.NotEmpty => TextMatch.IsNotEmpty,
            _ => null,
        };
        return match is { } m && filter.Column?.PropertyName is { } property
            ? new ClientFilter(Column(property), m, filter.Value?.ToString())
            : null;
    }
}
