using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Errors;
using FrontDesk.Dashboard.Live.Projections;

namespace FrontDesk.Dashboard.Store.Display;

/// <summary>
/// The wall display's store: it follows the shared <see cref="TodayBoard"/> projection (which
/// follows the live feed once for all displays) and a clock tick, and stops both when the
/// circuit ends.
/// </summary>
public sealed class DisplayStore : Store<DisplayState>
{
    private static readonly TimeSpan TickEvery = TimeSpan.FromSeconds(30);
    private readonly TodayBoard _board;
    private readonly CatalogQueries _catalog;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;

    public DisplayStore(TodayBoard board, CatalogQueries catalog, TimeProvider time, ILogger<DisplayStore> logger)
        : base(DisplayState.Initial, logger)
    {
        _board = board;
        _catalog = catalog;
        _time = time;
        _board.Changed += OnBoardChanged;
        _timer = time.CreateTimer(_ => OnTick(), null, TickEvery, TickEvery);
    }

    public async Task LoadAsync(CancellationToken ct = default)
    {
        var board = await _board.CurrentAsync(ct);
        var providers = await _catalog.ProvidersAsync(ct);
        Dispatch(new DisplayLoaded(board, providers, _time.GetUtcNow()));
    }

    protected override DisplayState Reduce(DisplayState state, IAction action) => DisplayReducers.Reduce(state, action);

    private void OnBoardChanged(BoardSnapshot snapshot) => Dispatch(new BoardChanged(snapshot));

    private void OnTick()
    {
        Dispatch(new ClockTicked(_time.GetUtcNow()));
        if (State.Loaded)
        {
            // After midnight the shared board reloads itself on first use and says so.
            _board.CurrentAsync(Lifetime).Forget(Logger, "reloading the wall board after midnight");
        }
    }

    protected override void OnDispose()
    {
        _board.Changed -= OnBoardChanged;
        _timer.Dispose();
    }
}
