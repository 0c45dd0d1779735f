using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace FrontDesk.Dashboard.Components.Theme;

/// <summary>
/// What MudBlazor's own <see cref="MudThemeProvider"/> renders for <see cref="FrontDeskTheme.Theme"/>
/// (the palette's CSS variables, typography, scrollbar and chart styles), rendered once per palette
/// with the framework's <see cref="HtmlRenderer"/>, outside any circuit, and kept for the server's
/// life: the theme does not change while the app runs. Each layout renders it as one markup frame
/// of its own (<c>@StyleSheets.For(dark)</c>): light on the desks, dark on the wall display. A
/// MudThemeProvider on each screen rendered that same text for every circuit and also kept, per
/// circuit, a default MudTheme it never used (about 8 KB), its parameter states and a JavaScript
/// call at start; a component of ours around the text still cost each screen a component state and
/// a render-tree buffer. The device's dark-mode setting is not watched: each screen has its
/// palette, which the device must not flip.
/// </summary>
public sealed class ThemeStyleSheets(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private readonly Lazy<MarkupString> _light = new(() => Render(scopes, loggers, dark: false));
    private readonly Lazy<MarkupString> _dark = new(() => Render(scopes, loggers, dark: true));

    public MarkupString For(bool dark) => dark ? _dark.Value : _light.Value;

    // Once per palette for the server's life, on the first screen's render. Waited for there: the
    // renderer has its own dispatcher and nothing below resumes on the caller's context, so the
    // wait blocks no circuit and cannot deadlock it.
    private static MarkupString Render(IServiceScopeFactory scopes, ILoggerFactory loggers, bool dark) =>
        RenderAsync(scopes, loggers, dark).GetAwaiter().GetResult();

    private static async Task<MarkupString> RenderAsync(IServiceScopeFactory scopes, ILoggerFactory loggers, bool dark)
    {
        var scope = scopes.CreateAsyncScope();
        await using var _ = scope.ConfigureAwait(false);
        var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        await using var __ = renderer.ConfigureAwait(false);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = renderer.BeginRenderingComponent<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = FrontDeskTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
                [nameof(MudThemeProvider.ObserveSystemDarkModeChange)] = false,
            }));
            await output.QuiescenceTask;
            return output.ToHtmlString();
        }).ConfigureAwait(false);
        return new MarkupString(html);
    }
}

/// <summary>
/// Long texts every circuit renders alike (the inside of the calendar's blocks, their styles, a
/// lane's slots, layout keys): one copy for the server instead of one per open screen. Bounded by
/// count and by total length (a lane's slots are a few thousand characters); short texts are not
/// worth a lookup and are returned as they are.
/// </summary>
internal static class SharedText
{
    private static readonly FrontDesk.Dashboard.Live.SharedValues<string> s_texts =
        new(capacity: 4096, weigh: text => text.Length, maxWeight: 4 * 1024 * 1024);

    public static string Of(string text) => text.Length < 64 ? text : s_texts.Of(text);

    /// <summary>
    /// A text that every desk keeps in its render tree for as long as it shows the screen (a lane's
    /// style, a button's name): shared whatever its length, as each desk would otherwise keep its
    /// own copy of the same few dozen characters.
    /// </summary>
    public static string Kept(string text) => s_texts.Of(text);
}
