using System.Globalization;
using System.Net;
using System.Text;
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
    private MarkupString _content;
    private string _style = string.Empty;

    /// <summary>Where the block sits and its status colour: the same text on every desk, kept once (<see cref="FrontDesk.Dashboard.Components.Theme.SharedText"/>).</summary>
    private static string StyleOf(BlockPlacement placement, SchedulerStatus status)
    {
        var width = 100.0 / Math.Max(1, placement.Tracks);
        return FrontDesk.Dashboard.Components.Theme.SharedText.Of(string.Create(CultureInfo.InvariantCulture,
            $"top: calc(var(--sch-row) * {placement.Top:0.###}); height: calc(var(--sch-row) * {placement.Height:0.###}); left: {placement.Track * width:0.###}%; width: {width:0.###}%; --sch-status: {status.Color};"));
    }

    protected override void OnParametersSet()
    {
        var now = (Item, Status, Placement, Name);
        _changed = _rendered != now;
        _rendered = now;
        if (_changed)
        {
            _content = Content(Item, Status, Owner.IconRef(Status));
            _style = StyleOf(Placement, Status);
        }
    }

    /// <summary>The block's inside, as markup: every text in it is HTML-encoded.</summary>
    internal static MarkupString Content(SchedulerItem item, SchedulerStatus status, string? iconRef)
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
        return new MarkupString(FrontDesk.Dashboard.Components.Theme.SharedText.Of(html.ToString()));
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    protected override bool ShouldRender() => _changed;

    private Task SelectAsync() => Owner.SelectItemAsync(Item);

    private Task OnKeyAsync(KeyboardEventArgs e) => e.Key is "Enter" or " " ? Owner.SelectItemAsync(Item) : Task.CompletedTask;

    private void OnDragStart(DragEventArgs e) => Owner.BeginDrag(Item);

    private void OnDragEnd(DragEventArgs e) => Owner.EndDrag();
}
