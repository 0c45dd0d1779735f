namespace FrontDesk.Dashboard.Store;

/// <summary>Marker for the actions a store accepts.</summary>
public interface IAction;

public interface IDispatcher
{
    void Dispatch(IAction action);
}

/// <summary>
/// A Redux-style store, shaped as Fluxor shapes it (Fluxor itself does not restore here):
/// immutable state, pure reducers, and effects that do I/O and dispatch further actions.
/// One instance per circuit; it is thread-safe because live events arrive on pool threads.
/// Components listen to <see cref="StateChanged"/> and re-render through InvokeAsync.
/// </summary>
public abstract class Store<TState> : IDispatcher, IDisposable where TState : class
{
    private readonly Lock _gate = new();
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _life = new();
    private TState _state;
    private bool _disposed;

    protected Store(TState initial, ILogger logger)
    {
        _state = initial;
        _logger = logger;
        Lifetime = _life.Token;
    }

    public TState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public event Action<TState>? StateChanged;

    public void Dispatch(IAction action)
    {
        TState next;
        bool changed;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            var previous = _state;
            _state = Reduce(previous, action);
            next = _state;
            changed = !ReferenceEquals(previous, next);
        }
        if (changed)
        {
            StateChanged?.Invoke(next);
        }
        _ = RunEffectAsync(action);
    }

    /// <summary>The store's logger, for effects and fire-and-forget work.</summary>
    protected ILogger Logger => _logger;

    /// <summary>Cancelled when the store (and so its circuit) ends: effects pass it to their loads.</summary>
    protected CancellationToken Lifetime { get; }

    /// <summary>The feature's pure reducer.</summary>
    protected abstract TState Reduce(TState state, IAction action);

    /// <summary>The feature's effects: I/O started by an action, ending in more actions.</summary>
    protected virtual Task HandleEffectAsync(IAction action) => Task.CompletedTask;

    private async Task RunEffectAsync(IAction action)
    {
        try
        {
            await HandleEffectAsync(action);
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
            // The circuit ended: nobody is waiting for this load.
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Effect for {Action} failed", action.GetType().Name);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
        }
        StateChanged = null;
        _life.Cancel();
        _life.Dispose();
        OnDispose();
        GC.SuppressFinalize(this);
    }

    protected virtual void OnDispose()
    {
    }
}
