using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Live.Projections;

namespace FrontDesk.Dashboard.Store.Display;

/// <summary>What the wall display shows: today's shared board, the providers, and the time it was last drawn for.</summary>
public sealed record DisplayState(BoardSnapshot Board, IReadOnlyList<ProviderView> Providers, DateTimeOffset Now, bool Loaded)
{
    public static DisplayState Initial { get; } = new(BoardSnapshot.Empty, [], DateTimeOffset.MinValue, false);
}

public sealed record DisplayLoaded(BoardSnapshot Board, IReadOnlyList<ProviderView> Providers, DateTimeOffset Now) : IAction;

public sealed record BoardChanged(BoardSnapshot Board) : IAction;

/// <summary>The clock moved on: appointments pass from upcoming to in treatment without any event.</summary>
public sealed record ClockTicked(DateTimeOffset Now) : IAction;

public static class DisplayReducers
{
    public static DisplayState Reduce(DisplayState state, IAction action) => action switch
    {
        DisplayLoaded loaded => state with { Board = loaded.Board, Providers = loaded.Providers, Now = loaded.Now, Loaded = true },
        BoardChanged changed when changed.Board.Revision > state.Board.Revision || changed.Board.Day != state.Board.Day => state with { Board = changed.Board },
        ClockTicked tick => state with { Now = tick.Now },
        _ => state,
    };
}
