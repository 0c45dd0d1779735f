using AngleSharp.Dom;
using Bunit;
using FrontDesk.Dashboard.Components.Scheduler;

namespace FrontDesk.Tests.Component.Infrastructure;

/// <summary>
/// What the browser does on a scheduler block, as scheduler.js reports it: the blocks have no
/// handlers of their own; a click (or Enter or Space), or the start or end of a drag on one becomes
/// the custom event <c>schitem</c> with the block's item key (its <c>data-key</c>), which bubbles to its lane.
/// </summary>
public static class ItemEvents
{
    /// <summary>Clicks the block (or presses Enter or Space on it).</summary>
    public static void ItemClick(this IElement block) => Raise(block, ItemEventKinds.Open);

    /// <summary>Starts dragging the block.</summary>
    public static void ItemDragStart(this IElement block) => Raise(block, ItemEventKinds.DragStart);

    /// <summary>The drag of the block ended (let go anywhere, or given up).</summary>
    public static void ItemDragEnd(this IElement block) => Raise(block, ItemEventKinds.DragEnd);

    private static void Raise(IElement block, string kind)
    {
        if (!block.ClassList.Contains("sch-item") || block.ParentElement?.ClassList.Contains("sch-block") != true
            || block.ParentElement.ParentElement?.ClassList.Contains("sch-lane") != true)
        {
            throw new InvalidOperationException($"'{block.GetAttribute("aria-label")}' is not a block of the grid.");
        }
        var key = block.GetAttribute("data-key") ?? throw new InvalidOperationException("The block has no data-key.");
        block.TriggerEventAsync("onschitem", new SchedulerItemEventArgs { Key = key, Kind = kind }).GetAwaiter().GetResult();
    }
}
