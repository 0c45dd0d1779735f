using AngleSharp.Dom;
using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Components.Calendar;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Store.Calendar;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Components.Calendar;

/// <summary>The booking drawer and the clinic's set-up: active services the provider performs, free times from availability, the manager's override.</summary>
public sealed class BookingDrawerAvailabilityTests : ClinicTestContext
{
    private const string Massage = "Swedish massage 60";

    private CatalogService Catalog => Services.GetRequiredService<CatalogService>();

    private DateOnly Tomorrow => DateOnly.FromDateTime(TestClinic.TomorrowAt(0));

    /// <summary>Alex works 09:00-17:00 every day with a break 12:00-13:00; tomorrow is a day off when <paramref name="dayOffReason"/> is given.</summary>
    private Task SetHoursAsync(string? dayOffReason = null) =>
        Catalog.SetScheduleAsync(new SetSchedule(Seed.ProviderId,
            Enum.GetValues<DayOfWeek>().Select(d => new WeeklyHoursView(d, new TimeOnly(9, 0), new TimeOnly(17, 0), [new BreakView(new TimeOnly(12, 0), new TimeOnly(13, 0))])).ToList(),
            dayOffReason is null ? [] : [new ExceptionView(Tomorrow, true, null, null, [], dayOffReason)],
            TestCallers.Manager(OtherDesk)));

    private IRenderedComponent<IComponent> RenderDrawer(int hour = 10)
    {
        var cut = RenderWithProviders<BookingDrawer>(p => p
            .Add(d => d.Start, TestClinic.TomorrowAt(hour))
            .Add(d => d.ProviderId, Seed.ProviderId));
        cut.WaitForAssertion(() => Assert.Equal(Seed.ProviderName, cut.Combobox("Provider").GetAttribute("value")), Patience);
        return cut;
    }

    private static IElement Drawer(IRenderedComponent<IComponent> cut) => cut.ByRole("region", "New appointment");

    private static async Task ChooseServiceAsync(IRenderedComponent<IComponent> cut, string service)
    {
        await cut.Combobox("Service").Closest(".mud-input-control")!.MouseDownAsync(new MouseEventArgs());
        await cut.OpenOption(service).ClickAsync(new MouseEventArgs());
    }

    private static async Task ChooseJaneAsync(IRenderedComponent<IComponent> cut)
    {
        await cut.Combobox("Search clients").InputAsync(new ChangeEventArgs { Value = "jane" });
        cut.WaitForAssertion(() => Assert.Contains("Jane Cooper", cut.OpenOptions().First()), Patience);
        await cut.OpenOption("Jane Cooper").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.True(Drawer(cut).HasButton("Change client")), Patience);
    }

    private static IReadOnlyList<string> FreeTimes(IRenderedComponent<IComponent> cut) =>
        cut.Role("group", "Free start times").QuerySelectorAll("button").Select(b => b.GetAttribute("aria-label") ?? string.Empty).ToList();

    private async Task<List<FrontDesk.Domain.Calendar.Appointment>> AppointmentsAsync()
    {
        await using var db = Clinic.OpenDatabase(Services);
        return await db.Appointments.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task ServiceList_InactiveService_IsNotOffered()
    {
        var physio = (await Services.GetRequiredService<CatalogQueries>().ServiceAsync(Seed.PhysioId))!;
        await Catalog.UpdateServiceAsync(physio.Id, new SaveService(physio.Name, physio.Activity, physio.Tags, physio.DurationMinutes, physio.Price, 0, [], [Seed.ProviderId], true, false, null, TestCallers.Manager(OtherDesk)));
        var cut = RenderDrawer();

        await cut.Combobox("Service").Closest(".mud-input-control")!.MouseDownAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains(cut.OpenOptions(), o => o.StartsWith(Massage, StringComparison.Ordinal)), Patience);
        Assert.DoesNotContain(cut.OpenOptions(), o => o.StartsWith("Physio follow-up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FreeStartTimes_ProviderWithBreak_LeaveOutTheBreak()
    {
        await SetHoursAsync();
        var cut = RenderDrawer();

        await ChooseServiceAsync(cut, Massage);

        cut.WaitForAssertion(() => Assert.Contains("Free at 09:00", FreeTimes(cut)), Patience);
        var times = FreeTimes(cut);
        Assert.Contains("Free at 11:00", times);
        Assert.DoesNotContain("Free at 11:15", times);
        Assert.DoesNotContain("Free at 12:00", times);
        Assert.Contains("Free at 13:00", times);
        Assert.Equal("Free at 16:00", times[^1]);
    }

    [Fact]
    public async Task FreeStartTime_Chosen_SetsTheStart()
    {
        await SetHoursAsync();
        var cut = RenderDrawer();
        await ChooseServiceAsync(cut, Massage);
        cut.WaitForAssertion(() => Assert.Contains("Free at 14:30", FreeTimes(cut)), Patience);

        await cut.Button("Free at 14:30").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal("14:30", cut.Field("Start").GetAttribute("value")), Patience);
        Assert.Equal("true", cut.Button("Free at 14:30").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task Save_OnADayOff_ShowsTheReasonAndOffersTheOverride()
    {
        await SetHoursAsync(dayOffReason: "Training");
        var cut = RenderDrawer(hour: 10);
        await ChooseJaneAsync(cut);
        await ChooseServiceAsync(cut, Massage);

        await Drawer(cut).Button("Save booking").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains($"{Seed.ProviderName} is off on", Drawer(cut).AlertText()), Patience);
        Assert.Contains("(Training)", Drawer(cut).AlertText());
        Assert.True(Drawer(cut).HasButton("Book anyway (manager override)"));
        Assert.Empty(await AppointmentsAsync());
    }

    [Fact]
    public async Task BookAnyway_AfterADayOffRefusal_BooksWithTheOverride()
    {
        await SetHoursAsync(dayOffReason: "Training");
        var cut = RenderDrawer(hour: 10);
        await ChooseJaneAsync(cut);
        await ChooseServiceAsync(cut, Massage);
        await Drawer(cut).Button("Save booking").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.True(Drawer(cut).HasButton("Book anyway (manager override)")), Patience);

        await Drawer(cut).Button("Book anyway (manager override)").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains(cut.Snackbars(), m => m.StartsWith("Booked: Jane Cooper", StringComparison.Ordinal)), Patience);
        var booked = Assert.Single(await AppointmentsAsync());
        Assert.Equal(Clock.ToUtc(TestClinic.TomorrowAt(10)), booked.Start);
    }

    [Fact]
    public async Task Save_ProviderAlreadyBooked_OffersNoOverride()
    {
        await BookJaneAsync(hour: 10);
        var cut = RenderDrawer(hour: 10);
        await ChooseJaneAsync(cut);
        await ChooseServiceAsync(cut, Massage);

        await Drawer(cut).Button("Save booking").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.NotNull(Drawer(cut).AlertText()), Patience);
        Assert.False(Drawer(cut).HasButton("Book anyway (manager override)"));
        Assert.Single(await AppointmentsAsync());
    }

    [Fact]
    public async Task CatalogChanged_AtAnotherDesk_RefreshesTheFreeTimes()
    {
        var cut = RenderDrawer();
        await ChooseServiceAsync(cut, Massage);
        cut.WaitForAssertion(() => Assert.Equal("Free at 00:00", FreeTimes(cut)[0]), Patience);

        await SetHoursAsync(); // publishes the catalogue change on the feed, as another desk would

        cut.WaitForAssertion(() => Assert.Equal("Free at 09:00", FreeTimes(cut)[0]), Patience);
        Assert.Contains(Feed.Published, e => e is CatalogChanged);
    }
}
