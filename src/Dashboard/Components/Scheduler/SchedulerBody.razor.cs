using System.Globalization;
using System.Net;
using System.Text;
using FrontDesk.Dashboard.Components.Theme;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Scheduler;

/// <summary>
/// The scheduler's changing part: the day grid with its keyed blocks, or (on a narrow screen)
/// the agenda list, never both. It renders again only when its owner says something it shows
/// changed (<see cref="Version"/>) or after its own events, so a live change to the items
/// re-renders this part alone, not the toolbar, legend or filters around it.
/// </summary>
public partial class SchedulerBody : ComponentBase
{
    [Parameter, EditorRequired] public Scheduler Owner { get; set; } = default!;

    /// <summary>Bumped by the owner whenever what this part shows changed.</summary>
    [Parameter] public long Version { get; set; }

    private long _renderedVersion = -1;
    private bool _skip;

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

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

    /// <summary>Renders this part again (the owner's items, time or drag state changed).</summary>
    internal void Refresh(long version)
    {
        _renderedVersion = version;
        _skip = false;
        StateHasChanged();
    }

    /// <summary>
    /// The lanes' headings (the column's title, and its day's note such as "Day off: Training"), as
    /// encoded markup: the same text on every desk showing the same columns, kept once.
    /// </summary>
    internal static MarkupString LaneHeads(IReadOnlyList<SchedulerLane> lanes, int headRows)
    {
        var html = new StringBuilder();
        foreach (var lane in lanes)
        {
            var title = WebUtility.HtmlEncode(lane.Column.Title);
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"sch-lane-head\" style=\"grid-row: {headRows}; grid-column: {2 + lane.Index};\" title=\"{title}\">{title}");
            if (lane.Column.DayOf(lane.Day)?.Note is { Length: > 0 } note)
            {
                html.Append("<span class=\"sch-lane-note\">").Append(WebUtility.HtmlEncode(note)).Append("</span>");
            }
            html.Append("</div>");
        }
        return new MarkupString(SharedText.Of(html.ToString()));
    }

    protected override Task OnAfterRenderAsync(bool firstRender) => Owner.BodyRenderedAsync();
}
