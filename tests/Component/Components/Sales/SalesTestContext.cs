using Bunit;
using FrontDesk.Dashboard.Memberships;
using FrontDesk.Dashboard.Sales;
using FrontDesk.Tests.Component.Components.Memberships;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FrontDesk.Tests.Component.Components.Sales;

/// <summary>
/// A seeded clinic (services, providers, products) whose selling goes to <see cref="FakeSaleService"/>,
/// on a desk clock the test moves on (the check-out prices again after a pause).
/// </summary>
public abstract class SalesTestContext : MembershipTestContext
{
    protected SalesTestContext()
    {
        Services.AddSingleton<ISaleService>(SaleService);
        Services.AddSingleton<TimeProvider>(Time);
    }

    protected FakeSaleService SaleService { get; } = new();

    protected FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

    /// <summary>A product for sale with its stock, known to the fake service's catalogue.</summary>
    protected async Task<ProductView> ProductAsync(string name = "Massage oil", decimal price = 12m, int stock = 10)
    {
        var product = await Memberships.CreateProductAsync(new SaveProduct(name, price, null, TestCallers.Manager(OtherDesk)));
        if (stock > 0)
        {
            await Memberships.ReceiveAsync([new StockLine(product.Id, stock)], null, TestCallers.Manager(OtherDesk));
        }
        SaleService.Catalogue[product.Id] = (name, price);
        return product;
    }

    /// <summary>A membership type the fake service knows.</summary>
    protected async Task<ProductView> MembershipTypeAsync()
    {
        var card = await MassageCardAsync();
        SaleService.Catalogue[card.Id] = (card.Name, card.Price);
        return card;
    }

    /// <summary>Lets the pause before pricing pass (the desk clock is a fake one).</summary>
    protected void PauseTyping() => Time.Advance(FrontDesk.Dashboard.Components.Sales.CheckOutDialog.PricingPause);

    /// <summary>
    /// Picks <paramref name="option"/> in the select named <paramref name="name"/>; once a select
    /// shows a value its accessible name is on its combobox rather than on an input.
    /// </summary>
    protected static async Task ChooseAsync(IRenderedComponent<IComponent> cut, string name, string option)
    {
        await cut.InvokeAsync(() => Named(cut, name).Closest(".mud-input-control")!.MouseDownAsync(new MouseEventArgs()));
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".mud-popover-open .mud-list-item"), i => i.TextContent.Trim() == option), TimeSpan.FromSeconds(15));
        await cut.InvokeAsync(() => cut.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == option).ClickAsync(new MouseEventArgs()));
    }

    /// <summary>The text a select shows now.</summary>
    protected static string Shown(IRenderedComponent<IComponent> cut, string name) =>
        Named(cut, name) is { LocalName: "input" } input ? input.GetAttribute("value") ?? "" : Named(cut, name).TextContent.Trim();

    /// <summary>Clicks the button named <paramref name="name"/> as it is now (the screen may have rendered since it was found).</summary>
    protected static Task ClickAsync(IRenderedComponent<IComponent> cut, string name) =>
        cut.InvokeAsync(() => cut.Button(name).ClickAsync(new MouseEventArgs()));

    /// <summary>Types into the field named <paramref name="name"/> as it is now.</summary>
    protected static Task TypeAsync(IRenderedComponent<IComponent> cut, string name, string text) =>
        cut.InvokeAsync(() => cut.TypeAsync(name, text));

    /// <summary>The rows of the simple table named <paramref name="name"/>, each as its cells' texts.</summary>
    protected static IReadOnlyList<IReadOnlyList<string>> TableRows(IRenderedComponent<IComponent> cut, string name) =>
        cut.Role("table", name).QuerySelectorAll("tbody tr")
            .Select(r => (IReadOnlyList<string>)r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();

    private static AngleSharp.Dom.IElement Named(IRenderedComponent<IComponent> cut, string name) =>
        cut.FindAll("[aria-label]").Where(e => e.GetAttribute("aria-label") == name && (e.LocalName == "input" || e.GetAttribute("role") == "combobox")).SingleOrDefault()
            ?? throw new ElementNotFoundException($"select '{name}'");

    /// <summary>The open dialog.</summary>
    protected static AngleSharp.Dom.IElement Dialog(IRenderedComponent<IComponent> cut) => cut.Find(".mud-dialog");
}

/// <summary>Nothing: a screen for the dialog providers alone, dialogs are opened by the test.</summary>
public sealed class EmptyScreen : ComponentBase
{
}
