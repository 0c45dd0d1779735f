using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FrontDesk.Dashboard.Components.Scheduler;

/// <summary>
/// One item on the grid. It renders again only when its item, status, place or name changed,
/// so a live change to one item re-renders that block alone.
/// </summary>
public partial class SchedulerBlock : ComponentBase
{
    [Parameter, EditorRequired] public Scheduler Owner { get; set; } = default!;

    [Parameter, EditorRequired] public SchedulerItem Item { get; set; } = default!;

    [Parameter, EditorRequired] public SchedulerStatus Status { get; set; } = default!;

    [Parameter] public BlockPlacement Placement { get; set; }

    /// <summary>The accessible name.</summary>
    [Parameter] public string Name { get; set; } = string.Empty;

    private (SchedulerItem Item, SchedulerStatus Status, BlockPlacement Placement, string Name)? _rendered;
    private bool _changed = true;

    private string Style
    {
        get
        {
            var width = 100.0 / Math.Max(1, Placement.Tracks);
            return string.Create(CultureInfo.InvariantCulture,
                $"top: calc(var(--sch-row) * {Placement.Top:0.###}); height: calc(var(--sch-row) * {Placement.Height:0.###}); left: {Placement.Track * width:0.###}%; width: {width:0.###}%; --sch-status: {Status.Color};");
        }
    }

    protected override void OnParametersSet()
    {
        var now = (Item, Status, Placement, Name);
        _changed = _rendered != now;
        _rendered = now;
    }

    protected override bool ShouldRender() => _changed;

    private Task SelectAsync() => Owner.SelectItemAsync(Item);

    private Task OnKeyAsync(KeyboardEventArgs e) => e.Key is "Enter" or " " ? Owner.SelectItemAsync(Item) : Task.CompletedTask;

    private void OnDragStart(DragEventArgs e) => Owner.BeginDrag(Item);

    private void OnDragEnd(DragEventArgs e) => Owner.EndDrag();
}
