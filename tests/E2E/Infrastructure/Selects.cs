using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Infrastructure;

/// <summary>Choosing from a MudSelect as a person does.</summary>
public static class Selects
{
    /// <summary>
    /// Opens <paramref name="combobox"/>, clicks the option named <paramref name="option"/>, and waits
    /// until the select shows it (<paramref name="shows"/>, the option's own name unless given).
    /// MudSelect gives the focus back to itself after a choice, by a call from the server that goes
    /// out before the render showing the choice; a field filled before that call lands loses its
    /// text to the select (a CI run lost a quantity this way). A person sees the choice first; so
    /// does this.
    /// </summary>
    public static async Task ChooseAsync(IPage page, ILocator combobox, string option, string? shows = null)
    {
        await combobox.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        // An input's value, or the text of a select drawn without an input (which holds its label too).
        var select = await combobox.ElementHandleAsync();
        await page.WaitForFunctionAsync(
            "([select, text]) => (select.value || select.textContent || '').includes(text)",
            new object[] { select, shows ?? option });
    }
}
