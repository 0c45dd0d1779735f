using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Layout;

/// <summary>One link of the navigation drawer.</summary>
/// <param name="Href">Relative to the base address ("" is the calendar).</param>
/// <param name="Icon">A MudBlazor icon (the inside of its SVG).</param>
/// <param name="Exact">Active only on this very address (else also below it).</param>
public sealed record NavEntry(string Href, string Text, string Icon, bool Exact = false, bool NewTab = false);

/// <summary>
/// The navigation drawer's links as the markup <c>MudNavLink</c> renders (same classes, icon,
/// active state and <c>aria-current</c>), but as one piece of markup instead of three components
/// per link (MudNavLink, NavLink, MudIcon) on every open screen. Blazor's router still handles a
/// click on them as a navigation. The markup for a set of links and an active address is built
/// once and shared by every circuit (a bounded cache).
/// </summary>
public static class NavMarkup
{
    private const int MaxEntries = 256;
    // Keyed by which link is active, not by the address: every client profile has its own
    // address, and keyed by it the cache would fill with copies of the same markup.
    private static readonly ConcurrentDictionary<(IReadOnlyList<NavEntry> Links, int Active), MarkupString> s_cache = new();

    /// <summary>The links, the one matching <paramref name="relativePath"/> marked active.</summary>
    public static MarkupString Render(IReadOnlyList<NavEntry> links, string relativePath)
    {
        var path = Normalize(relativePath);
        var active = -1;
        for (var i = 0; i < links.Count && active < 0; i++)
        {
            active = IsActive(links[i], path) ? i : -1;
        }
        if (s_cache.TryGetValue((links, active), out var cached))
        {
            return cached;
        }
        var markup = Build(links, active);
        if (s_cache.Count < MaxEntries)
        {
            s_cache.TryAdd((links, active), markup);
        }
        return markup;
    }

    /// <summary>Whether <paramref name="link"/> is the page at <paramref name="relativePath"/> (as NavLink matches: no query, no case).</summary>
    public static bool IsActive(NavEntry link, string relativePath)
    {
        var path = Normalize(relativePath);
        var href = link.Href.Trim('/');
        if (string.Equals(path, href, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return !link.Exact && href.Length > 0 && path.StartsWith(href + "/", StringComparison.OrdinalIgnoreCase);
    }

    private static string Normalize(string relativePath)
    {
        var end = relativePath.IndexOfAny(['?', '#']);
        return (end < 0 ? relativePath : relativePath[..end]).Trim('/');
    }

    private static MarkupString Build(IReadOnlyList<NavEntry> links, int activeIndex)
    {
        var html = new StringBuilder();
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            var active = i == activeIndex;
            html.Append("<div class=\"mud-nav-item\"><a href=\"").Append(WebUtility.HtmlEncode(link.Href)).Append('"');
            html.Append(link.NewTab ? " target=\"_blank\" rel=\"noopener noreferrer\"" : " rel=\"\"");
            html.Append(" tabindex=\"0\" class=\"mud-nav-link mud-ripple").Append(active ? " active\" aria-current=\"page\">" : "\">");
            html.Append("<svg class=\"mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-medium mud-nav-link-icon mud-nav-link-icon-default\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">");
            html.Append(link.Icon).Append("</svg><div class=\"mud-nav-link-text\">").Append(WebUtility.HtmlEncode(link.Text)).Append("</div></a></div>");
        }
        return new MarkupString(html.ToString());
    }
}
