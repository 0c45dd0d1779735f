using System.Globalization;
using System.Net;
using System.Text;
using FrontDesk.Dashboard.Components.Theme;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Scheduler;

/// <summary>
/// What one block (an item on the grid) renders as: one piece of markup, the block's element with
/// its texts, which its lane renders inside a keyed wrapper (<c>&lt;div class="sch-block"&gt;</c>,
/// laid out as if absent: <c>display: contents</c>), not as a component of its own nor as an element
/// of ten render-tree frames. A component per block held two render-tree buffers, a component state
/// and four handlers (about 3.5 KB a block); an element with eight attributes still made a lane of
/// six blocks need a 128-frame buffer (5 KB, on every desk). The lane's one <c>schitem</c> handler
/// takes the blocks' clicks, keys and drags (scheduler.js). A live change re-renders only the lane it
/// touches, and the diff of that lane, keyed by item, replaces only the markup of the block that
/// changed: the others render the same text (kept once for every desk, <see cref="SharedText"/>), so
/// their elements are left as they are.
/// </summary>
internal static class SchedulerBlock
{
    /// <summary>The whole block, as markup: every text in it is HTML-encoded; the same text on every desk, kept once.</summary>
    public static MarkupString Markup(SchedulerItem item, SchedulerStatus status, BlockPlacement placement, string name, string? iconRef)
    {
        var html = new StringBuilder("<div class=\"").Append(status.Inactive ? "sch-item sch-inactive" : "sch-item")
            .Append("\" role=\"button\" tabindex=\"0\" aria-label=\"").Append(Encode(name))
            .Append("\" data-status=\"").Append(Encode(item.StatusKey))
            .Append("\" data-key=\"").Append(Encode(item.Key))
            .Append("\" draggable=\"").Append(item.Movable ? "true" : "false")
            .Append("\" style=\"").Append(Encode(StyleOf(placement, status))).Append("\">");
        AppendContent(html, item, status, iconRef);
        html.Append("</div>");
        return new MarkupString(SharedText.Of(html.ToString()));
    }

    /// <summary>Where the block sits and its status colour.</summary>
    private static string StyleOf(BlockPlacement placement, SchedulerStatus status)
    {
        var width = 100.0 / Math.Max(1, placement.Tracks);
        return string.Create(CultureInfo.InvariantCulture,
            $"top: calc(var(--sch-row) * {placement.Top:0.###}); height: calc(var(--sch-row) * {placement.Height:0.###}); left: {placement.Track * width:0.###}%; width: {width:0.###}%; --sch-status: {status.Color};");
    }

    /// <summary>The block's inside: its title line (status icon, title, badge) and its detail line.</summary>
    private static void AppendContent(StringBuilder html, SchedulerItem item, SchedulerStatus status, string? iconRef)
    {
        html.Append("<span class=\"sch-item-line\">");
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
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
