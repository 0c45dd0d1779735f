using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Tests.Component.Infrastructure;

/// <summary>Finding things as a person would: by role, accessible name, label and visible text.</summary>
public static class Queries
{
    /// <summary>The one button whose accessible name (aria-label, else its text) is <paramref name="name"/>.</summary>
    public static IElement Button(this IRenderedComponent<IComponent> cut, string name)
    {
        var matches = Buttons(cut, name).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new ElementNotFoundException($"{matches.Count} buttons named '{name}'. Buttons: {string.Join(", ", cut.FindAll("button").Select(AccessibleName))}");
    }

    public static bool HasButton(this IRenderedComponent<IComponent> cut, string name) => Buttons(cut, name).Any();

    /// <summary>The form control labelled <paramref name="label"/> (by &lt;label for&gt;), or the input inside it.</summary>
    public static IElement Field(this IRenderedComponent<IComponent> cut, string label)
    {
        var labelElement = cut.FindAll("label").SingleOrDefault(l => l.TextContent.Trim() == label)
            ?? throw new ElementNotFoundException($"label '{label}'");
        var control = cut.Find($"#{labelElement.GetAttribute("for")}");
        return control.LocalName is "input" or "textarea" or "select" ? control : control.QuerySelector("input") ?? control;
    }

    /// <summary>The control whose aria-label is <paramref name="name"/>, or the input inside it.</summary>
    public static IElement Labelled(this IRenderedComponent<IComponent> cut, string name)
    {
        var control = cut.FindAll("[aria-label]").SingleOrDefault(e => e.GetAttribute("aria-label") == name)
            ?? throw new ElementNotFoundException($"element labelled '{name}'");
        return control.LocalName is "input" or "textarea" ? control : control.QuerySelector("input") ?? control;
    }

    /// <summary>The option of a listbox whose accessible name starts with <paramref name="name"/>.</summary>
    public static IElement Option(this IRenderedComponent<IComponent> cut, string listLabel, string name)
    {
        var list = cut.FindAll("[role=combobox]").SingleOrDefault(e => e.GetAttribute("aria-label") == listLabel)
            ?? throw new ElementNotFoundException($"combobox '{listLabel}'");
        return list.QuerySelectorAll("[role=option]").SingleOrDefault(o => (o.GetAttribute("aria-label") ?? o.TextContent).StartsWith(name, StringComparison.Ordinal))
            ?? throw new ElementNotFoundException($"option '{name}' of '{listLabel}'");
    }

    /// <summary>The text of the inline alert, or null when none shows.</summary>
    public static string? AlertText(this IRenderedComponent<IComponent> cut) =>
        cut.FindAll("[role=alert]").Select(a => VisibleText(a).Trim()).SingleOrDefault();

    /// <summary>The one button inside <paramref name="scope"/> (a drawer, a dialog) whose accessible name is <paramref name="name"/>.</summary>
    public static IElement Button(this IElement scope, string name)
    {
        var matches = scope.QuerySelectorAll("button").Where(b => AccessibleName(b) == name).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new ElementNotFoundException($"{matches.Count} buttons named '{name}'. Buttons: {string.Join(", ", scope.QuerySelectorAll("button").Select(AccessibleName))}");
    }

    public static bool HasButton(this IElement scope, string name) => scope.QuerySelectorAll("button").Any(b => AccessibleName(b) == name);

    /// <summary>The text of the inline alert inside <paramref name="scope"/>, or null when none shows.</summary>
    public static string? AlertText(this IElement scope) =>
        scope.QuerySelectorAll("[role=alert]").Select(a => VisibleText(a).Trim()).SingleOrDefault();

    /// <summary>The one element of <paramref name="role"/> named <paramref name="name"/> (see <see cref="MudQueries.Role"/>).</summary>
    public static IElement ByRole(this IRenderedComponent<IComponent> cut, string role, string name) => cut.Role(role, name);

    /// <summary>The combobox (MudSelect, MudAutocomplete) whose accessible name is <paramref name="name"/>: aria-label, else its &lt;label for&gt;.</summary>
    public static IElement Combobox(this IRenderedComponent<IComponent> cut, string name) =>
        cut.FindAll("input[role=combobox]").SingleOrDefault(e => MudQueries.Name(cut, e) == name)
            ?? throw new ElementNotFoundException($"combobox '{name}'");

    /// <summary>The visible text of the options of the open drop-down(s).</summary>
    public static IReadOnlyList<string> OpenOptions(this IRenderedComponent<IComponent> cut) =>
        cut.FindAll(".mud-popover-open [role=option]").Select(o => VisibleText(o).Trim()).ToList();

    /// <summary>The option of the open drop-down whose visible text starts with <paramref name="text"/>.</summary>
    public static IElement OpenOption(this IRenderedComponent<IComponent> cut, string text)
    {
        var matches = cut.FindAll(".mud-popover-open [role=option]").Where(o => VisibleText(o).Trim().StartsWith(text, StringComparison.Ordinal)).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new ElementNotFoundException($"{matches.Count} open options starting '{text}'. Options: {string.Join(", ", cut.OpenOptions())}");
    }

    /// <summary>The messages of the snackbars on screen.</summary>
    public static IReadOnlyList<string> Snackbars(this IRenderedComponent<IComponent> cut) =>
        cut.FindAll(".mud-snackbar .mud-snackbar-content-message").Select(m => VisibleText(m).Trim()).ToList();

    private static IEnumerable<IElement> Buttons(IRenderedComponent<IComponent> cut, string name) =>
        cut.FindAll("button").Where(b => AccessibleName(b) == name);

    /// <summary>aria-label, else the text a person reads (what is aria-hidden left out).</summary>
    private static string AccessibleName(IElement button) =>
        button.GetAttribute("aria-label") ?? VisibleText(button).Trim();

    private static string VisibleText(INode node) => node switch
    {
        IElement e when e.GetAttribute("aria-hidden") == "true" => string.Empty,
        IElement or IDocumentFragment => string.Concat(node.ChildNodes.Select(VisibleText)),
        _ => node.NodeType == NodeType.Text ? node.TextContent : string.Empty,
    };
}
