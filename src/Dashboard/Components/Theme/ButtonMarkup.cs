using System.Net;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Theme;

/// <summary>
/// Classes of MudButton markup written out by hand (button groups drawn as markup, not as one
/// component per button, on screens every desk keeps open).
/// </summary>
public static class ButtonMarkup
{
    /// <summary>
    /// A small primary MudButton's classes: filled when it is the one chosen, outlined otherwise (a
    /// toggle in a button group that keeps its buttons' own styles).
    /// </summary>
    public static string ToggleClass(bool chosen) => chosen
        ? "mud-button-root mud-button mud-button-filled mud-button-filled-primary mud-button-filled-size-small mud-ripple"
        : "mud-button-root mud-button mud-button-outlined mud-button-outlined-primary mud-button-outlined-size-small mud-ripple";

    /// <summary>
    /// The inside of a MudIconButton with this icon (a MudBlazor <c>Icons</c> constant): its label
    /// span and the icon's SVG, as one piece of markup (one frame, not nine) for a button written
    /// out by hand.
    /// </summary>
    public static MarkupString IconButtonLabel(string icon) =>
        new($"<span class=\"mud-icon-button-label\">{Svg(icon)}</span>");

    /// <summary>
    /// The inside of a MudButton with this start icon and text (<paramref name="textClass"/> on the
    /// text, e.g. to hide it on a phone), as one piece of markup.
    /// </summary>
    public static MarkupString ButtonLabel(string icon, string text, string? textClass = null) =>
        new($"<span class=\"mud-button-label\"><span class=\"mud-button-icon-start mud-button-icon-size-medium\">{Svg(icon)}</span>"
            + (textClass is null ? WebUtility.HtmlEncode(text) : $"<span class=\"{WebUtility.HtmlEncode(textClass)}\">{WebUtility.HtmlEncode(text)}</span>") + "</span>");

    // MudIcon's SVG; the icon constants are SVG markup themselves (paths), as MudIcon renders them.
    private static string Svg(string icon) =>
        $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-medium\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{icon}</svg>";
}
