using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Components.Display;
using FrontDesk.Tests.Component.Infrastructure;

namespace FrontDesk.Tests.Component.Components.Display;

/// <summary>The wall display follows bookings made at any desk (through the fake feed) and shows no contact details.</summary>
public sealed class WallDisplayTests : ClinicTestContext
{
    // Booked appointments are "upcoming" whatever the time, so the test does not depend on when it runs.
    private Task<AppointmentView> BookTonightAsync(Guid client) =>
        AppointmentService.BookAsync(new BookAppointment(
            client, Seed.MassageId, Seed.ProviderId, Clock.ToUtc(Clock.LocalNow.Date.AddHours(22)), false, null, OtherDesk));

    private static string Counter(IRenderedComponent<WallDisplay> cut, string name) =>
        cut.Find($"li[aria-label^='{name}:']").GetAttribute("aria-label")!;

    [Fact]
    public async Task LiveBooking_MadeAtADesk_AppearsOnTheWallWithoutReload()
    {
        var cut = Render<WallDisplay>();
        cut.WaitForAssertion(() => Assert.Equal("Upcoming: 0", Counter(cut, "Upcoming")), Patience);

        await BookTonightAsync(Seed.JaneId);

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("Upcoming: 1", Counter(cut, "Upcoming"));
            Assert.Contains(cut.FindAll(".wall-entry"), e => e.GetAttribute("aria-label") == "22:00 Jane C., Swedish massage 60: upcoming");
        }, Patience);
    }

    [Fact]
    public async Task Render_ClientOnTheBoard_ShowsNoPhoneOrFullName()
    {
        await BookTonightAsync(Seed.JaneId);

        var cut = Render<WallDisplay>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".wall-entry")), Patience);
        Assert.DoesNotContain("07700", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Cooper", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveCancel_MadeAtADesk_LeavesTheBoard()
    {
        var booked = await BookTonightAsync(Seed.JohnId);
        var cut = Render<WallDisplay>();
        cut.WaitForAssertion(() => Assert.Equal("Upcoming: 1", Counter(cut, "Upcoming")), Patience);

        await AppointmentService.CancelAsync(booked.Id, "unwell", OtherDesk);

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("Upcoming: 0", Counter(cut, "Upcoming"));
            Assert.Empty(cut.FindAll(".wall-entry"));
        }, Patience);
    }
}
