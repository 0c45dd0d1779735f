using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Scheduler;

/// <summary>
/// The grid's time gutter (a row per slot, the hour written at each full hour): markup that only
/// depends on the hours, the grid and the culture, so it is built once and shared by every desk
/// showing the same hours (a bounded cache), instead of a few render-tree frames per row per desk.
/// </summary>
internal static class SchedulerGutter
{
    private const int MaxEntries = 64;
    private static readonly ConcurrentDictionary<(TimeOnly Start, int Rows, int SlotMinutes, string Culture), MarkupString> s_cache = new();

    public static MarkupString Markup(TimeOnly dayStart, int rows, int slotMinutes, CultureInfo culture)
    {
        var key = (dayStart, rows, slotMinutes, culture.Name);
        if (s_cache.TryGetValue(key, out var markup))
        {
            return markup;
        }
        var html = new StringBuilder();
        for (var row = 0; row < rows; row++)
        {
            var time = dayStart.AddMinutes(row * slotMinutes);
            html.Append("<div class=\"sch-gutter-row\">");
            if (time.Minute == 0 || row == 0)
            {
                html.Append("<span class=\"sch-hour\">").Append(WebUtility.HtmlEncode(time.ToString(Scheduler.TimeFormat, culture))).Append("</span>");
            }
            html.Append("</div>");
        }
        markup = new MarkupString(html.ToString());
        if (s_cache.Count < MaxEntries)
        {
            s_cache.TryAdd(key, markup);
        }
        return markup;
    }
}
