using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace FrontDesk.Tests.Component.Infrastructure;

/// <summary>Using MudBlazor screens as a person would: by role and accessible name, through popovers and dialogs.</summary>
public static class MudQueries
{
    /// <summary>A fragment with the popover and dialog providers that MudSelect, MudDatePicker and dialogs render into, then the screen.</summary>
    public static RenderFragment WithProviders<TComponent>(params (string Name, object? Value)[] parameters)
        where TComponent : IComponent => builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<TComponent>(2);
        foreach (var (name, value) in parameters)
        {
            builder.AddComponentParameter(3, name, value);
        }
        builder.CloseComponent();
    };

    /// <summary>The one element with role <paramref name="role"/> (explicit or native) named <paramref name="name"/>.</summary>
    public static IElement Role(this IRenderedComponent<IComponent> cut, string role, string name)
    {
        var matches = cut.FindAll(Selector(role)).Where(e => Name(cut, e) == name).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new ElementNotFoundException($"{matches.Count} {role}s named '{name}'. Named {role}s: {string.Join(", ", cut.FindAll(Selector(role)).Select(e => Name(cut, e)))}");
    }

    public static bool HasRole(this IRenderedComponent<IComponent> cut, string role, string name) =>
        cut.FindAll(Selector(role)).Any(e => Name(cut, e) == name);

    /// <summary>The texts of the role=status messages shown now.</summary>
    public static IReadOnlyList<string> StatusTexts(this IRenderedComponent<IComponent> cut) =>
        cut.FindAll("[role=status]").Select(s => s.TextContent.Trim()).ToList();

    /// <summary>The text input named <paramref name="name"/> (aria-label, else its label).</summary>
    public static IElement Input(this IRenderedComponent<IComponent> cut, string name)
    {
        var matches = cut.FindAll("input, textarea").Where(e => Name(cut, e) == name).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new ElementNotFoundException($"{matches.Count} inputs named '{name}'. Inputs: {string.Join(", ", cut.FindAll("input, textarea").Select(e => Name(cut, e)))}");
    }

    /// <summary>Types into a MudTextField/MudNumericField as a person leaving the field would (change event).</summary>
    public static async Task TypeAsync(this IRenderedComponent<IComponent> cut, string name, string text)
    {
        await cut.Input(name).ChangeAsync(new ChangeEventArgs { Value = text });
    }

    /// <summary>Opens the MudSelect named <paramref name="name"/> and picks the option whose text is <paramref name="option"/>.</summary>
    public static async Task ChooseAsync(this IRenderedComponent<IComponent> cut, string name, string option)
    {
        // Once a select shows a value, its accessible name may be on its combobox rather than on an input.
        var named = cut.FindAll("input, textarea").Where(e => Name(cut, e) == name).Concat(cut.FindAll($"[role=combobox][aria-label='{name}']")).FirstOrDefault()
            ?? throw new ElementNotFoundException($"select '{name}'");
        var control = named.Closest(".mud-input-control") ?? throw new ElementNotFoundException($"select '{name}'");
        await control.MouseDownAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.True(cut.FindAll(".mud-popover-open .mud-list-item").Any(i => i.TextContent.Trim() == option), cut.Markup));
        var item = cut.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == option);
        await item.ClickAsync(new MouseEventArgs());
    }

    /// <summary>The rows of the table named <paramref name="name"/>, each as its cells' texts.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(this IRenderedComponent<IComponent> cut, string name)
    {
        var table = cut.Role("table", name);
        return table.QuerySelectorAll("tbody tr.mud-table-row")
            .Select(r => (IReadOnlyList<string>)r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList())
            .ToList();
    }

    private static string Selector(string role) => role switch
    {
        "button" => "button, [role=button], a.mud-button-root",
        "link" => "a[href]",
        "table" => "table, [role=table]",
        "region" => "section[aria-label], section[aria-labelledby], [role=region]",
        "list" => "ul, ol, [role=list]",
        "listitem" => "li, [role=listitem]",
        "heading" => "h1, h2, h3, h4, h5, h6, [role=heading]",
        "radio" => "input[type=radio], [role=radio]",
        "figure" => "figure, [role=figure]",
        "group" => "fieldset, [role=group]",
        "checkbox" => "input[type=checkbox], [role=checkbox]",
        _ => $"[role={role}]",
    };

    /// <summary>aria-label, else aria-labelledby's text, else a &lt;label for&gt;, else the text a person reads.</summary>
    public static string Name(IRenderedComponent<IComponent> cut, IElement e)
    {
        if (e.GetAttribute("aria-label") is { } label)
        {
            return label;
        }
        if (e.GetAttribute("aria-labelledby") is { } by)
        {
            return string.Join(" ", by.Split(' ').Select(id => cut.FindAll($"#{id}").FirstOrDefault()?.TextContent.Trim()));
        }
        if (e.Id is { Length: > 0 } id && cut.FindAll($"label[for='{id}']").FirstOrDefault() is { } forLabel)
        {
            return forLabel.TextContent.Trim();
        }
        if (e.LocalName is "input" or "textarea")
        {
            return e.Closest("label") is { } wrapping ? Visible(wrapping).Trim() : string.Empty;
        }
        return Visible(e).Trim();
    }

    private static string Visible(INode node) => node switch
    {
        IElement e when e.GetAttribute("aria-hidden") == "true" || e.LocalName is "svg" => string.Empty,
        IElement or IDocumentFragment => string.Concat(node.ChildNodes.Select(Visible)),
        _ => node.NodeType == NodeType.Text ? node.TextContent : string.Empty,
    };
}
