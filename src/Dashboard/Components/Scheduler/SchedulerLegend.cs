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
    /// <param name="Statuses">The list they were built for.</param>
    /// <param name="Hrefs">Each status's icon as a block's <c>&lt;use href&gt;</c> takes it ("#id"); statuses with an icon only.</param>
    internal sealed record Pieces(IReadOnlyList<SchedulerStatus> Statuses, MarkupString Sprite, MarkupString Legend, IReadOnlyDictionary<string, string> Hrefs);

    private static readonly ConditionalWeakTable<IReadOnlyList<SchedulerStatus>, Pieces> s_pieces = new();

    /// <summary>The pieces for <paramref name="statuses"/>, built once per list.</summary>
    public static Pieces Of(IReadOnlyList<SchedulerStatus> statuses) => s_pieces.GetValue(statuses, Build);

    private static Pieces Build(IReadOnlyList<SchedulerStatus> statuses)
    {
        var sprite = new StringBuilder("<svg class=\"sch-sprite\" aria-hidden=\"true\" focusable=\"false\">");
        var legend = new StringBuilder();
        var hrefs = new Dictionary<string, string>();
        for (var index = 0; index < statuses.Count; index++)
        {
            var status = statuses[index];
            var id = string.IsNullOrEmpty(status.Icon) ? null : SymbolId(index, status);
            if (id is not null)
            {
                // The icon is a MudBlazor icon constant: SVG markup, not text.
                sprite.Append("<symbol id=\"").Append(Encode(id)).Append("\" viewBox=\"0 0 24 24\">").Append(status.Icon).Append("</symbol>");
                hrefs[status.Key] = "#" + id;
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
        return new Pieces(statuses, new MarkupString(sprite.ToString()), new MarkupString(legend.ToString()), hrefs);
    }

    /// <summary>
    /// A symbol's id made from its place and its icon, not from a scheduler instance: every desk's
    /// blocks then render the same markup (shared, see <see cref="SchedulerBlock.Markup"/>). Two
    /// schedulers on one page with the same statuses define the same symbol twice, which draws the same icon.
    /// </summary>
    private static string SymbolId(int index, SchedulerStatus status)
    {
        var hash = 2166136261u;
        foreach (var c in status.Key + "\n" + status.Icon)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return $"sch-i{index}-{hash:x8}";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
