using AngleSharp.Dom;
using Bunit;
using FrontDesk.Dashboard.Components.Scheduler;

namespace FrontDesk.Tests.Component.Infrastructure;

/// <summary>
/// What the browser does on a scheduler slot, as scheduler.js reports it: the slots have no
/// handlers of their own; a click, a navigation key or a drop on one becomes the custom event
/// <c>schslot</c> with the slot's row (its place among its lane's slots), which bubbles to the lane.
/// </summary>
public static class SlotEvents
{
    /// <summary>Clicks the slot (or presses Enter on it: a button clicks itself then).</summary>
    public static void SlotClick(this IElement slot) => Raise(slot, SlotEventKinds.Click);

    /// <summary>A navigation key (ArrowDown, PageUp, Home…) pressed on the slot.</summary>
    public static void SlotKeyDown(this IElement slot, string key) => Raise(slot, SlotEventKinds.Key, key);

    /// <summary>The dragged item let go over the slot.</summary>
    public static void SlotDrop(this IElement slot) => Raise(slot, SlotEventKinds.Drop);

    private static void Raise(IElement slot, string kind, string? key = null)
    {
        var lane = slot.ParentElement ?? throw new InvalidOperationException("The slot is not in a lane.");
        var row = lane.Children.Where(c => c.ClassList.Contains("sch-slot")).ToList().IndexOf(slot);
        if (row < 0)
        {
            throw new InvalidOperationException($"'{slot.GetAttribute("aria-label")}' is not a slot of the grid.");
        }
        slot.TriggerEventAsync("onschslot", new SchedulerSlotEventArgs { Row = row, Kind = kind, Key = key }).GetAwaiter().GetResult();
    }
}
