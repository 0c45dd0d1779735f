using Bunit;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Components.Settings;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Components.Settings;

/// <summary>The providers screen: calendar order, the profile editor and the working-hours editor, over a real clinic database.</summary>
public sealed class ProvidersPageTests : ClinicTestContext
{
    private CatalogQueries Queries => Services.GetRequiredService<CatalogQueries>();

    private CatalogService Catalog => Services.GetRequiredService<CatalogService>();

    private IRenderedComponent<IComponent> RenderPage(int providers = 1)
    {
        var cut = RenderWithProviders<ProvidersPage>();
        cut.WaitForAssertion(() => Assert.Equal(providers, cut.Rows("Providers").Count), Patience);
        return cut;
    }

    private async Task OpenHoursAsync(IRenderedComponent<IComponent> cut)
    {
        _ = cut.Button($"Working hours of {Seed.ProviderName}").ClickAsync(new MouseEventArgs()); // its handler waits for the dialog's answer
        cut.WaitForAssertion(() => Assert.True(cut.HasRole("checkbox", "Monday open")), Patience);
    }

    private static string Describe(ScheduleView schedule) =>
        string.Join("; ", schedule.Weekly.Select(w => $"{w.Weekday} {w.Start}-{w.End} [{string.Join(",", w.Breaks)}]"))
        + " | " + string.Join("; ", schedule.Exceptions.Select(e => $"{e.Date} {e.Off} {e.Start}-{e.End} {e.Reason}"));

    [Fact]
    public async Task MoveDown_FirstProvider_PutsItSecondInCalendarOrder()
    {
        await Catalog.CreateProviderAsync(new SaveProvider("Bea Lane", null, [], true, null, null, TestCallers.Manager(OtherDesk)));
        var cut = RenderPage(providers: 2);

        await cut.Button($"Move {Seed.ProviderName} down").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.True(cut.Button("Move Bea Lane up").HasAttribute("disabled")), Patience);
        Assert.Equal(["Bea Lane", Seed.ProviderName], (await Queries.ProvidersAsync()).Select(p => p.Name));
    }

    [Fact]
    public async Task SaveProvider_NameMissing_ShowsRequiredInlineAndChangesNothing()
    {
        var cut = RenderPage();
        _ = cut.Button($"Edit {Seed.ProviderName}").ClickAsync(new MouseEventArgs()); // its handler waits for the dialog's answer
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Save provider")), Patience);
        await cut.TypeAsync("Name", "  ");

        await cut.Button("Save provider").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Enter the provider's name.", cut.Markup), Patience);
        Assert.Equal(Seed.ProviderName, (await Queries.ProviderAsync(Seed.ProviderId))!.Name);
    }

    [Fact]
    public async Task SaveProvider_NewWithService_ListsThemLastInCalendarOrder()
    {
        var cut = RenderPage();
        _ = cut.Button("New provider").ClickAsync(new MouseEventArgs()); // its handler waits for the dialog's answer
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Save provider")), Patience);
        await cut.TypeAsync("Name", "Bea Lane");
        await cut.TypeAsync("Title", "Physiotherapist");
        await cut.ChooseAsync("Services they perform", "Physio follow-up");

        await cut.Button("Save provider").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Working hours of Bea Lane")), Patience);
        var bea = (await Queries.ProvidersAsync()).Last();
        Assert.Equal(("Bea Lane", "Physiotherapist"), (bea.Name, bea.Title));
        Assert.Equal([Seed.PhysioId], bea.ServiceIds);
    }

    [Fact]
    public async Task SaveHours_MondayWithBreakAndADayOff_SavesTheSchedule()
    {
        var cut = RenderPage();
        await OpenHoursAsync(cut);
        foreach (var day in new[] { "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" })
        {
            await cut.Role("checkbox", $"{day} open").ChangeAsync(new ChangeEventArgs { Value = false });
        }
        await cut.TypeAsync("Monday hours 1 start", "09:00");
        await cut.TypeAsync("Monday hours 1 end", "17:00");
        await cut.Button("Add a break to Monday hours 1").ClickAsync(new MouseEventArgs());
        await cut.TypeAsync("Monday hours 1 break 1 start", "12:00");
        await cut.TypeAsync("Monday hours 1 break 1 end", "13:00");
        await cut.Button("Add exception").ClickAsync(new MouseEventArgs());
        await cut.TypeAsync("Exception 1 reason", "Dentist");

        await cut.Button("Save working hours").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains($"Working hours of {Seed.ProviderName} saved.", cut.StatusTexts()), Patience);
        var schedule = await Queries.ScheduleAsync(Seed.ProviderId);
        var monday = Assert.Single(schedule.Weekly);
        Assert.Equal((DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0)), (monday.Weekday, monday.Start, monday.End));
        Assert.Equal([new BreakView(new TimeOnly(12, 0), new TimeOnly(13, 0))], monday.Breaks);
        var off = Assert.Single(schedule.Exceptions);
        Assert.Equal((Clock.Today.AddDays(1), true, "Dentist"), (off.Date, off.Off, off.Reason));
    }

    [Fact]
    public async Task SaveHours_TimeNotHHmm_ShowsMessageInlineAndKeepsTheSchedule()
    {
        var before = await Queries.ScheduleAsync(Seed.ProviderId);
        var cut = RenderPage();
        await OpenHoursAsync(cut);
        await cut.TypeAsync("Monday hours 1 start", "9am");

        await cut.Button("Save working hours").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal("Monday: write every time as HH:mm, e.g. 09:00.", cut.AlertText()), Patience);
        Assert.Equal("true", cut.Input("Monday hours 1 start").GetAttribute("aria-invalid"));
        Assert.Equal(Describe(before), Describe(await Queries.ScheduleAsync(Seed.ProviderId)));
    }

    [Fact]
    public async Task SaveHours_BreakOutsideTheHours_ShowsTheRefusalInlineAndKeepsTheSchedule()
    {
        var before = await Queries.ScheduleAsync(Seed.ProviderId);
        var cut = RenderPage();
        await OpenHoursAsync(cut);
        await cut.TypeAsync("Monday hours 1 start", "09:00");
        await cut.TypeAsync("Monday hours 1 end", "12:00");
        await cut.Button("Add a break to Monday hours 1").ClickAsync(new MouseEventArgs());
        await cut.TypeAsync("Monday hours 1 break 1 start", "13:00");
        await cut.TypeAsync("Monday hours 1 break 1 end", "13:30");

        await cut.Button("Save working hours").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal("Monday: the break 13:00-13:30 is not inside the working hours 09:00-12:00.", cut.AlertText()), Patience);
        Assert.True(cut.HasButton("Save working hours"));
        Assert.Equal(Describe(before), Describe(await Queries.ScheduleAsync(Seed.ProviderId)));
    }
}
