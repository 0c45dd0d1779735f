using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Theme;

/// <summary>
/// The business theme's style sheet on a screen: the text <see cref="MudThemeProvider"/> renders
/// for <see cref="FrontDeskTheme.Theme"/> (see <see cref="ThemeStyleSheets"/>), one markup frame
/// shared by every screen, light on the desks and dark on the wall display (<see cref="IsDarkMode"/>).
/// A MudThemeProvider on each screen rendered that same text for every circuit and also kept, per
/// circuit, a default MudTheme it never used (about 8 KB), its parameter states and a JavaScript
/// call at start. The device's dark-mode setting is not watched: each screen has its palette, which
/// the device must not flip.
/// </summary>
public sealed class SharedThemeProvider : ComponentBase
{
    /// <summary>The dark palette (the wall display), else the light one.</summary>
    [Parameter] public bool IsDarkMode { get; set; }

    [Inject] private ThemeStyleSheets StyleSheets { get; set; } = default!;

    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, StyleSheets.For(IsDarkMode));
}

/// <summary>
/// What MudBlazor's own <see cref="MudThemeProvider"/> renders for <see cref="FrontDeskTheme.Theme"/>
/// (the palette's CSS variables, typography, scrollbar and chart styles), rendered once per palette
/// with the framework's <see cref="HtmlRenderer"/>, outside any circuit, and kept for the server's
/// life: the theme does not change while the app runs.
/// </summary>
public sealed class ThemeStyleSheets(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private readonly Lazy<MarkupString> _light = new(() => Render(scopes, loggers, dark: false));
    private readonly Lazy<MarkupString> _dark = new(() => Render(scopes, loggers, dark: true));

    public MarkupString For(bool dark) => dark ? _dark.Value : _light.Value;

    private static MarkupString Render(IServiceScopeFactory scopes, ILoggerFactory loggers, bool dark)
    {
        using var scope = scopes.CreateScope();
        using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        // Once per palette for the server's life, on the first screen's render: its own dispatcher,
        // so waiting here blocks no circuit.
        var html = renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = renderer.BeginRenderingComponent<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = FrontDeskTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
                [nameof(MudThemeProvider.ObserveSystemDarkModeChange)] = false,
            }));
            await output.QuiescenceTask;
            return output.ToHtmlString();
        }).GetAwaiter().GetResult();
        return new MarkupString(html);
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
