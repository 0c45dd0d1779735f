using FrontDesk.Dashboard.Clients;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Clients;

/// <summary>Find a client by name or phone and open their profile.</summary>
public partial class ClientsPage : ComponentBase, IDisposable
{
    private const int Limit = 50;

    [Inject] private ClientService Clients { get; set; } = default!;

    private string _query = string.Empty;
    private IReadOnlyList<ClientView>? _results;
    private string? _error;
    private TypeAheadSearch? _search;

    private TypeAheadSearch Search => _search ??= new TypeAheadSearch(Clients);

    protected override async Task OnInitializedAsync() => _results = await Clients.SearchAsync(null, Limit);

    private async Task OnQuery(ChangeEventArgs e)
    {
        _query = e.Value?.ToString() ?? string.Empty;
        var (found, error) = await Search.SearchAsync(_query, Limit);
        if (found is not null || error is not null)
        {
            _results = found ?? _results;
            _error = error;
        }
    }

    public void Dispose() => _search?.Dispose();
}
