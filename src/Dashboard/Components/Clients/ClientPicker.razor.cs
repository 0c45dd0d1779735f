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
    private CancellationTokenSource? _searchCancel;

    private async Task OnQuery(ChangeEventArgs e)
    {
        _query = e.Value?.ToString() ?? string.Empty;
        _searchCancel?.Cancel();
        var cancel = _searchCancel = new CancellationTokenSource();
        try
        {
            await Task.Delay(150, cancel.Token); // wait for the typing to pause
            var found = await Clients.SearchAsync(_query, 9, cancel.Token);
            _results = found.Where(c => c.Id != Exclude).Take(8).ToList();
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
