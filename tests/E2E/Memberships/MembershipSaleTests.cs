using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Memberships;

/// <summary>
/// Two receptionists sell a membership at the same moment and type the same code (one in
/// capitals, one not): one sale goes through, the other desk is told the code is taken and
/// nothing of its sale is kept. The manager's live sales screen shows the membership sold, and
/// the stock both desks see goes down, without a reload.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class MembershipSaleTests(BrowserFixture browser, ClinicServer server) : IClassFixture<ClinicServer>
{
    private const string Pass = "E2E massage pass";
    private const decimal Price = 240m;

    [Fact]
    public async Task Sell_TwoDesksTypeTheSameCodeAtOnce_OneSaleTheOtherToldAndSalesScreenAndStockLive()
    {
        using var http = server.CreateClient();
        var productId = await CreateMembershipTypeAsync(http);
        await ReceiveAsync(http, productId, 5);

        await using var manager = await browser.NewPersonAsync("manager", server.BaseAddress, StaffRole.Manager);
        await using var deskA = await browser.NewPersonAsync("receptionist-a", server.BaseAddress, StaffRole.Receptionist);
        await using var deskB = await browser.NewPersonAsync("receptionist-b", server.BaseAddress, StaffRole.Receptionist);
        await OpenAsync(manager.Page, "/sales");
        await Expect(manager.Page.GetByRole(AriaRole.Group, new() { Name = "Memberships sold: 0" })).ToBeVisibleAsync();
        await OpenAsync(deskA.Page, "/inventory");
        await OpenAsync(deskB.Page, "/inventory");
        await Expect(Stock(deskA.Page)).ToHaveTextAsync("5");

        await PutSaleTogetherAsync(deskA.Page, "LENA-1126");
        await PutSaleTogetherAsync(deskB.Page, " lena-1126 ");
        await deskB.ScreenshotAsync("60-membership-sale-ready");

        await Task.WhenAll(Sell(deskA.Page).ClickAsync(), Sell(deskB.Page).ClickAsync());

        // One desk shows its sale with the code; the other is told why and keeps what it typed.
        foreach (var desk in new[] { deskA, deskB })
        {
            await Expect(desk.Page.GetByRole(AriaRole.Table, new() { Name = "Last sale" }).Or(desk.Page.GetByRole(AriaRole.Alert))).ToBeVisibleAsync();
        }
        var (winner, loser) = await deskA.Page.GetByRole(AriaRole.Table, new() { Name = "Last sale" }).IsVisibleAsync() ? (deskA, deskB) : (deskB, deskA);
        // The code is kept as the winner typed it (trimmed): either desk may win the race.
        await Expect(winner.Page.GetByRole(AriaRole.Table, new() { Name = "Last sale" })).ToContainTextAsync("LENA-1126", new() { IgnoreCase = true });
        await Expect(loser.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("already");
        await Expect(loser.Page.GetByRole(AriaRole.Table, new() { Name = "Last sale" })).ToHaveCountAsync(0);
        await Expect(loser.Page.GetByRole(AriaRole.Textbox, new() { Name = "Line 1 code" })).ToHaveValueAsync(loser == deskA ? "LENA-1126" : " lena-1126 ");
        await loser.ScreenshotAsync("61-membership-code-taken-by-other-desk");

        // Stock went down once, on both desks' screens, without a reload.
        await Expect(Stock(deskA.Page)).ToHaveTextAsync("4");
        await Expect(Stock(deskB.Page)).ToHaveTextAsync("4");

        // The manager's live sales screen counts the membership and its money.
        await Expect(manager.Page.GetByRole(AriaRole.Group, new() { Name = "Memberships sold: 1" })).ToBeVisibleAsync();
        await Expect(manager.Page.GetByRole(AriaRole.Group, new() { Name = "Memberships: " }).First).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex(@"240\.00"));
        await manager.ScreenshotAsync("62-membership-on-live-sales");

        // The loser can sell under another code at once: a refused sale kept nothing.
        await loser.Page.GetByRole(AriaRole.Textbox, new() { Name = "Line 1 code" }).FillAsync("LENA-1126-B");
        await Sell(loser.Page).ClickAsync();
        await Expect(loser.Page.GetByRole(AriaRole.Table, new() { Name = "Last sale" })).ToContainTextAsync("LENA-1126-B");
        await Expect(Stock(winner.Page)).ToHaveTextAsync("3");
        await Expect(manager.Page.GetByRole(AriaRole.Group, new() { Name = "Memberships sold: 2" })).ToBeVisibleAsync();

        // The API agrees: two memberships, looked up without case, stock 3.
        using var first = await http.GetAsync("api/v1/memberships/lena-1126");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var product = await http.GetAsync($"api/v1/products/{productId}");
        Assert.Equal(3, (await product.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stock").GetInt32());
    }

    private static ILocator Stock(IPage page) => page.GetByLabel($"{Pass} stock:", new() { Exact = false });

    private static ILocator Sell(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Sell", Exact = true });

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await Expect(page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();
    }

    private static async Task PutSaleTogetherAsync(IPage page, string code)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Line 1 product" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = $"{Pass} ({Price:0.00})" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Line 1 code" }).FillAsync(code);
        await page.GetByRole(AriaRole.Spinbutton, new() { Name = "Payment 1 amount" }).Or(page.GetByRole(AriaRole.Textbox, new() { Name = "Payment 1 amount" })).FillAsync(Price.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Spinbutton, new() { Name = "Payment 1 amount" }).Or(page.GetByRole(AriaRole.Textbox, new() { Name = "Payment 1 amount" })).BlurAsync();
        await Expect(Sell(page)).ToBeEnabledAsync();
    }

    private static async Task<Guid> CreateMembershipTypeAsync(HttpClient http)
    {
        using var created = await http.PostAsJsonAsync("api/v1/products", new
        {
            name = Pass,
            price = Price,
            isMembership = true,
            membership = new { validityDays = 90, serviceIds = new[] { ClinicServer.Massage.Id }, visits = 5 },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task ReceiveAsync(HttpClient http, Guid productId, int quantity)
    {
        using var arrived = await http.PostAsJsonAsync("api/v1/inventory/arrivals", new { lines = new[] { new { productId, quantity } } });
        Assert.True(arrived.IsSuccessStatusCode, await arrived.Content.ReadAsStringAsync());
    }
}
