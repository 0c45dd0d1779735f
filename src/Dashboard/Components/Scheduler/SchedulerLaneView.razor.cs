using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Scheduler;

/// <summary>
/// One lane of the grid (a column on a day): its slots, blocks and now-line. It renders again
/// only when its owner says something in this lane changed (<see cref="Version"/>) or after its
/// own events, so a change to one item re-renders its lane, not the whole grid; within the lane,
/// the blocks are keyed by item, so only the changed block's element is touched.
/// </summary>
public partial class SchedulerLaneView : ComponentBase
{
    [Parameter, EditorRequired] public Scheduler Owner { get; set; } = default!;

    [Parameter, EditorRequired] public SchedulerLane Lane { get; set; } = default!;

    /// <summary>Rows of headings above the lanes (1, or 2 in a week of several columns).</summary>
    [Parameter] public int HeadRows { get; set; } = 1;

    /// <summary>Bumped by the owner whenever something this lane shows changed.</summary>
    [Parameter] public long Version { get; set; }

    private long _renderedVersion = -1;
    private bool _skip;

    protected override void OnParametersSet()
    {
        _skip = Version == _renderedVersion;
        _renderedVersion = Version;
    }

    protected override bool ShouldRender()
    {
        var skip = _skip;
        _skip = false;
        return !skip;
    }

    private Task OnSlotEventAsync(SchedulerSlotEventArgs e) => Owner.OnSlotEventAsync(Lane.Index, e);

    private Task OnItemEventAsync(SchedulerItemEventArgs e) => Owner.OnItemEventAsync(Lane.Index, e);

    protected override Task OnAfterRenderAsync(bool firstRender) => Owner.BodyRenderedAsync();
}
