using System.Net.Http.Json;
using System.Text.Json;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Memberships;

/// <summary>
/// A bearer membership used at check-out: receptionist A types its code (other case, spaces) in
/// the check-out window, the visit pays the massage and the appointment is checked out with no
/// payment; receptionist B, looking the membership up on the inventory page, sees its visits
/// left drop without a reload. On a service it does not cover, A is told so under the field.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class MembershipCheckOutTests(BrowserFixture browser, ClinicServer server) : IClassFixture<ClinicServer>
{
    private const string Pass = "E2E ten massages";
    private const decimal Price = 500m;
    private const string Code = "BEARER-77";

    [Fact]
    public async Task CheckOut_BearerCodeTypedInOtherCase_PaidByTheVisitAndOtherDeskSeesVisitsLeftLive()
    {
        using var http = server.CreateClient();
        using var api = server.Api;
        await SellBearerMembershipAsync(http, Pass, Code);
        var edith = await api.CreateClientAsync("Edith Bearer", "07700 900301");
        var frank = await api.CreateClientAsync("Frank Facial", "07700 900302");
        await api.BookAsync(edith.Id, ClinicServer.Massage, ClinicServer.Tess, ClinicServer.TodayAt(new TimeOnly(11, 0)));
        await api.BookAsync(frank.Id, ClinicServer.Facial, ClinicServer.Uma, ClinicServer.TodayAt(new TimeOnly(11, 0)));

        await using var personA = await browser.NewPersonAsync("receptionist-a", server.BaseAddress, StaffRole.Receptionist);
        await using var personB = await browser.NewPersonAsync("receptionist-b", server.BaseAddress, StaffRole.Receptionist);
        var a = new CalendarDesk(personA);
        await a.OpenAsync();
        var visits = await LookUpAsync(personB, Code.ToLowerInvariant(), Code);

        // A facial is not covered: the window says so under the field and keeps what was typed.
        await a.OpenAppointmentAsync("Frank Facial");
        await a.AppointmentDrawer.GetByRole(AriaRole.Button, new() { Name = "Check out", Exact = true }).ClickAsync();
        var facial = a.Page.GetByRole(AriaRole.Dialog, new() { Name = "Check out · Frank Facial" });
        await facial.GetByRole(AriaRole.Textbox, new() { Name = "Membership code" }).FillAsync(" bearer-77");
        await facial.GetByRole(AriaRole.Button, new() { Name = "Use membership" }).ClickAsync();
        await Expect(facial.GetByRole(AriaRole.Alert)).ToContainTextAsync("does not cover this service");
        await Expect(facial.GetByRole(AriaRole.Textbox, new() { Name = "Membership code" })).ToHaveValueAsync(" bearer-77");
        await Expect(facial.GetByLabel("Total 35.00 GBP")).ToBeVisibleAsync();
        await personA.ScreenshotAsync("70-membership-not-covered");
        await facial.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Expect(facial).ToBeHiddenAsync();
        await a.CloseAppointmentDrawerAsync();

        // The massage: the code in other case with spaces, Enter, and the visit pays it all.
        await a.OpenAppointmentAsync("Edith Bearer");
        await a.AppointmentDrawer.GetByRole(AriaRole.Button, new() { Name = "Check out", Exact = true }).ClickAsync();
        var checkOut = a.Page.GetByRole(AriaRole.Dialog, new() { Name = "Check out · Edith Bearer" });
        await Expect(checkOut.GetByLabel("Total 60.00 GBP")).ToBeVisibleAsync();
        await checkOut.GetByRole(AriaRole.Textbox, new() { Name = "Membership code" }).FillAsync("  bearer-77 ");
        await checkOut.GetByRole(AriaRole.Textbox, new() { Name = "Membership code" }).PressAsync("Enter");
        await Expect(checkOut.GetByRole(AriaRole.Status, new() { Name = $"Membership {Code} used" })).ToContainTextAsync("9 visits left");
        await Expect(checkOut.GetByLabel("Total 0.00 GBP")).ToBeVisibleAsync();
        await Expect(checkOut.GetByRole(AriaRole.Table, new() { Name = "Sale lines" })).ToContainTextAsync($"Paid from membership {Code}");
        await a.Page.SetViewportSizeAsync(1400, 900);
        await personA.ScreenshotAsync("71-membership-used-at-check-out-1400");
        await a.Page.SetViewportSizeAsync(390, 844);
        await personA.ScreenshotAsync("71-membership-used-at-check-out-390");
        await a.Page.SetViewportSizeAsync(1600, 1000);

        // B's open lookup follows without a reload.
        await Expect(visits).ToHaveTextAsync("1 of 10 visits used, 9 left");

        await checkOut.GetByRole(AriaRole.Button, new() { Name = "Confirm sale" }).ClickAsync();
        await Expect(checkOut).ToBeHiddenAsync();
        await Expect(a.DrawerStatus).ToHaveAccessibleNameAsync("Status: Checked out");
        await personB.ScreenshotAsync("72-membership-visits-left-live");

        var stored = (await api.AppointmentsTodayAsync()).Single(x => x.ClientName == "Edith Bearer");
        Assert.Equal(FrontDesk.Domain.Calendar.AppointmentStatus.Completed, stored.Status);
        var facialStored = (await api.AppointmentsTodayAsync()).Single(x => x.ClientName == "Frank Facial");
        Assert.Equal(FrontDesk.Domain.Calendar.AppointmentStatus.Booked, facialStored.Status);
    }

    /// <summary>
    /// The visit used in the check-out window, the window then closed without a sale: the drawer's
    /// check-out says the membership pays, and Give back returns the visit (the other desk sees it
    /// come back); the massage is then to be paid.
    /// </summary>
    [Fact]
    public async Task WindowClosedWithoutASale_TheDrawerGivesTheVisitBackAndOtherDeskSeesItLive()
    {
        const string undo = "UNDO-88";
        using var http = server.CreateClient();
        using var api = server.Api;
        await SellBearerMembershipAsync(http, "E2E ten massages to give back", undo);
        var gina = await api.CreateClientAsync("Gina Giveback", "07700 900303");
        await api.BookAsync(gina.Id, ClinicServer.Massage, ClinicServer.Tess, ClinicServer.TodayAt(new TimeOnly(13, 0)));

        await using var personA = await browser.NewPersonAsync("receptionist-a", server.BaseAddress, StaffRole.Receptionist);
        await using var personB = await browser.NewPersonAsync("receptionist-b", server.BaseAddress, StaffRole.Receptionist);
        var a = new CalendarDesk(personA);
        await a.OpenAsync();
        var visits = await LookUpAsync(personB, undo, undo);

        // The code is used in the window, which is then closed without a sale.
        await a.OpenAppointmentAsync("Gina Giveback");
        var drawerCheckOut = a.AppointmentDrawer.GetByRole(AriaRole.Button, new() { Name = "Check out", Exact = true });
        await drawerCheckOut.ClickAsync();
        var window = a.Page.GetByRole(AriaRole.Dialog, new() { Name = "Check out · Gina Giveback" });
        await window.GetByRole(AriaRole.Textbox, new() { Name = "Membership code" }).FillAsync(undo.ToLowerInvariant());
        await window.GetByRole(AriaRole.Textbox, new() { Name = "Membership code" }).PressAsync("Enter");
        await Expect(window.GetByLabel("Total 0.00 GBP")).ToBeVisibleAsync();
        await Expect(visits).ToHaveTextAsync("1 of 10 visits used, 9 left");
        await window.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Expect(window).ToBeHiddenAsync();

        // The drawer's check-out names the membership that pays, and gives the visit back.
        await drawerCheckOut.ClickAsync();
        await Expect(a.AppointmentDrawer.GetByRole(AriaRole.Heading, new() { Name = $"Paid from membership {undo}, nothing to pay" })).ToBeFocusedAsync();
        await personA.ScreenshotAsync("73-membership-visit-to-give-back");
        await a.AppointmentDrawer.GetByRole(AriaRole.Button, new() { Name = $"Give back the visit of membership {undo}" }).ClickAsync();
        await Expect(a.Page.GetByText($"The visit went back to membership {undo}: {ClinicServer.Massage.Name} is to be paid at check-out.")).ToBeVisibleAsync();
        await Expect(visits).ToHaveTextAsync("0 of 10 visits used, 10 left");

        // Now the massage is to be paid: the window opens with its price.
        await drawerCheckOut.ClickAsync();
        await Expect(window.GetByLabel("Total 60.00 GBP")).ToBeVisibleAsync();
        await window.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Expect(window).ToBeHiddenAsync();
        var stored = (await api.AppointmentsTodayAsync()).Single(x => x.ClientName == "Gina Giveback");
        Assert.Equal(FrontDesk.Domain.Calendar.AppointmentStatus.Booked, stored.Status);
    }

    /// <summary>Looks <paramref name="typed"/> up on the inventory page; returns its visits line, checked to show none used yet.</summary>
    private static async Task<ILocator> LookUpAsync(Person person, string typed, string code)
    {
        await person.Page.GotoAsync("/inventory");
        await Expect(person.Page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();
        await person.Page.GetByRole(AriaRole.Textbox, new() { Name = "Code to look up" }).FillAsync(typed);
        await person.Page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
        var visits = person.Page.GetByLabel($"{code} visits", new() { Exact = true });
        await Expect(visits).ToHaveTextAsync("0 of 10 visits used, 10 left");
        return visits;
    }

    private static async Task SellBearerMembershipAsync(HttpClient http, string name, string code)
    {
        using var created = await http.PostAsJsonAsync("api/v1/products", new
        {
            name,
            price = Price,
            isMembership = true,
            membership = new { validityDays = 90, serviceIds = new[] { ClinicServer.Massage.Id }, visits = 10 },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var productId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var arrived = await http.PostAsJsonAsync("api/v1/inventory/arrivals", new { lines = new[] { new { productId, quantity = 1 } } });
        Assert.True(arrived.IsSuccessStatusCode, await arrived.Content.ReadAsStringAsync());
        using var sold = await http.PostAsJsonAsync("api/v1/inventory/sales", new
        {
            lines = new[] { new { productId, quantity = 1, code } },
            payments = new[] { new { method = "Card", amount = Price } },
        });
        Assert.True(sold.IsSuccessStatusCode, await sold.Content.ReadAsStringAsync());
    }
}
