using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Scheduler;

/// <summary>
/// What the browser says happened on a slot of the grid: the grid's one event for all its slots.
/// The slots carry no handlers of their own (319 slots with three handlers each cost a desk about
/// 220 KB of server memory); the scheduler's script catches clicks, navigation keys and drops on
/// them (event delegation) and raises <c>schslot</c> on the slot, which bubbles to its lane.
/// </summary>
public sealed class SchedulerSlotEventArgs : EventArgs
{
    /// <summary>The slot's row in its lane, from the top (0 is the first slot of the day shown).</summary>
    public int Row { get; set; } = -1;

    /// <summary><see cref="SlotEventKinds.Click"/>, <see cref="SlotEventKinds.Key"/> or <see cref="SlotEventKinds.Drop"/>.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>For a key: which (the DOM's <c>KeyboardEvent.key</c>, e.g. "ArrowDown").</summary>
    public string? Key { get; set; }
}

/// <summary>The kinds of <see cref="SchedulerSlotEventArgs"/>.</summary>
public static class SlotEventKinds
{
    /// <summary>Clicked, or Enter / Space on the focused slot (a button clicks itself then).</summary>
    public const string Click = "click";

    /// <summary>A navigation key (arrows, Page Up/Down, Home, End).</summary>
    public const string Key = "key";

    /// <summary>A dragged item was dropped on the slot.</summary>
    public const string Drop = "drop";
}

/// <summary>
/// What the browser says happened on a block of the grid (an item): the lane's one event for all
/// its blocks. Blocks are elements of their lane with no handlers of their own (a component with
/// four handlers per block cost a desk about 95 KB of server memory); scheduler.js raises
/// <c>schitem</c> on the block for a click, Enter or Space, and the start and end of a drag.
/// </summary>
public sealed class SchedulerItemEventArgs : EventArgs
{
    /// <summary>The block's item (<see cref="SchedulerItem.Key"/>, its <c>data-key</c>); an item no longer shown is ignored.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary><see cref="ItemEventKinds.Open"/>, <see cref="ItemEventKinds.DragStart"/> or <see cref="ItemEventKinds.DragEnd"/>.</summary>
    public string Kind { get; set; } = string.Empty;
}

/// <summary>The kinds of <see cref="SchedulerItemEventArgs"/>.</summary>
public static class ItemEventKinds
{
    /// <summary>Clicked, or Enter / Space pressed on the focused block.</summary>
    public const string Open = "open";

    /// <summary>The person started dragging the block.</summary>
    public const string DragStart = "dragstart";

    /// <summary>The drag ended (dropped anywhere, or given up).</summary>
    public const string DragEnd = "dragend";
}

/// <summary>Makes <c>@onschslot</c> and <c>@onschitem</c> known to Razor (which looks for a class of this name); scheduler.js registers the event types in the browser.</summary>
[EventHandler("onschslot", typeof(SchedulerSlotEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
[EventHandler("onschitem", typeof(SchedulerItemEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers
{
}
