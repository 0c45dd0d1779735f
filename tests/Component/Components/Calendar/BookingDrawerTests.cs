using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Components.Calendar;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Clients;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace FrontDesk.Tests.Component.Components.Calendar;

public sealed class BookingDrawerTests : ClinicTestContext
{
    private const string Massage = "Swedish massage 60";

    private IRenderedComponent<BookingDrawer> RenderDrawer(int hour = 11)
    {
        var cut = Render<BookingDrawer>(p => p
            .Add(d => d.Start, TestClinic.TomorrowAt(hour))
            .Add(d => d.ProviderId, Seed.ProviderId));
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Choose client Jane Cooper")), Patience);
        return cut;
    }

    private static Task SearchAsync(IRenderedComponent<BookingDrawer> cut, string text) =>
        cut.Labelled("Search clients").InputAsync(new ChangeEventArgs { Value = text });

    private static IReadOnlyList<string> ClientChoices(IRenderedComponent<BookingDrawer> cut) =>
        cut.FindAll("[aria-label='Matching clients'] button").Select(b => b.GetAttribute("aria-label")!).ToList();

    private static Task ClickAsync(IRenderedComponent<BookingDrawer> cut, string button) =>
        cut.Button(button).ClickAsync(new MouseEventArgs());

    private static Task ChooseServiceAsync(IRenderedComponent<BookingDrawer> cut, string service) =>
        cut.Option("Service", service).ClickAsync(new MouseEventArgs());

    private async Task<List<Appointment>> AppointmentsInDatabaseAsync()
    {
        await using var db = Clinic.OpenDatabase(Services);
        return await db.Appointments.AsNoTracking().ToListAsync();
    }

    private async Task<List<Client>> ClientsInDatabaseAsync()
    {
        await using var db = Clinic.OpenDatabase(Services);
        return await db.Clients.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Search_ByName_ListsOnlyMatchingClient()
    {
        var cut = RenderDrawer();

        await SearchAsync(cut, "jane");

        cut.WaitForAssertion(() => Assert.Equal(["Choose client Jane Cooper"], ClientChoices(cut)), Patience);
    }

    [Fact]
    public async Task Search_ByPhoneDigits_ListsOnlyMatchingClient()
    {
        var cut = RenderDrawer();

        await SearchAsync(cut, "900 456");

        cut.WaitForAssertion(() => Assert.Equal(["Choose client John Smith"], ClientChoices(cut)), Patience);
    }

    [Fact]
    public async Task Search_NoMatch_SaysSo()
    {
        var cut = RenderDrawer();

        await SearchAsync(cut, "zebedee");

        cut.WaitForAssertion(() => Assert.Contains("No client matches “zebedee”.", cut.Markup), Patience);
        Assert.Empty(ClientChoices(cut));
    }

    [Fact]
    public async Task ChooseClient_FromResults_ShowsChosenClientWithChange()
    {
        var cut = RenderDrawer();

        await ClickAsync(cut, "Choose client John Smith");

        Assert.Contains("John Smith", cut.Find(".chosen-client").TextContent);
        Assert.True(cut.HasButton("Change client"));
        Assert.Empty(ClientChoices(cut));
    }

    [Fact]
    public async Task Save_WithoutClient_ShowsInlineMessageAndBooksNothing()
    {
        var cut = RenderDrawer();
        await ChooseServiceAsync(cut, Massage);

        await ClickAsync(cut, "Save booking");

        Assert.Equal("Choose a client, or add a new one.", cut.AlertText());
        Assert.Empty(await AppointmentsInDatabaseAsync());
    }

    [Fact]
    public async Task Save_WithoutService_ShowsInlineMessageAndBooksNothing()
    {
        var cut = RenderDrawer();
        await ClickAsync(cut, "Choose client Jane Cooper");

        await ClickAsync(cut, "Save booking");

        Assert.Equal("Choose a service.", cut.AlertText());
        Assert.Empty(await AppointmentsInDatabaseAsync());
    }

    [Fact]
    public async Task Save_ClientServiceAndFreeSlot_BooksAppointmentAndClosesDrawer()
    {
        object? closedWith = null;
        Services.GetRequiredService<DialogService>().OnSideClose += result => closedWith = result;
        var cut = RenderDrawer(hour: 11);
        await ClickAsync(cut, "Choose client Jane Cooper");
        await ChooseServiceAsync(cut, Massage);

        await ClickAsync(cut, "Save booking");

        Assert.Null(cut.AlertText());
        var saved = Assert.Single(await AppointmentsInDatabaseAsync());
        Assert.Equal(Seed.JaneId, saved.ClientId.Value);
        Assert.Equal(Seed.MassageId, saved.ServiceId.Value);
        Assert.Equal(Seed.ProviderId, saved.ProviderId.Value);
        Assert.Equal(AppointmentStatus.Booked, saved.Status);
        Assert.Equal(Clock.ToUtc(TestClinic.TomorrowAt(11)), saved.Start);
        var closed = Assert.IsType<AppointmentView>(closedWith);
        Assert.Equal(saved.Id.Value, closed.Id);
    }

    [Fact]
    public async Task Save_SlotAlreadyTaken_ShowsConflictInlineAndLeavesDataUnchanged()
    {
        var taken = await BookJaneAsync(hour: 11);
        var cut = RenderDrawer(hour: 11);
        await ClickAsync(cut, "Choose client John Smith");
        await ChooseServiceAsync(cut, Massage);

        await ClickAsync(cut, "Save booking");

        Assert.Equal($"{Seed.ProviderName} already has an appointment at that time.", cut.AlertText());
        var only = Assert.Single(await AppointmentsInDatabaseAsync());
        Assert.Equal(taken.Id, only.Id.Value);
        Assert.Equal(Seed.JaneId, only.ClientId.Value);
        Assert.True(cut.HasButton("Save booking"));
    }

    [Fact]
    public async Task Save_NewClientDetails_RegistersClientAndBooksInOneGo()
    {
        var cut = RenderDrawer();
        await ClickAsync(cut, "New client");
        await cut.Field("Name").ChangeAsync(new ChangeEventArgs { Value = "Priya Patel" });
        await cut.Field("Phone").ChangeAsync(new ChangeEventArgs { Value = "07700 900999" });
        await ChooseServiceAsync(cut, Massage);

        await ClickAsync(cut, "Save booking");

        Assert.Null(cut.AlertText());
        var priya = Assert.Single(await ClientsInDatabaseAsync(), c => c.Name == "Priya Patel");
        Assert.Equal("07700 900999", priya.Phone);
        var saved = Assert.Single(await AppointmentsInDatabaseAsync());
        Assert.Equal(priya.Id, saved.ClientId);
    }

    [Fact]
    public async Task Save_NewClientWithoutName_AsksForNameAndCreatesNothing()
    {
        var cut = RenderDrawer();
        await ClickAsync(cut, "New client");
        await ChooseServiceAsync(cut, Massage);

        await ClickAsync(cut, "Save booking");

        Assert.Equal("Enter the new client's name.", cut.AlertText());
        Assert.Equal(3, (await ClientsInDatabaseAsync()).Count);
        Assert.Empty(await AppointmentsInDatabaseAsync());
    }

    [Fact]
    public async Task Save_NewClientNameTooLong_ShowsMessageAndCreatesNoClientOrBooking()
    {
        var cut = RenderDrawer();
        await ClickAsync(cut, "New client");
        await cut.Field("Name").ChangeAsync(new ChangeEventArgs { Value = new string('A', Client.MaxNameLength + 1) });
        await ChooseServiceAsync(cut, Massage);

        await ClickAsync(cut, "Save booking");

        Assert.Equal($"Client name is too long: at most {Client.MaxNameLength} characters.", cut.AlertText());
        Assert.Equal(3, (await ClientsInDatabaseAsync()).Count);
        Assert.Empty(await AppointmentsInDatabaseAsync());
    }

    [Fact]
    public async Task StartNewClient_AfterSearchingPhone_PrefillsPhone()
    {
        var cut = RenderDrawer();
        await SearchAsync(cut, "07700 111222");

        await ClickAsync(cut, "New client");

        Assert.Equal("07700 111222", cut.Field("Phone").GetAttribute("value"));
        Assert.Equal(string.Empty, cut.Field("Name").GetAttribute("value"));
    }
}
