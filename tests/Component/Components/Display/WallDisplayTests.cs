using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Components.Display;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Tests.Component.Components.Display;

/// <summary>The wall display follows bookings made at any desk (through the fake feed) and shows no contact details.</summary>
public sealed class WallDisplayTests : ClinicTestContext
{
    // Booked appointments are "upcoming" whatever the time, so the test does not depend on when it runs.
    private Task<AppointmentView> BookTonightAsync(Guid client) =>
        AppointmentService.BookAsync(new BookAppointment(
            client, Seed.MassageId, Seed.ProviderId, Clock.ToUtc(Clock.LocalNow.Date.AddHours(22)), false, null, TestCallers.Manager(OtherDesk)));

    private IRenderedComponent<IComponent> RenderWall()
    {
        var cut = Render<WallDisplay>();
        cut.WaitForAssertion(() => Assert.DoesNotContain("Loading today's board…", cut.StatusTexts()), Patience);
        return cut;
    }

    /// <summary>The counters list's items as named, e.g. "Upcoming: 1".</summary>
    private static IReadOnlyList<string> Counters(IRenderedComponent<IComponent> cut) =>
        cut.Role("list", "Today so far").QuerySelectorAll("[role=listitem]").Select(i => i.GetAttribute("aria-label")!).ToList();

    [Fact]
    public void Render_EmptyDay_NamesEveryCounterAtZero()
    {
        var cut = RenderWall();

        Assert.Equal(["Upcoming: 0", "Checked in: 0", "In treatment: 0", "Completed: 0", "No-show: 0"], Counters(cut));
        Assert.Contains("No appointments today.", cut.Markup);
    }

    [Fact]
    public async Task LiveBooking_MadeAtADesk_AppearsInTheProvidersLaneWithoutReload()
    {
        var cut = RenderWall();

        await BookTonightAsync(Seed.JaneId);

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Upcoming: 1", Counters(cut));
            var lane = cut.Role("region", Seed.ProviderName);
            Assert.Contains(lane.QuerySelectorAll(".wall-entry"), e => e.GetAttribute("aria-label") == "22:00 Jane C., Swedish massage 60: upcoming");
        }, Patience);
    }

    [Fact]
    public async Task Render_ClientOnTheBoard_ShowsNoPhoneOrFullName()
    {
        await BookTonightAsync(Seed.JaneId);

        var cut = RenderWall();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".wall-entry")), Patience);
        Assert.DoesNotContain("07700", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Cooper", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveCancel_MadeAtADesk_LeavesTheBoard()
    {
        var booked = await BookTonightAsync(Seed.JohnId);
        var cut = RenderWall();
        cut.WaitForAssertion(() => Assert.Contains("Upcoming: 1", Counters(cut)), Patience);

        await AppointmentService.CancelAsync(booked.Id, "unwell", TestCallers.Manager(OtherDesk));

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Upcoming: 0", Counters(cut));
            Assert.Empty(cut.FindAll(".wall-entry"));
        }, Patience);
    }
}
