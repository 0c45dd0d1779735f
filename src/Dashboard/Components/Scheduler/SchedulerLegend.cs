using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Scheduler;

/// <summary>
/// The statuses' icon sprite and legend as markup: they change only with the list of statuses, so
/// they are built once per list and every desk renders the same two pieces (one render-tree frame
/// each), not about 90 frames of its own. Their styles are in Scheduler.razor.css under ::deep,
/// since markup carries no CSS-isolation attribute.
/// </summary>
internal static class SchedulerLegend
{
    internal sealed record Pieces(MarkupString Sprite, MarkupString Legend);

    private static readonly ConditionalWeakTable<IReadOnlyList<SchedulerStatus>, Pieces> s_pieces = new();

    /// <summary>The pieces for <paramref name="statuses"/>; <paramref name="iconIds"/> maps a status key to its symbol's id (statuses with an icon only).</summary>
    public static Pieces Of(IReadOnlyList<SchedulerStatus> statuses, IReadOnlyDictionary<string, string> iconIds) =>
        s_pieces.GetValue(statuses, list => Build(list, iconIds));

    private static Pieces Build(IReadOnlyList<SchedulerStatus> statuses, IReadOnlyDictionary<string, string> iconIds)
    {
        var sprite = new StringBuilder("<svg class=\"sch-sprite\" aria-hidden=\"true\" focusable=\"false\">");
        var legend = new StringBuilder();
        foreach (var status in statuses)
        {
            var id = iconIds.GetValueOrDefault(status.Key);
            if (id is not null)
            {
                // The icon is a MudBlazor icon constant: SVG markup, not text.
                sprite.Append("<symbol id=\"").Append(Encode(id)).Append("\" viewBox=\"0 0 24 24\">").Append(status.Icon).Append("</symbol>");
            }
            legend.Append("<span role=\"listitem\" class=\"").Append(status.Inactive ? "sch-legend-item sch-inactive" : "sch-legend-item")
                .Append("\" style=\"--sch-status: ").Append(Encode(status.Color)).Append("\">");
            if (id is not null)
            {
                legend.Append("<svg class=\"sch-icon sch-legend-icon\" aria-hidden=\"true\" focusable=\"false\"><use href=\"#").Append(Encode(id)).Append("\"></use></svg>");
            }
            legend.Append(Encode(status.Label)).Append("</span>");
        }
        sprite.Append("</svg>");
        return new Pieces(new MarkupString(sprite.ToString()), new MarkupString(legend.ToString()));
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
