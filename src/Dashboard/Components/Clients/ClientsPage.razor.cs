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
    private CancellationTokenSource? _searchCancel;

    protected override async Task OnInitializedAsync() => _results = await Clients.SearchAsync(null, Limit);

    private async Task OnQuery(ChangeEventArgs e)
    {
        _query = e.Value?.ToString() ?? string.Empty;
        _searchCancel?.Cancel();
        var cancel = _searchCancel = new CancellationTokenSource();
        try
        {
            await Task.Delay(150, cancel.Token); // wait for the typing to pause
            _results = await Clients.SearchAsync(_query, Limit, cancel.Token);
            _error = null;
        }
        catch (OperationCanceledException)
        {
            // a newer keystroke took over
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
    }

    public void Dispose()
    {
        _searchCancel?.Cancel();
        _searchCancel?.Dispose();
    }
}
