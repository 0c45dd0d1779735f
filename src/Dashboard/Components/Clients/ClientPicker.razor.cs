using FrontDesk.Dashboard.Clients;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Clients;

/// <summary>Search a client by name or phone and choose one (e.g. whom to transfer a package to).</summary>
public partial class ClientPicker : ComponentBase, IDisposable
{
    [Parameter] public string Label { get; set; } = "Search clients";
    [Parameter] public Guid? Exclude { get; set; }
    [Parameter] public EventCallback<ClientView> OnChoose { get; set; }

    [Inject] private ClientService Clients { get; set; } = default!;

    private string _query = string.Empty;
    private IReadOnlyList<ClientView>? _results;
    private string? _error;
    private TypeAheadSearch? _search;

    private TypeAheadSearch Search => _search ??= new TypeAheadSearch(Clients);

    private async Task OnQuery(ChangeEventArgs e)
    {
        _query = e.Value?.ToString() ?? string.Empty;
        var (found, error) = await Search.SearchAsync(_query, 9);
        if (found is not null || error is not null)
        {
            _results = found?.Where(c => c.Id != Exclude).Take(8).ToList() ?? _results;
            _error = error;
        }
    }

    public void Dispose() => _search?.Dispose();
}
