using Bunit;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Components.Quotes;
using FrontDesk.Dashboard.Quotes;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Components.Quotes;

/// <summary>A draft quote's prescribed items edited on the client's profile, over the real quote service.</summary>
public sealed class ClientQuotesItemsTests : ClinicTestContext
{
    private const string Label = "Quote: Skin plan";

    private QuoteService Quotes => Services.GetRequiredService<QuoteService>();

    /// <summary>Jane's draft quote "Skin plan": 3 massages at 60.00.</summary>
    private async Task<QuoteView> DraftAsync()
    {
        var template = await Quotes.CreateTemplateAsync(new SaveQuoteTemplate("Skin plan", [new PrescribedItemView(Seed.MassageId, 3, 60m)], 90, TestCallers.Manager(OtherDesk)));
        return await Quotes.CreateQuoteAsync(new CreateQuote(Seed.JaneId, template.Id, "Skin plan", null, false, null, null, null, TestCallers.Manager(OtherDesk)));
    }

    private async Task<IRenderedComponent<IComponent>> RenderQuotesAsync()
    {
        var jane = (await Services.GetRequiredService<ClientFileQueries>().FileAsync(Seed.JaneId))!.Client;
        var cut = RenderWithProviders<ClientQuotes>(p => p.Add(q => q.Client, jane));
        cut.WaitForAssertion(() => Assert.True(cut.HasRole("article", Label)), Patience);
        return cut;
    }

    private async Task<IRenderedComponent<IComponent>> EditAsync()
    {
        var cut = await RenderQuotesAsync();
        await cut.InvokeAsync(() => cut.Button($"Edit items of {Label}").ClickAsync(new MouseEventArgs()));
        cut.WaitForAssertion(() => Assert.True(cut.HasRole("form", $"Prescribed items of {Label}")), Patience);
        return cut;
    }

    private async Task<IReadOnlyList<(string Service, int Prescribed, decimal Price)>> SavedItemsAsync() =>
        (await Services.GetRequiredService<QuoteQueries>().ClientQuotesAsync(Seed.JaneId)).Single().Items.Select(i => (i.ServiceName, i.Prescribed, i.Price)).ToList();

    private static Task ClickAsync(IRenderedComponent<IComponent> cut, string name) =>
        cut.InvokeAsync(() => cut.Button(name).ClickAsync(new MouseEventArgs()));

    private static Task TypeAsync(IRenderedComponent<IComponent> cut, string name, string text) =>
        cut.InvokeAsync(() => cut.TypeAsync(name, text));

    /// <summary>Picks <paramref name="option"/> in the select named <paramref name="name"/> (its input, or its combobox once it shows a value).</summary>
    private static async Task ChooseAsync(IRenderedComponent<IComponent> cut, string name, string option)
    {
        var select = cut.FindAll("[aria-label]").Single(e => e.GetAttribute("aria-label") == name && (e.LocalName == "input" || e.GetAttribute("role") == "combobox"));
        await cut.InvokeAsync(() => select.Closest(".mud-input-control")!.MouseDownAsync(new MouseEventArgs()));
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".mud-popover-open .mud-list-item"), i => i.TextContent.Trim() == option), Patience);
        await cut.InvokeAsync(() => cut.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == option).ClickAsync(new MouseEventArgs()));
    }

    [Fact]
    public async Task SaveItems_QuantityChangedAndItemAdded_SavesThemAndClosesTheForm()
    {
        await DraftAsync();
        var cut = await EditAsync();

        await TypeAsync(cut, "Quantity of item 1", "4");
        await ClickAsync(cut, "Add item");
        await ChooseAsync(cut, "Service of item 2", "Physio follow-up");
        await TypeAsync(cut, "Price of item 2", "40");
        await ClickAsync(cut, "Save items");

        cut.WaitForAssertion(() => Assert.Contains("The quote's items are saved.", cut.StatusTexts()), Patience);
        Assert.Equal([("Swedish massage 60", 4, 60m), ("Physio follow-up", 1, 40m)], await SavedItemsAsync());
        Assert.False(cut.HasRole("form", $"Prescribed items of {Label}"));
    }

    [Fact]
    public async Task ChooseService_NewRow_TakesTheServicePrice()
    {
        await DraftAsync();
        var cut = await EditAsync();
        await ClickAsync(cut, "Add item");

        await ChooseAsync(cut, "Service of item 2", "Physio follow-up");

        cut.WaitForAssertion(() => Assert.Equal("45.00", cut.Input("Price of item 2").GetAttribute("value")), Patience);
    }

    [Fact]
    public async Task SaveItems_QuantityZero_RefusedInlineAndNothingChanges()
    {
        await DraftAsync();
        var cut = await EditAsync();

        await TypeAsync(cut, "Quantity of item 1", "0");
        await ClickAsync(cut, "Save items");

        cut.WaitForAssertion(() => Assert.Equal("Item 1: the quantity is at least 1.", cut.AlertText()), Patience);
        Assert.Equal([("Swedish massage 60", 3, 60m)], await SavedItemsAsync());
    }

    [Fact]
    public async Task SaveItems_NegativePrice_RefusedInlineAndNothingChanges()
    {
        await DraftAsync();
        var cut = await EditAsync();

        await TypeAsync(cut, "Price of item 1", "-5");
        await ClickAsync(cut, "Save items");

        cut.WaitForAssertion(() => Assert.Equal("Item 1: a price cannot be negative.", cut.AlertText()), Patience);
        Assert.Equal([("Swedish massage 60", 3, 60m)], await SavedItemsAsync());
    }

    [Fact]
    public async Task SaveItems_EveryItemRemoved_RefusedInlineAndNothingChanges()
    {
        await DraftAsync();
        var cut = await EditAsync();

        await ClickAsync(cut, "Remove item 1");
        await ClickAsync(cut, "Save items");

        cut.WaitForAssertion(() => Assert.Equal("Add at least one item: a quote prescribes something.", cut.AlertText()), Patience);
        Assert.Equal([("Swedish massage 60", 3, 60m)], await SavedItemsAsync());
    }

    [Fact]
    public async Task SaveItems_QuoteConfirmedAtAnotherDeskMeanwhile_ShowsTheRefusalAndNothingChanges()
    {
        var quote = await DraftAsync();
        var cut = await EditAsync();
        await TypeAsync(cut, "Quantity of item 1", "5");

        await Quotes.ConfirmAsync(quote.Id, TestCallers.Manager(OtherDesk));
        await ClickAsync(cut, "Save items");

        cut.WaitForAssertion(() => Assert.Equal("This quote is confirmed: its items can no longer change.", cut.AlertText()), Patience);
        Assert.Equal([("Swedish massage 60", 3, 60m)], await SavedItemsAsync());
    }

    [Fact]
    public async Task Render_ConfirmedQuote_HasNoEditItems()
    {
        var quote = await DraftAsync();
        await Quotes.ConfirmAsync(quote.Id, TestCallers.Manager(OtherDesk));

        var cut = await RenderQuotesAsync();

        Assert.True(cut.HasButton($"Sell from {Label}"));
        Assert.False(cut.HasButton($"Edit items of {Label}"));
    }
}
