using FrontDesk.Dashboard.Live.Projections;

namespace FrontDesk.Dashboard.Store.Sales;

public sealed record SalesState(SalesSnapshot Snapshot, bool Loaded)
{
    public static SalesState Initial { get; } = new(SalesSnapshot.Empty, false);
}

public sealed record SalesSnapshotArrived(SalesSnapshot Snapshot) : IAction;

public static class SalesReducers
{
    /// <summary>Keeps the newest snapshot; one arriving late (lower revision, same day) is ignored.</summary>
    public static SalesState Reduce(SalesState state, IAction action) => action switch
    {
        SalesSnapshotArrived arrived when !state.Loaded || arrived.Snapshot.Revision > state.Snapshot.Revision || arrived.Snapshot.Day != state.Snapshot.Day
            => new SalesState(arrived.Snapshot, true),
        _ => state,
    };
}

/// <summary>The managers' sales screen store: follows the shared <see cref="SalesBoard"/>; ends with the circuit.</summary>
public sealed class SalesStore : Store<SalesState>
{
    private readonly SalesBoard _board;

    public SalesStore(SalesBoard board, ILogger<SalesStore> logger) : base(SalesState.Initial, logger)
    {
        _board = board;
        _board.Changed += OnChanged;
    }

    public async Task LoadAsync(CancellationToken ct = default) => Dispatch(new SalesSnapshotArrived(await _board.CurrentAsync(ct)));

    protected override SalesState Reduce(SalesState state, IAction action) => SalesReducers.Reduce(state, action);

    private void OnChanged(SalesSnapshot snapshot) => Dispatch(new SalesSnapshotArrived(snapshot));

    protected override void OnDispose() => _board.Changed -= OnChanged;
}
