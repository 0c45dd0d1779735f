using FrontDesk.Domain.Staff;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Security;

/// <summary>
/// The screens under the app's Content-Security-Policy in a real Chromium: the calendar, its
/// drawer and a MudDialog, the clients list, the wall display and /sales with its charts all
/// work, and the browser reports no error (a blocked script, style, image or socket is a
/// console error). A client whose name is markup shows as that text everywhere.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser, ClinicServer server) : IClassFixture<ClinicServer>
{
    private const string MarkupName = "<b>Ella</b><script>x</script>";
    private const string Phone = "07700 900777";
    private const string Email = "ella.markup@example.com";

    private static List<string> CollectErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add($"{page.Url}: page error {error}");
            }
        };
        return errors;
    }

    private async Task<Guid> ArrangeMarkupClientAsync()
    {
        using var http = server.CreateClient();
        using var created = await http.PostAsJsonAsync("api/v1/clients", new { name = MarkupName, phone = Phone, email = Email });
        created.EnsureSuccessStatusCode();
        var client = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        using var api = server.Api;
        var course = await api.CreateCourseAsync("CSP massage x3", ClinicServer.Massage, 3, 150m);
        await api.SellAsync(client, course);
        await api.BookAsync(client, ClinicServer.Massage, ClinicServer.Tess, ClinicServer.TodayAt(new TimeOnly(15, 0)));
        return client;
    }

    [Fact]
    public async Task Screens_UnderTheContentSecurityPolicy_WorkWithoutConsoleErrorsAndShowMarkupAsText()
    {
        await ArrangeMarkupClientAsync();
        await using var person = await browser.NewPersonAsync("csp-desk", server.BaseAddress, StaffRole.Receptionist);
        var errors = CollectErrors(person.Page);
        var desk = new CalendarDesk(person);

        // The calendar, under the policy the server sends.
        var response = await person.Page.GotoAsync("/");
        Assert.NotNull(response);
        Assert.Contains("script-src 'self'", (await response.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        await desk.WaitUntilInteractiveAsync();
        // (CalendarDesk.Appointment matches by a regex, which Playwright cannot parse with a "/" in it.)
        var block = person.Page.GetByRole(AriaRole.Region, new() { Name = "Calendar", Exact = true })
            .GetByRole(AriaRole.Button, new() { Name = MarkupName + ", " + ClinicServer.Massage.Name });
        await Expect(block).ToBeVisibleAsync();
        await Expect(block).ToContainTextAsync(MarkupName);

        // Its drawer, and the MudDialog that checking in opens (the client holds a course).
        await block.ClickAsync();
        await Expect(desk.AppointmentDrawer.GetByRole(AriaRole.Heading, new() { Name = MarkupName + ": open client profile", Exact = true })).ToBeVisibleAsync();
        await desk.AppointmentDrawer.GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true }).ClickAsync();
        var dialog = person.Page.GetByRole(AriaRole.Dialog, new() { Name = "Redeem service from course?" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync(MarkupName);
        await person.ScreenshotAsync("csp-01-calendar-dialog");
        await person.Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(person.Page.Locator("b", new() { HasText = "Ella" })).ToHaveCountAsync(0);

        // The clients list.
        await person.Page.GotoAsync("/clients");
        await Expect(person.Page.GetByText(MarkupName, new() { Exact = true }).First).ToBeVisibleAsync();
        await Expect(person.Page.Locator("b", new() { HasText = "Ella" })).ToHaveCountAsync(0);

        // The wall display: the name as text, no contact details.
        var wall = new WallDisplay(person);
        await wall.OpenAsync();
        var board = person.Page.Locator(".wall");
        await Expect(board).ToContainTextAsync("<b>Ella</b>");
        await Expect(person.Page.Locator("b", new() { HasText = "Ella" })).ToHaveCountAsync(0);
        var wallText = await person.Page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain(Phone, wallText, StringComparison.Ordinal);
        Assert.DoesNotContain("900777", wallText.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(Email, wallText, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"\S+@\S+\.\S+"), wallText);
        await person.ScreenshotAsync("csp-02-wall");

        // /sales and its charts.
        await person.Page.GotoAsync("/sales");
        await Expect(person.Page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();
        await Expect(person.Page.Locator("svg").First).ToBeVisibleAsync();
        await person.ScreenshotAsync("csp-03-sales");

        Assert.Empty(errors);
    }
}
