using AngleSharp.Dom;
using Bunit;
using FrontDesk.Dashboard.Components.Memberships;
using FrontDesk.Dashboard.Memberships;
using FrontDesk.Domain.Memberships;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FrontDesk.Tests.Component.Components.Memberships;

/// <summary>/inventory: product dialog, write-off dialog, sale of several lines and the memberships sold.</summary>
public sealed class InventoryPageTests : MembershipTestContext
{
    private IRenderedComponent<IComponent> RenderInventory()
    {
        var cut = Render(MudQueries.WithProviders<InventoryPage>());
        cut.WaitForAssertion(() => Assert.True(cut.HasRole("table", "Products and stock") || cut.Markup.Contains("No products yet.", StringComparison.Ordinal)), Patience);
        return cut;
    }

    private static IElement Dialog(IRenderedComponent<IComponent> cut) => cut.Find(".mud-dialog");

    private async Task<ProductView> ProductAsync(string name = "Massage oil", decimal price = 12m, int stock = 10)
    {
        var product = await Memberships.CreateProductAsync(new SaveProduct(name, price, null, TestCallers.Manager(OtherDesk)));
        await Memberships.ReceiveAsync([new StockLine(product.Id, stock)], null, TestCallers.Manager(OtherDesk));
        return product;
    }

    private async Task<ProductView> StoredAsync(string name) => (await MembershipQueries.ProductsAsync()).Single(p => p.Name == name);

    [Fact]
    public async Task NewProduct_MembershipWithServiceAndVisits_SavedWithItsTerms()
    {
        var cut = RenderInventory();
        cut.Button("New product / membership type").Click(); // not awaited: the handler waits for the dialog to close
        cut.WaitForAssertion(() => Assert.NotNull(cut.Input("Product name")), Patience);

        await cut.TypeAsync("Product name", "Massage x10");
        await cut.TypeAsync("Product price", "300");
        await cut.Role("checkbox", "Membership (each unit has a code)").ChangeAsync(new ChangeEventArgs { Value = true });
        await cut.TypeAsync("Validity days", "90");
        await cut.ChooseAsync("Covered services", Seed.MassageName);
        await cut.TypeAsync("Visits", "10");
        await cut.Button("Save product").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Massage x10 added.", cut.StatusTexts()), Patience);
        var saved = await StoredAsync("Massage x10");
        Assert.Equal(300m, saved.Price);
        var terms = saved.Membership!;
        Assert.Equal((90, ValidityStart.Sale, (int?)10, (decimal?)null), (terms.ValidityDays, terms.ValidFrom, terms.Visits, terms.MoneyValue));
        Assert.Equal([Seed.MassageId], terms.ServiceIds);
    }

    [Fact]
    public async Task NewProduct_NoName_RefusedInsideTheDialogAndNothingSaved()
    {
        var cut = RenderInventory();
        cut.Button("New product / membership type").Click(); // not awaited: the handler waits for the dialog to close
        cut.WaitForAssertion(() => Assert.NotNull(cut.Input("Product name")), Patience);

        await cut.TypeAsync("Product price", "5");
        await cut.Button("Save product").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.NotNull(Dialog(cut).AlertText()), Patience);
        Assert.Empty(await MembershipQueries.ProductsAsync());
        Assert.Equal("5.00", cut.Input("Product price").GetAttribute("value"));
    }

    [Fact]
    public async Task EditProduct_NewPrice_Saved()
    {
        await ProductAsync("Massage oil", 12m);
        var cut = RenderInventory();
        cut.Button("Edit Massage oil").Click(); // not awaited: the handler waits for the dialog to close
        cut.WaitForAssertion(() => Assert.Equal("Massage oil", cut.Input("Product name").GetAttribute("value")), Patience);

        await cut.TypeAsync("Product price", "14.50");
        await cut.Button("Save product").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Massage oil saved.", cut.StatusTexts()), Patience);
        Assert.Equal(14.50m, (await StoredAsync("Massage oil")).Price);
    }

    [Fact]
    public async Task WriteOff_TwoLinesWithReason_TakesTheStock()
    {
        await ProductAsync("Massage oil", stock: 10);
        await ProductAsync("Towel", stock: 5);
        var cut = RenderInventory();
        cut.Button("Write off stock").Click(); // not awaited: the handler waits for the dialog to close
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Add write-off line")), Patience);

        await cut.ChooseAsync("Write-off line 1 product", "Massage oil (10 in stock)");
        await cut.TypeAsync("Write-off line 1 quantity", "2");
        await cut.Button("Add write-off line").ClickAsync(new MouseEventArgs());
        await cut.ChooseAsync("Write-off line 2 product", "Towel (5 in stock)");
        await cut.TypeAsync("Write-off reason", "Broken in transit");
        await cut.Button("Write off").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Written off: 2 × Massage oil, 1 × Towel.", cut.StatusTexts()), Patience);
        Assert.Equal(8, (await StoredAsync("Massage oil")).Stock);
        Assert.Equal(4, (await StoredAsync("Towel")).Stock);
    }

    [Fact]
    public async Task WriteOff_NoReason_RefusedInsideTheDialogAndStockUnchanged()
    {
        await ProductAsync("Massage oil", stock: 10);
        var cut = RenderInventory();
        cut.Button("Write off stock").Click(); // not awaited: the handler waits for the dialog to close
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Add write-off line")), Patience);

        await cut.ChooseAsync("Write-off line 1 product", "Massage oil (10 in stock)");
        await cut.Button("Write off").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.NotNull(Dialog(cut).AlertText()), Patience);
        Assert.Equal(10, (await StoredAsync("Massage oil")).Stock);
    }

    [Fact]
    public async Task Sell_TwoMembershipLinesTypedAndGenerated_ShowsEachLinesCode()
    {
        var card = await MassageCardAsync(stock: 5);
        var cut = RenderInventory();

        await cut.ChooseAsync("Line 1 product", "Massage card (200.00)");
        await cut.TypeAsync("Line 1 code", "4821-1126");
        await cut.Button("Add line").ClickAsync(new MouseEventArgs());
        await cut.ChooseAsync("Line 2 product", "Massage card (200.00)");
        await cut.Button("Generate code for line 2").ClickAsync(new MouseEventArgs());
        await cut.TypeAsync("Payment 1 amount", "400");
        await cut.Button("Sell").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal(2, cut.Role("table", "Last sale").QuerySelectorAll("tbody tr").Length), Patience);
        var codes = cut.Role("table", "Last sale").QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td")[3].TextContent.Trim()).ToList();
        Assert.Equal("4821-1126", codes[0]);
        Assert.NotEqual("–", codes[1]);
        Assert.Equal(codes[1], (await MembershipQueries.ByCodeAsync(codes[1])).Code);
        Assert.Equal(3, (await MembershipQueries.ProductAsync(card.Id))!.Stock);
    }

    [Fact]
    public async Task Sell_MembershipLine_ShowsQuantityOneAndNoQuantityField()
    {
        await MassageCardAsync();
        var cut = RenderInventory();

        await cut.ChooseAsync("Line 1 product", "Massage card (200.00)");

        Assert.True(cut.FindAll("[aria-label='Line 1 quantity 1 (each membership is its own line)']").Count == 1);
        Assert.DoesNotContain(cut.FindAll("input"), i => i.GetAttribute("aria-label") == "Line 1 quantity");
    }

    [Fact]
    public async Task Sell_CodeAlreadyTaken_RefusedInlineAndStockUnchanged()
    {
        var card = await MassageCardAsync(stock: 5);
        await SellAsync(card, "GIFT-7");
        var cut = RenderInventory();

        await cut.ChooseAsync("Line 1 product", "Massage card (200.00)");
        await cut.TypeAsync("Line 1 code", " gift-7 ");
        await cut.TypeAsync("Payment 1 amount", "200");
        await cut.Button("Sell").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.NotNull(cut.AlertText()), Patience);
        Assert.Contains("already", cut.AlertText()!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(4, (await MembershipQueries.ProductAsync(card.Id))!.Stock);
    }

    [Fact]
    public async Task Sell_ProductQuantityThree_TakesThreeFromStock()
    {
        var oil = await ProductAsync("Massage oil", 12m, stock: 10);
        var cut = RenderInventory();

        await cut.ChooseAsync("Line 1 product", "Massage oil (12.00)");
        await cut.TypeAsync("Line 1 quantity", "3");
        await cut.ChooseAsync("Payment 1 method", "Cash");
        await cut.TypeAsync("Payment 1 amount", "36");
        await cut.Button("Sell").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains(cut.StatusTexts(), s => s.StartsWith("Sold for 36.00", StringComparison.Ordinal)), Patience);
        Assert.Equal(7, (await MembershipQueries.ProductAsync(oil.Id))!.Stock);
    }

    [Fact]
    public async Task Sell_PaymentFollowsTheTotalUntilChanged()
    {
        await ProductAsync("Massage oil", 12m, stock: 10);
        var cut = RenderInventory();

        await cut.ChooseAsync("Line 1 product", "Massage oil (12.00)");
        cut.WaitForAssertion(() => Assert.Equal("12.00", cut.Input("Payment 1 amount").GetAttribute("value")), Patience);
        await cut.TypeAsync("Line 1 quantity", "3");
        cut.WaitForAssertion(() => Assert.Equal("36.00", cut.Input("Payment 1 amount").GetAttribute("value")), Patience);

        // Once the person sets the amount, the total no longer moves it.
        await cut.TypeAsync("Payment 1 amount", "20");
        await cut.TypeAsync("Line 1 quantity", "2");
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("p.muted"), p => p.TextContent.Contains("paying 20.00 GBP, 4.00 GBP still due", StringComparison.Ordinal)), Patience);
        Assert.Equal("20.00", cut.Input("Payment 1 amount").GetAttribute("value"));
    }

    [Fact]
    public async Task Report_DefaultPeriod_ListsTheSaleInBusinessTimeWithADownloadForTheseDays()
    {
        var card = await MassageCardAsync();
        await SellAsync(card, "JANE-5", Seed.JaneId);
        var sold = await MembershipQueries.ByCodeAsync("JANE-5");

        var cut = RenderInventory();

        var row = cut.Role("table", "Memberships sold").QuerySelectorAll("tbody tr").Single().QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal([Clock.ToLocal(sold.SoldAt).ToString("d MMM yyyy HH:mm"), "JANE-5", "Massage card", "Jane Cooper", "200.00 GBP"], row);
        Assert.Equal($"/downloads/memberships.csv?from={Clock.Today.AddDays(-29):yyyy-MM-dd}&to={Clock.Today:yyyy-MM-dd}", cut.Role("button", "Download CSV").GetAttribute("href"));
    }
}
