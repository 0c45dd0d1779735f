using System.Text.RegularExpressions;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Calendar;

/// <summary>
/// Issue 12: the drawer's "Check in" with "Redeem" is one command: the visit is booked from the
/// course and checked in together, and the desk sees both.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class RedeemAtCheckInTests(BrowserFixture browser, AllDayClinicServer server) : IClassFixture<AllDayClinicServer>
{
    private const string Course = "E2E redeem course x3";

    [Fact]
    public async Task CheckIn_RedeemFromCourse_ChecksInPaidFromTheCourse()
    {
        var later = LaterToday();
        using var api = server.Api;
        var client = await api.CreateClientAsync("Petra Pine", "07700 900311");
        var course = await api.CreateCourseAsync(Course, ClinicServer.Massage, 3, 150m);
        var record = await api.SellAsync(client.Id, course);
        var single = await api.BookAsync(client.Id, ClinicServer.Massage, ClinicServer.Uma, ClinicServer.TodayAt(later));
        Assert.Null(single.PackageRecordId);

        await using var person = await browser.NewPersonAsync("receptionist-redeem", server.BaseAddress, StaffRole.Receptionist);
        var desk = new CalendarDesk(person, server.ShiftStart);
        await desk.OpenAsync();
        await desk.OpenAppointmentAsync("Petra Pine");
        await desk.AppointmentDrawer.GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true }).ClickAsync();
        await Expect(desk.RedeemDialog).ToBeVisibleAsync();
        await desk.RedeemDialog.GetByRole(AriaRole.Button, new() { Name = $"Redeem from {Course}" }).ClickAsync();

        await Expect(desk.DrawerStatus).ToHaveAccessibleNameAsync("Status: Checked in");
        await Expect(desk.AppointmentDrawer.GetByText(new Regex("^" + Regex.Escape(Course) + ", session 1$"))).ToBeVisibleAsync();
        await person.ScreenshotAsync("redeem-at-check-in");
        var stored = await api.GetAppointmentAsync(single.Id);
        Assert.Equal((AppointmentStatus.CheckedIn, record.Id, 1), (stored.Status, stored.PackageRecordId, stored.PackageSession));
        var after = (await api.ClientPackagesAsync(client.Id)).Single(r => r.Id == record.Id);
        Assert.Equal(SessionState.Booked, after.Sessions.Single(s => s.Number == 1).State);
    }

    /// <summary>A 15-minute grid slot 2 hours ahead, inside today (the clinic works around the clock).</summary>
    private static TimeOnly LaterToday()
    {
        var now = AllDayClinicServer.Now;
        var minutes = now.Hour * 60 + now.Minute + 120;
        minutes -= minutes % 15;
        if (minutes + ClinicServer.Massage.Minutes > 23 * 60 + 59)
        {
            throw new InvalidOperationException($"It is {now:HH:mm} in {ClinicServer.Zone.Id}: this test needs a slot two hours ahead on the same day (run it before 21:00).");
        }
        return TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minutes));
    }
}
