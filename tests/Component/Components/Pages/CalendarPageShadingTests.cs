using AngleSharp.Dom;
using Bunit;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Components.Pages;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Components.Pages;

/// <summary>The calendar's shading from the working-periods query, and how it follows a change made at another desk without a reload.</summary>
public sealed class CalendarPageShadingTests : ClinicTestContext, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    private CatalogService Catalog => Services.GetRequiredService<CatalogService>();

    private static IEnumerable<IElement> Slots(IRenderedComponent<CalendarPage> cut) =>
        cut.FindAll("[role=group][aria-label$='time slots'] button");

    private IRenderedComponent<CalendarPage> RenderLoaded()
    {
        var cut = Render<CalendarPage>();
        cut.WaitForAssertion(() => Assert.True(Store.State.RangeStart != DateTimeOffset.MinValue && !Store.State.Loading), Patience);
        cut.WaitForAssertion(() => Assert.Contains(Slots(cut), s => s.GetAttribute("aria-label") == $"{Seed.ProviderName}, 10:00, free"), Patience);
        return cut;
    }

    private Task SetHoursAsync(params ExceptionView[] exceptions) =>
        Catalog.SetScheduleAsync(new SetSchedule(Seed.ProviderId,
            Enum.GetValues<DayOfWeek>().Select(d => new WeeklyHoursView(d, new TimeOnly(9, 0), new TimeOnly(17, 0), [new BreakView(new TimeOnly(12, 0), new TimeOnly(13, 0))])).ToList(),
            exceptions, TestCallers.Manager(OtherDesk)));

    [Fact]
    public async Task CatalogChanged_BreakSetAtAnotherDesk_GreysTheBreakWithoutReload()
    {
        var cut = RenderLoaded();

        await SetHoursAsync();

        cut.WaitForAssertion(() => Assert.Contains(Slots(cut), s => s.GetAttribute("aria-label") == $"{Seed.ProviderName}, 12:15, free, on a break" && s.ClassList.Contains("sch-off")), Patience);
        Assert.Contains(Slots(cut), s => s.GetAttribute("aria-label") == $"{Seed.ProviderName}, 11:45, free");
    }

    [Fact]
    public async Task CatalogChanged_DayOffSetAtAnotherDesk_GreysTheWholeColumnWithTheReason()
    {
        var cut = RenderLoaded();

        await SetHoursAsync(new ExceptionView(Clock.Today, true, null, null, [], "Training"));

        cut.WaitForAssertion(() => Assert.All(Slots(cut), s => Assert.EndsWith(", free, Day off: Training", s.GetAttribute("aria-label"))), Patience);
        Assert.Contains("Day off: Training", cut.Find(".sch-lane-head").TextContent);
    }

    [Fact]
    public async Task CatalogChanged_ClosureAdded_GreysTheDayWithTheReason()
    {
        var cut = RenderLoaded();

        await Catalog.AddClosureAsync(new AddClosure(Clock.Today, "Bank holiday", TestCallers.Manager(OtherDesk)));

        cut.WaitForAssertion(() => Assert.All(Slots(cut), s => Assert.EndsWith(", free, Closed: Bank holiday", s.GetAttribute("aria-label"))), Patience);
    }
}
