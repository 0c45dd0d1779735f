using FrontDesk.Dashboard.Clients;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Clients;

/// <summary>Search a client by name, phone or email and choose one (whom to book, whom to transfer a package to).</summary>
public partial class ClientPicker : ComponentBase
{
    /// <summary>How long typing must pause before the search runs: a burst of keys (or a barcode scanner) searches once.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    [Parameter] public string Label { get; set; } = "Search clients";
    [Parameter] public Guid? Exclude { get; set; }
    [Parameter] public bool AutoFocus { get; set; }
    [Parameter] public int Limit { get; set; } = 8;
    [Parameter] public EventCallback<ClientView> OnChoose { get; set; }

    /// <summary>The text as typed, on every change (e.g. to start a new client with it, or to keep it across a paused circuit).</summary>
    [Parameter] public EventCallback<string> OnTextChanged { get; set; }

    /// <summary>Text the search starts with (e.g. a search kept from before the circuit was paused).</summary>
    [Parameter] public string? InitialText { get; set; }

    [Inject] private ClientService Clients { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    private ClientView? _chosen;
    private string _initialText = string.Empty;
    private string _text = string.Empty;
    private string? _error;

    protected override void OnInitialized() => _initialText = _text = InitialText ?? string.Empty;

    private async Task<IEnumerable<ClientView>> SearchAsync(string? text, CancellationToken cancel)
    {
        try
        {
            // The pause is waited for here, not by the autocomplete's own debounce timer: that
            // timer's search could re-render the input with the text it had when it fired while
            // a key typed just after it was on its way, and the browser's field was set back.
            // Here every key starts a search (the autocomplete cancels the one before, and drops
            // a superseded one's answer), and only the one not cancelled within the pause runs.
            await Task.Delay(Pause, Time, cancel);
            var found = await Clients.SearchAsync(text, Limit + 1, cancel);
            _error = null;
            return found.Where(c => c.Id != Exclude).Take(Limit).ToList();
        }
        catch (OperationCanceledException)
        {
            return []; // a newer keystroke took over; its own search answers
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
            return [];
        }
    }

    private async Task OnTypedAsync(string? text)
    {
        _text = text ?? string.Empty;
        await OnTextChanged.InvokeAsync(_text);
    }

    private async Task ChooseAsync(ClientView? client)
    {
        _chosen = client;
        if (client is not null)
        {
            await OnChoose.InvokeAsync(client);
        }
    }
}
