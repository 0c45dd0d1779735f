using AngleSharp.Dom;
using Bunit;
using FrontDesk.Dashboard.Components.Calendar;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Packages;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Tests.Component.Components.Calendar;

/// <summary>The booking drawer's package part: Jane's course circles, choosing one, booking as that session.</summary>
public sealed class BookingDrawerPackageTests : PackageTestContext
{
    private const string Massage = "Swedish massage 60";

    private IRenderedComponent<IComponent> RenderDrawer(int hour = 11)
    {
        var cut = RenderWithProviders<BookingDrawer>(p => p
            .Add(d => d.Start, TestClinic.TomorrowAt(hour))
            .Add(d => d.ProviderId, Seed.ProviderId));
        cut.WaitForAssertion(() => Assert.Equal(Seed.ProviderName, cut.Combobox("Provider").GetAttribute("value")), Patience);
        return cut;
    }

    private static IElement Drawer(IRenderedComponent<IComponent> cut) => cut.ByRole("region", "New appointment");

    private static async Task ChooseJaneAsync(IRenderedComponent<IComponent> cut)
    {
        await cut.Combobox("Search clients").InputAsync(new ChangeEventArgs { Value = "jane" });
        cut.WaitForAssertion(() => cut.OpenOption("Jane Cooper"), Patience);
        await cut.OpenOption("Jane Cooper").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.True(Drawer(cut).HasButton("Change client")), Patience);
    }

    /// <summary>Jane chosen, massage chosen: the drawer as it is when the circles appear.</summary>
    private async Task<IRenderedComponent<IComponent>> RenderForJaneAsync(int hour = 11)
    {
        var cut = RenderDrawer(hour);
        await ChooseJaneAsync(cut);
        await cut.Combobox("Service").Closest(".mud-input-control")!.MouseDownAsync(new MouseEventArgs());
        await cut.OpenOption(Massage).ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("button.circle")), Patience);
        return cut;
    }

    private static Task ClickAsync(IRenderedComponent<IComponent> cut, string button) =>
        Drawer(cut).Button(button).ClickAsync(new MouseEventArgs());

    private async Task<List<FrontDesk.Domain.Calendar.Appointment>> AppointmentsInDatabaseAsync()
    {
        await using var db = Clinic.OpenDatabase(Services);
        return await db.Appointments.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Render_ClientChosenButNoService_AsksForServiceBeforeCircles()
    {
        await SellJaneCourseAsync();
        var cut = RenderDrawer();

        await ChooseJaneAsync(cut);

        Assert.Equal("Choose a client and a service to see their packages.", cut.Find("section.packages [role=status]").TextContent);
        Assert.Empty(cut.FindAll("button.circle"));
    }

    [Fact]
    public async Task Render_ClientProviderAndService_ShowsGreenCircles()
    {
        await SellJaneCourseAsync();

        var cut = await RenderForJaneAsync();

        Assert.Equal(
            ["Massage course, session 1 of 3: free", "Massage course, session 2 of 3: free", "Massage course, session 3 of 3: free"],
            cut.FindAll("button.circle").Select(b => b.GetAttribute("aria-label")));
        Assert.All(cut.FindAll("button.circle"), b => Assert.False(b.HasAttribute("disabled")));
    }

    [Fact]
    public async Task ClickGreenCircle_Free_SelectsIt()
    {
        await SellJaneCourseAsync();
        var cut = await RenderForJaneAsync();

        await ClickAsync(cut, "Massage course, session 2 of 3: free");

        Assert.Equal("true", cut.Button("Massage course, session 2 of 3: free, selected").GetAttribute("aria-pressed"));
        Assert.Equal("false", cut.Button("Massage course, session 1 of 3: free").GetAttribute("aria-pressed"));
        Assert.True(cut.HasButton("Book as a single service instead"));
    }

    [Fact]
    public async Task Save_GreenCircleSelected_BooksAppointmentAsThatSession()
    {
        var record = await SellJaneCourseAsync();
        var cut = await RenderForJaneAsync();
        await ClickAsync(cut, "Massage course, session 2 of 3: free");

        await ClickAsync(cut, "Save booking");

        Assert.Null(Drawer(cut).AlertText());
        var saved = Assert.Single(await AppointmentsInDatabaseAsync());
        Assert.Equal(record.Id, saved.PackageRecordId?.Value);
        Assert.Equal(2, saved.PackageSession);
        var session = (await RecordInDatabaseAsync(record.Id)).Sessions.Single(s => s.Number == 2);
        Assert.Equal(SessionState.Booked, session.State);
        Assert.Equal(saved.Id.Value, session.AppointmentId);
        Assert.All((await RecordInDatabaseAsync(record.Id)).Sessions.Where(s => s.Number != 2), s => Assert.Equal(SessionState.Free, s.State));
    }

    [Fact]
    public async Task Save_SingleServiceInsteadAfterChoosingCircle_BooksWithoutPackage()
    {
        var record = await SellJaneCourseAsync();
        var cut = await RenderForJaneAsync();
        await ClickAsync(cut, "Massage course, session 2 of 3: free");
        await ClickAsync(cut, "Book as a single service instead");

        await ClickAsync(cut, "Save booking");

        var saved = Assert.Single(await AppointmentsInDatabaseAsync());
        Assert.Null(saved.PackageRecordId);
        Assert.All((await RecordInDatabaseAsync(record.Id)).Sessions, s => Assert.Equal(SessionState.Free, s.State));
    }

    [Fact]
    public async Task BookAsSingleServiceInstead_TheButtonGoes_FocusMovesToTheDrawersActions()
    {
        await SellJaneCourseAsync();
        var cut = await RenderForJaneAsync();
        await ClickAsync(cut, "Massage course, session 2 of 3: free");
        Assert.Empty(JSInterop.Invocations["frontDesk.focusFirstIfLost"]);

        await ClickAsync(cut, "Book as a single service instead");

        // The pressed button is gone: a keyboard user is not left on the page's body.
        Assert.False(cut.HasButton("Book as a single service instead"));
        var focus = Assert.Single(JSInterop.Invocations["frontDesk.focusFirstIfLost"]);
        Assert.False(string.IsNullOrEmpty(Assert.IsType<ElementReference>(focus.Arguments[0]).Id));
        // The first of the actions, where focusFirstIfLost puts the focus: Save booking.
        Assert.Equal("Save booking", cut.Find(".drawer-actions button").TextContent.Trim());
    }

    [Fact]
    public async Task Render_RecordNotValidForThisTime_GreyedWithReason()
    {
        await SellJaneCourseAsync("Morning course", restrictions: new RestrictionsView([], new TimeOnly(8, 0), new TimeOnly(10, 0), null, null, []));

        var cut = await RenderForJaneAsync(hour: 11);

        Assert.Equal("Not for this booking: only valid 08:00-10:00", cut.Find(".package-reason").TextContent);
        Assert.All(cut.FindAll("button.circle"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public async Task Render_RecordForAnotherService_GreyedWithReason()
    {
        await SellAsync(Seed.JaneId, await CreateCourseAsync("Physio course", serviceId: Seed.PhysioId));

        var cut = await RenderForJaneAsync();

        Assert.Equal("Not for this booking: does not include this service", cut.Find(".package-reason").TextContent);
        Assert.All(cut.FindAll("button.circle"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public async Task Save_CircleTakenAtAnotherDeskMeanwhile_ShowsConflictAndCircleAsBooked()
    {
        var record = await SellJaneCourseAsync();
        var cut = await RenderForJaneAsync(hour: 11);
        await ClickAsync(cut, "Massage course, session 2 of 3: free");
        Feed.Hold(); // the other desk's booking has not reached this screen yet
        var other = await BookJaneFromAsync(record.Id, 2, hour: 15);

        await ClickAsync(cut, "Save booking");

        Assert.Equal("Massage course: session 2 is already booked. Pick a green circle.", Drawer(cut).AlertText());
        Assert.True(cut.HasButton("Massage course, session 2 of 3: booked"));
        Assert.True(cut.Button("Massage course, session 2 of 3: booked").HasAttribute("disabled"));
        var only = Assert.Single(await AppointmentsInDatabaseAsync());
        Assert.Equal(other.Id, only.Id.Value);
        Feed.Release();
    }

    [Fact]
    public async Task SaveAgain_AfterCircleTakenAtAnotherDesk_RefusesUntilAnotherChoice()
    {
        var record = await SellJaneCourseAsync();
        var cut = await RenderForJaneAsync(hour: 11);
        await ClickAsync(cut, "Massage course, session 2 of 3: free");
        Feed.Hold();
        var other = await BookJaneFromAsync(record.Id, 2, hour: 15);
        await ClickAsync(cut, "Save booking");

        // Pressed again at once: still the same answer, not a paid single booking.
        await ClickAsync(cut, "Save booking");

        Assert.Equal("Massage course: session 2 is already booked. Pick a green circle.", Drawer(cut).AlertText());
        Assert.Equal(other.Id, Assert.Single(await AppointmentsInDatabaseAsync()).Id.Value);
        await ClickAsync(cut, "Book as a single service instead");
        await ClickAsync(cut, "Save booking");
        var mine = (await AppointmentsInDatabaseAsync()).Single(a => a.Id.Value != other.Id);
        Assert.Null(mine.PackageRecordId);
        Feed.Release();
    }

    /// <summary>
    /// Jane's session 2 chosen in the drawer, then booked at another desk (at 15:00), and that
    /// booking shown here over the live feed: the drawer as the receptionist finds it then.
    /// </summary>
    private async Task<(RecordView Record, IRenderedComponent<IComponent> Cut, FrontDesk.Dashboard.Calendar.AppointmentView Other)> ChooseSessionTwoThenLoseItToAnotherDeskAsync()
    {
        var record = await SellJaneCourseAsync();
        var cut = await RenderForJaneAsync(hour: 11);
        await ClickAsync(cut, "Massage course, session 2 of 3: free");
        var other = await BookJaneFromAsync(record.Id, 2, hour: 15);
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Massage course, session 2 of 3: booked")), Patience);
        return (record, cut, other);
    }

    [Fact]
    public async Task LiveEvent_SelectedCircleBookedElsewhere_ShowsItBookedAndUnselects()
    {
        var record = await SellJaneCourseAsync();
        var cut = await RenderForJaneAsync(hour: 11);
        await ClickAsync(cut, "Massage course, session 2 of 3: free");

        await BookJaneFromAsync(record.Id, 2, hour: 15);

        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Massage course, session 2 of 3: booked")), Patience);
        Assert.DoesNotContain(cut.FindAll("button.circle"), b => b.GetAttribute("aria-pressed") == "true");
        Assert.Equal("Massage course: session 2 is already booked. Pick a green circle.", Drawer(cut).AlertText());
    }

    [Fact]
    public async Task Save_SelectedCircleBookedElsewhereJustBefore_RefusesAndBooksNothingUnasked()
    {
        var (_, cut, other) = await ChooseSessionTwoThenLoseItToAnotherDeskAsync();

        // The receptionist's Save lands a moment after the circle went: it must not become a paid single booking.
        await ClickAsync(cut, "Save booking");

        Assert.Equal("Massage course: session 2 is already booked. Pick a green circle.", Drawer(cut).AlertText());
        Assert.Equal(other.Id, Assert.Single(await AppointmentsInDatabaseAsync()).Id.Value);
    }

    [Fact]
    public async Task Save_SelectedCircleBookedElsewhereThenAnotherPicked_BooksThatSession()
    {
        var (record, cut, other) = await ChooseSessionTwoThenLoseItToAnotherDeskAsync();

        await ClickAsync(cut, "Massage course, session 3 of 3: free");
        await ClickAsync(cut, "Save booking");

        Assert.Null(Drawer(cut).AlertText());
        var mine = (await AppointmentsInDatabaseAsync()).Single(a => a.Id.Value != other.Id);
        Assert.Equal((record.Id, 3), (mine.PackageRecordId?.Value, mine.PackageSession));
    }

    [Fact]
    public async Task Save_SelectedCircleBookedElsewhereThenSingleServiceChosen_BooksWithoutPackage()
    {
        var (record, cut, other) = await ChooseSessionTwoThenLoseItToAnotherDeskAsync();

        await ClickAsync(cut, "Book as a single service instead");
        await ClickAsync(cut, "Save booking");

        Assert.Null(Drawer(cut).AlertText());
        var mine = (await AppointmentsInDatabaseAsync()).Single(a => a.Id.Value != other.Id);
        Assert.Null(mine.PackageRecordId);
        Assert.Equal(SessionState.Free, (await RecordInDatabaseAsync(record.Id)).Sessions.Single(s => s.Number == 3).State);
    }
}
