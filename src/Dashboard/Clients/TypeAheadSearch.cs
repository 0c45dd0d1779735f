using FrontDesk.Domain.Common;

namespace FrontDesk.Dashboard.Clients;

/// <summary>
/// Client search as a receptionist types: waits for the typing to pause, and a newer
/// keystroke cancels the search of an older one. One per search box.
/// </summary>
public sealed class TypeAheadSearch(ClientService clients) : IDisposable
{
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(150);
    private CancellationTokenSource? _pending;

    /// <returns>The clients found, or the reason the query was refused; null results when a newer query took over.</returns>
    public async Task<(IReadOnlyList<ClientView>? Results, string? Error)> SearchAsync(string query, int limit)
    {
        _pending?.Cancel();
        var cancel = _pending = new CancellationTokenSource();
        try
        {
            await Task.Delay(Pause, cancel.Token);
            return (await clients.SearchAsync(query, limit, cancel.Token), null);
        }
        catch (OperationCanceledException)
        {
            return (null, null);
        }
        catch (DomainException ex)
        {
            return (null, ex.Message);
        }
    }

    public void Dispose() => _pending?.Cancel();
}
