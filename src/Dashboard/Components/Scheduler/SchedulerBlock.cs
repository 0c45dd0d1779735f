using System.Globalization;
using System.Net;
using System.Text;
using FrontDesk.Dashboard.Components.Theme;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Scheduler;

/// <summary>
/// What one block (an item on the grid) renders as: its lane renders it as a keyed element with
/// these texts, not as a component of its own. A component per block held two render-tree buffers,
/// a component state and four handlers (about 3.5 KB a block, ~95 KB a desk); the lane's one
/// <c>schitem</c> handler takes the blocks' clicks, keys and drags instead (scheduler.js). A live
/// change still re-renders only the lane it touches, and the diff of that lane, keyed by item,
/// changes only the block that changed: the others render the same texts (kept once for every
/// desk, <see cref="SharedText"/>), so their elements are left as they are.
/// </summary>
internal static class SchedulerBlock
{
    /// <summary>The block's classes: struck through when its status is inactive.</summary>
    public static string ClassOf(SchedulerStatus status) => status.Inactive ? "sch-item sch-inactive" : "sch-item";

    /// <summary>Where the block sits and its status colour: the same text on every desk, kept once.</summary>
    public static string StyleOf(BlockPlacement placement, SchedulerStatus status)
    {
        var width = 100.0 / Math.Max(1, placement.Tracks);
        return SharedText.Of(string.Create(CultureInfo.InvariantCulture,
            $"top: calc(var(--sch-row) * {placement.Top:0.###}); height: calc(var(--sch-row) * {placement.Height:0.###}); left: {placement.Track * width:0.###}%; width: {width:0.###}%; --sch-status: {status.Color};"));
    }

    /// <summary>The block's inside, as markup: every text in it is HTML-encoded.</summary>
    public static MarkupString Content(SchedulerItem item, SchedulerStatus status, string? iconRef)
    {
        var html = new StringBuilder("<span class=\"sch-item-line\">");
        if (iconRef is not null)
        {
            html.Append("<svg class=\"sch-item-icon\" aria-hidden=\"true\" focusable=\"false\"><use href=\"").Append(Encode(iconRef)).Append("\"></use></svg>");
        }
        html.Append("<span class=\"sch-item-title\">").Append(Encode(item.Title)).Append("</span>");
        if (item.Badge is { } badge)
        {
            html.Append("<span class=\"sch-badge\" title=\"").Append(Encode(badge.Label)).Append("\"><span class=\"sch-badge-dot\" style=\"background: ")
                .Append(Encode(badge.Color)).Append("\"></span>").Append(Encode(badge.Text)).Append("</span>");
        }
        html.Append("</span><span class=\"sch-item-detail\">");
        if (item.Detail is { } detail)
        {
            html.Append(Encode(detail)).Append(" · ");
        }
        html.Append("<span class=\"sch-item-status\">").Append(Encode(status.Label)).Append("</span></span>");
        // The same block looks the same on every desk: one copy of its markup for the server.
        return new MarkupString(SharedText.Of(html.ToString()));
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
