using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Theme;

/// <summary>
/// <see cref="MudThemeProvider"/> exactly as it is (same parameters, same output, dark mode and
/// system-theme watching included), except that the theme's style sheet it renders (about 23 KB
/// of text, the same on every screen) is kept once for the whole server instead of once, or twice,
/// per open circuit: every text it renders goes through a small bounded cache of shared strings.
/// With ten desks open, the server holds one copy instead of twenty.
/// It starts with the business's <see cref="FrontDeskTheme.Theme"/> and does not watch the
/// device's dark-mode setting: each screen has its palette (desks light, the wall display dark,
/// by <c>IsDarkMode</c>), which the device must not flip; that also spares each circuit
/// MudBlazor's watcher (a JS listener and a .NET reference).
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
#pragma warning disable BL0005 // Defaults of its own parameters, set once before any are given.
    public SharedThemeProvider()
    {
        Theme = FrontDeskTheme.Theme;
        ObserveSystemDarkModeChange = false;
    }
#pragma warning restore BL0005

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        using var scratch = new RenderTreeBuilder();
        base.BuildRenderTree(scratch);
#pragma warning disable BL0006, ASP0006 // Re-emits the frames MudThemeProvider just built, with their own sequence numbers, so diffs match its.
        var frames = scratch.GetFrames();
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames.Array[i].FrameType is not (RenderTreeFrameType.Markup or RenderTreeFrameType.Text))
            {
                // A MudBlazor version that renders more than text: render it as it is.
                base.BuildRenderTree(builder);
                return;
            }
        }
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames.Array[i];
            if (frame.FrameType == RenderTreeFrameType.Markup)
            {
                builder.AddMarkupContent(frame.Sequence, SharedText.Of(frame.MarkupContent));
            }
            else
            {
                builder.AddContent(frame.Sequence, SharedText.Of(frame.TextContent));
            }
        }
#pragma warning restore BL0006, ASP0006
    }
}

/// <summary>
/// A bounded set of long texts every circuit renders alike (style sheets, the inside of the
/// calendar's blocks, a lane's slots, layout keys): one copy for the server instead of one per
/// open screen. Bounded by count and by total length (a lane's slots are a few thousand
/// characters); when full it starts again (texts already handed out stay valid: they are
/// ordinary strings).
/// </summary>
internal static class SharedText
{
    private const int MaxEntries = 4096;
    private const long MaxChars = 4 * 1024 * 1024;
    private static readonly ConcurrentDictionary<string, string> s_texts = new(StringComparer.Ordinal);
    private static long s_chars;

    public static string Of(string text)
    {
        if (text.Length < 64)
        {
            return text;
        }
        if (s_texts.TryGetValue(text, out var shared))
        {
            return shared;
        }
        if (s_texts.Count >= MaxEntries || Interlocked.Read(ref s_chars) + text.Length > MaxChars)
        {
            s_texts.Clear();
            Interlocked.Exchange(ref s_chars, 0);
        }
        shared = s_texts.GetOrAdd(text, text);
        if (ReferenceEquals(shared, text))
        {
            Interlocked.Add(ref s_chars, text.Length);
        }
        return shared;
    }
}
