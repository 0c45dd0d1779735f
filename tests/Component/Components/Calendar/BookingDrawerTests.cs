using AngleSharp.Dom;
using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Components.Calendar;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Clients;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Components.Calendar;

public sealed class BookingDrawerTests : ClinicTestContext
{
    private const string Massage = "Swedish massage 60";
    private readonly List<AppointmentView?> _closedWith = [];

    private IRenderedComponent<IComponent> RenderDrawer(int hour = 11)
    {
        var cut = RenderWithProviders<BookingDrawer>(p => p
            .Add(d => d.Start, TestClinic.TomorrowAt(hour))
            .Add(d => d.ProviderId, Seed.ProviderId)
            .Add(d => d.OnClose, booked => _closedWith.Add(booked)));
        cut.WaitForAssertion(() => Assert.Equal(Seed.ProviderName, cut.Combobox("Provider").GetAttribute("value")), Patience);
        return cut;
    }

    /// <summary>The drawer itself (the host also holds drop-downs and snackbars).</summary>
    private static IElement Drawer(IRenderedComponent<IComponent> cut) => cut.ByRole("region", "New appointment");

    private static Task TypeAsync(IRenderedComponent<IComponent> cut, string text) =>
        cut.Combobox("Search clients").InputAsync(new ChangeEventArgs { Value = text });

    private static IReadOnlyList<string> ClientChoices(IRenderedComponent<IComponent> cut) =>
        cut.FindAll(".mud-popover-open [role=option] .client-option-name").Select(n => n.TextContent.Trim()).ToList();

    private async Task ChooseClientAsync(IRenderedComponent<IComponent> cut, string query, string name)
    {
        await TypeAsync(cut, query);
        cut.WaitForAssertion(() => Assert.Contains(name, ClientChoices(cut)), Patience);
        await cut.OpenOption(name).ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.True(Drawer(cut).HasButton("Change client")), Patience);
    }

    private static async Task ChooseServiceAsync(IRenderedComponent<IComponent> cut, string service)
    {
        await cut.Combobox("Service").Closest(".mud-input-control")!.MouseDownAsync(new MouseEventArgs());
        await cut.OpenOption(service).ClickAsync(new MouseEventArgs());
    }

    private static Task ClickAsync(IRenderedComponent<IComponent> cut, string button) =>
        Drawer(cut).Button(button).ClickAsync(new MouseEventArgs());

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

    private Task RegisterAsync(string name, string phone, string? email = null) =>
        Services.GetRequiredService<ClientService>().RegisterAsync(new RegisterClient(name, phone, email, null, TestCallers.Manager(OtherDesk)));

    [Fact]
    public void Render_SlotChosen_PrefillsProviderDayAndTime()
    {
        var cut = RenderDrawer(hour: 11);

        Assert.Equal(Seed.ProviderName, cut.Combobox("Provider").GetAttribute("value"));
        Assert.Equal("11:00", cut.Field("Start").GetAttribute("value"));
        Assert.Equal(TestClinic.TomorrowAt(11).ToString("ddd d MMM yyyy"), cut.Field("Date").GetAttribute("value"));
    }

    [Fact]
    public async Task Search_ByName_ListsOnlyMatchingClient()
    {
        var cut = RenderDrawer();

        await TypeAsync(cut, "jane");

        cut.WaitForAssertion(() => Assert.Equal(["Jane Cooper"], ClientChoices(cut)), Patience);
    }

    [Fact]
    public async Task Search_ByPhoneDigits_ListsOnlyMatchingClient()
    {
        var cut = RenderDrawer();

        await TypeAsync(cut, "900 456");

        cut.WaitForAssertion(() => Assert.Equal(["John Smith"], ClientChoices(cut)), Patience);
    }

    [Fact]
    public async Task Search_ByEmail_ListsOnlyMatchingClient()
    {
        await RegisterAsync("Priya Patel", "07700 900321", "priya@clinic.example");
        var cut = RenderDrawer();

        await TypeAsync(cut, "PRIYA@clinic");

        cut.WaitForAssertion(() => Assert.Equal(["Priya Patel"], ClientChoices(cut)), Patience);
    }

    [Fact]
    public async Task Search_BurstOfKeystrokes_KeepsEveryCharacterAndShowsResultsOfTheWholeText()
    {
        await RegisterAsync("Emily Johnson", "07700 900601");
        await RegisterAsync("Emma Jones", "07700 900602");
        var cut = RenderDrawer();
        const string Typed = "Emily Johnson";

        // One input event per key, with no pause between them, as a fast typist or a scanner sends them.
        for (var length = 1; length <= Typed.Length; length++)
        {
            await TypeAsync(cut, Typed[..length]);
        }

        cut.WaitForAssertion(() => Assert.Equal(["Emily Johnson"], ClientChoices(cut)), Patience);
        Assert.Equal(Typed, cut.Combobox("Search clients").GetAttribute("value"));
    }

    [Fact]
    public async Task Search_NoMatch_SaysSo()
    {
        var cut = RenderDrawer();

        await TypeAsync(cut, "zebedee");

        cut.WaitForAssertion(() => Assert.Contains("No client matches “zebedee”.", cut.Markup), Patience);
        Assert.Empty(ClientChoices(cut));
    }

    [Fact]
    public async Task ChooseClient_FromResults_ShowsChosenClientWithChange()
    {
        var cut = RenderDrawer();

        await ChooseClientAsync(cut, "smith", "John Smith");

        Assert.Contains("John Smith", Drawer(cut).TextContent);
        Assert.DoesNotContain(cut.FindAll("label"), l => l.TextContent == "Search clients");
    }

    [Fact]
    public async Task Save_WithoutClient_ShowsInlineMessageAndBooksNothing()
    {
        var cut = RenderDrawer();
        await ChooseServiceAsync(cut, Massage);

        await ClickAsync(cut, "Save booking");

        Assert.Equal("Choose a client, or add a new one.", Drawer(cut).AlertText());
        Assert.Empty(await AppointmentsInDatabaseAsync());
        Assert.Empty(_closedWith);
    }

    [Fact]
    public async Task Save_WithoutService_ShowsInlineMessageAndBooksNothing()
    {
        var cut = RenderDrawer();
        await ChooseClientAsync(cut, "jane", "Jane Cooper");

        await ClickAsync(cut, "Save booking");

        Assert.Equal("Choose a service.", Drawer(cut).AlertText());
        Assert.Empty(await AppointmentsInDatabaseAsync());
    }

    [Fact]
    public async Task Save_ClientServiceAndFreeSlot_BooksAppointmentClosesDrawerAndConfirms()
    {
        var cut = RenderDrawer(hour: 11);
        await ChooseClientAsync(cut, "jane", "Jane Cooper");
        await ChooseServiceAsync(cut, Massage);

        await ClickAsync(cut, "Save booking");

        Assert.Null(Drawer(cut).AlertText());
        var saved = Assert.Single(await AppointmentsInDatabaseAsync());
        Assert.Equal(Seed.JaneId, saved.ClientId.Value);
        Assert.Equal(Seed.MassageId, saved.ServiceId.Value);
        Assert.Equal(Seed.ProviderId, saved.ProviderId.Value);
        Assert.Equal(AppointmentStatus.Booked, saved.Status);
        Assert.Equal(Clock.ToUtc(TestClinic.TomorrowAt(11)), saved.Start);
        var closed = Assert.Single(_closedWith);
        Assert.Equal(saved.Id.Value, closed?.Id);
        cut.WaitForAssertion(() => Assert.Contains($"Booked: Jane Cooper, {Massage} at 11:00 with {Seed.ProviderName}.", cut.Snackbars()), Patience);
    }

    [Fact]
    public async Task Save_SlotAlreadyTaken_ShowsConflictInlineAndLeavesDataUnchanged()
    {
        var taken = await BookJaneAsync(hour: 11);
        var cut = RenderDrawer(hour: 11);
        await ChooseClientAsync(cut, "john", "John Smith");
        await ChooseServiceAsync(cut, Massage);

        await ClickAsync(cut, "Save booking");

        Assert.Equal($"{Seed.ProviderName} already has an appointment at that time.", Drawer(cut).AlertText());
        var only = Assert.Single(await AppointmentsInDatabaseAsync());
        Assert.Equal(taken.Id, only.Id.Value);
        Assert.Equal(Seed.JaneId, only.ClientId.Value);
        Assert.True(Drawer(cut).HasButton("Save booking"));
        Assert.Empty(_closedWith);
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

        Assert.Null(Drawer(cut).AlertText());
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

        Assert.Equal("Enter the new client's name.", Drawer(cut).AlertText());
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

        Assert.Equal($"Client name is too long: at most {Client.MaxNameLength} characters.", Drawer(cut).AlertText());
        Assert.Equal(3, (await ClientsInDatabaseAsync()).Count);
        Assert.Empty(await AppointmentsInDatabaseAsync());
    }

    [Fact]
    public async Task StartNewClient_AfterSearchingPhone_PrefillsPhone()
    {
        var cut = RenderDrawer();
        await TypeAsync(cut, "07700 111222");

        await ClickAsync(cut, "New client");

        Assert.Equal("07700 111222", cut.Field("Phone").GetAttribute("value"));
        Assert.Equal(string.Empty, cut.Field("Name").GetAttribute("value") ?? string.Empty);
    }

    [Fact]
    public async Task Close_Clicked_RaisesOnCloseWithoutBooking()
    {
        var cut = RenderDrawer();

        await ClickAsync(cut, "Close");

        Assert.Equal([null], _closedWith);
        Assert.Empty(await AppointmentsInDatabaseAsync());
    }
}
