using System.Text.RegularExpressions;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Display;

/// <summary>
/// Issue "wall display": two receptionists and the wall display, three browser contexts on one
/// real server. What a desk does shows on the other desk and on the wall without a reload.
/// Times are picked relative to now (the clinic works around the clock here), so the stage the
/// wall shows is fixed: a check-in for later today is "checked in", one that started a quarter
/// of an hour ago is "in treatment".
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class WallDisplayTests(BrowserFixture browser, AllDayClinicServer server) : IClassFixture<AllDayClinicServer>
{
    private const string Course = "E2E massage x3";

    [Fact]
    public async Task DeskActions_BookCheckInAndRedeem_FollowLiveOnTheOtherDeskAndTheWall()
    {
        var (started, later) = PickSlots();
        using var api = server.Api;
        await api.CreateClientAsync("Nora Nightingale", "07700 900301");
        var redeemer = await api.CreateClientAsync("Olga Oakley", "07700 900302");
        var course = await api.CreateCourseAsync(Course, ClinicServer.Massage, 3, 150m);
        var record = await api.SellAsync(redeemer.Id, course);

        await using var personA = await browser.NewPersonAsync("receptionist-a", server.BaseAddress, StaffRole.Receptionist);
        await using var personB = await browser.NewPersonAsync("receptionist-b", server.BaseAddress, StaffRole.Receptionist);
        await using var wall = await browser.NewPersonAsync("wall-display", server.BaseAddress, StaffRole.Display);
        var a = new CalendarDesk(personA, server.ShiftStart);
        var b = new CalendarDesk(personB, server.ShiftStart);
        var display = new WallDisplay(wall);
        await a.OpenAsync();
        await b.OpenAsync();
        await display.OpenAsync();
        var before = await display.CountersAsync();

        // 1. A books Nora later today through the drawer; B's calendar and the wall follow.
        await a.ClickSlotAsync(ClinicServer.Tess, later);
        await a.SearchAndChooseClientAsync("nightin", "Nora Nightingale");
        await a.ChooseServiceAsync(ClinicServer.Facial);
        await a.SaveBookingAsync();
        await Expect(a.BookingDrawer).ToBeHiddenAsync();

        var nora = $"Nora Nightingale, {ClinicServer.Facial.Name} with {ClinicServer.Tess.Name}, {later:HH\\:mm} to {later.AddMinutes(30):HH\\:mm}: ";
        await Expect(b.Appointment("Nora Nightingale")).ToHaveAccessibleNameAsync(nora + "Booked");
        await display.ExpectCounterAsync("Upcoming", before["Upcoming"] + 1);
        await Expect(display.WaitingEntry(ClinicServer.Tess, WallDisplay.EntryLabel(later, "Nora N.", ClinicServer.Facial, "upcoming"))).ToBeVisibleAsync();
        await wall.ScreenshotAsync("10-wall-booking-arrived");

        // 2. B checks Nora in (she is early): A and the wall show "checked in", not yet in treatment.
        await b.OpenAppointmentAsync("Nora Nightingale");
        await b.AppointmentDrawer.GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true }).ClickAsync();
        await Expect(b.DrawerStatus).ToHaveAccessibleNameAsync("Status: Checked in");
        await Expect(a.Appointment("Nora Nightingale")).ToHaveAccessibleNameAsync(nora + "Checked in");
        await Expect(display.WaitingEntry(ClinicServer.Tess, WallDisplay.EntryLabel(later, "Nora N.", ClinicServer.Facial, "checked in"))).ToBeVisibleAsync();
        await display.ExpectCounterAsync("Checked in", before["Checked in"] + 1);
        await display.ExpectCounterAsync("Upcoming", before["Upcoming"]);
        await wall.ScreenshotAsync("11-wall-checked-in");
        await b.CloseAppointmentDrawerAsync();

        // 3. A books Olga from the first green circle of her course, in a slot that started a quarter of an hour ago.
        await a.ClickSlotAsync(ClinicServer.Uma, started);
        await a.SearchAndChooseClientAsync("oakley", "Olga Oakley");
        await a.ChooseServiceAsync(ClinicServer.Massage);
        await Expect(a.BookingCircle(Course, 1, 3)).ToHaveAccessibleNameAsync($"{Course}, session 1 of 3: free");
        await a.BookingCircle(Course, 1, 3).ClickAsync();
        await Expect(a.BookingCircle(Course, 1, 3)).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(a.BookingCircle(Course, 1, 3)).ToHaveAccessibleNameAsync($"{Course}, session 1 of 3: free, selected");
        await personA.ScreenshotAsync("12-drawer-green-circle-selected");
        await a.SaveBookingAsync();
        await Expect(a.BookingDrawer).ToBeHiddenAsync();

        var olga = $"Olga Oakley, {ClinicServer.Massage.Name} with {ClinicServer.Uma.Name}, {started:HH\\:mm} to {started.AddMinutes(60):HH\\:mm}, course session 1: ";
        await Expect(b.Appointment("Olga Oakley")).ToHaveAccessibleNameAsync(olga + "Booked");
        await Expect(display.WaitingEntry(ClinicServer.Uma, WallDisplay.EntryLabel(started, "Olga O.", ClinicServer.Massage, "upcoming"))).ToBeVisibleAsync();
        await display.ExpectCounterAsync("Upcoming", before["Upcoming"] + 1);

        // A keeps Olga's appointment open; its circle is this booking's, orange.
        await a.OpenAppointmentAsync("Olga Oakley");
        await Expect(a.DrawerStatus).ToHaveAccessibleNameAsync("Status: Booked");
        await Expect(a.AppointmentCircle(Course, 1, 3)).ToHaveAccessibleNameAsync(new Regex("^" + Regex.Escape($"{Course}, session 1 of 3: booked")));

        // 4. B checks Olga in: her treatment has started, so the wall puts her in Uma's "Now".
        await b.OpenAppointmentAsync("Olga Oakley");
        await b.AppointmentDrawer.GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true }).ClickAsync();
        await Expect(b.DrawerStatus).ToHaveAccessibleNameAsync("Status: Checked in");
        await Expect(a.DrawerStatus).ToHaveAccessibleNameAsync("Status: Checked in");
        await Expect(display.NowEntry(ClinicServer.Uma, WallDisplay.EntryLabel(started, "Olga O.", ClinicServer.Massage, "in treatment"))).ToBeVisibleAsync();
        await display.ExpectCounterAsync("In treatment", before["In treatment"] + 1);
        await wall.ScreenshotAsync("13-wall-in-treatment");

        // 5. B checks her out: the course pays for it, nothing is due.
        await b.AppointmentDrawer.GetByRole(AriaRole.Button, new() { Name = "Check out", Exact = true }).ClickAsync();
        await Expect(b.AppointmentDrawer.GetByRole(AriaRole.Heading, new() { Name = $"Covered by {Course}, nothing to pay" })).ToBeVisibleAsync();
        await Expect(b.AppointmentDrawer.GetByRole(AriaRole.Spinbutton)).ToHaveCountAsync(0);
        await personB.ScreenshotAsync("14-check-out-nothing-due");
        await b.AppointmentDrawer.GetByRole(AriaRole.Button, new() { Name = "Check out", Exact = true }).ClickAsync();
        await Expect(b.DrawerStatus).ToHaveAccessibleNameAsync("Status: Checked out");

        await Expect(b.Appointment("Olga Oakley")).ToHaveAccessibleNameAsync(olga + "Checked out");
        await Expect(a.DrawerStatus).ToHaveAccessibleNameAsync("Status: Checked out");
        await Expect(a.AppointmentDrawer.GetByRole(AriaRole.Status).Filter(new() { HasText = "Updated: now checked out." })).ToBeVisibleAsync();
        await Expect(a.Appointment("Olga Oakley")).ToHaveAccessibleNameAsync(olga + "Checked out");
        await display.ExpectCounterAsync("Completed", before["Completed"] + 1);
        await display.ExpectCounterAsync("In treatment", before["In treatment"]);
        await Expect(display.Entry(WallDisplay.EntryLabel(started, "Olga O.", ClinicServer.Massage, "in treatment"))).ToHaveCountAsync(0);
        await Expect(display.Lane(ClinicServer.Uma).Locator("footer")).ToHaveTextAsync(new Regex(@"^\d+ done"));
        await personA.ScreenshotAsync("15-drawer-followed-check-out");
        await wall.ScreenshotAsync("16-wall-completed");

        // The course really paid: session 1 is redeemed (red), the other two still free.
        var after = (await api.ClientPackagesAsync(redeemer.Id)).Single(r => r.Id == record.Id);
        Assert.Equal([SessionState.Redeemed, SessionState.Free, SessionState.Free], after.Sessions.OrderBy(s => s.Number).Select(s => s.State));
        var stored = (await api.AppointmentsTodayAsync()).Single(x => x.ClientName == "Olga Oakley");
        Assert.Equal(FrontDesk.Domain.Calendar.AppointmentStatus.Completed, stored.Status);
        Assert.Equal((record.Id, 1), (stored.PackageRecordId, stored.PackageSession));
    }

    /// <summary>
    /// A slot that started 15-30 minutes ago (before the wall loaded, so it is "in treatment"
    /// once checked in) and one 75-90 minutes ahead (so a check-in there stays "checked in"
    /// for the whole test), both on the calendar's 15-minute grid and inside today.
    /// </summary>
    private static (TimeOnly Started, TimeOnly Later) PickSlots()
    {
        var now = AllDayClinicServer.Now;
        var minutes = now.Hour * 60 + now.Minute;
        var slot = minutes - minutes % 15;
        if (slot < 15 || slot + 90 + ClinicServer.Facial.Minutes > 23 * 60 + 59)
        {
            throw new InvalidOperationException(
                $"It is {now:HH:mm} in {ClinicServer.Zone.Id}: this test needs a slot 15 minutes ago and one 90 minutes ahead on the same day (run it between 00:30 and 22:00).");
        }
        return (TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(slot - 15)), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(slot + 90)));
    }
}
