using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FrontDesk.Tests.E2E.Infrastructure;

/// <summary>
/// The calendar page as a receptionist uses it. Appointments, slots, drawers and buttons are
/// all found by role and accessible name: a free slot is the button "Tess Tran, 10:00, free",
/// an appointment the button whose name starts with its client's name.
/// </summary>
public sealed class CalendarDesk(Person person, TimeOnly? firstSlot = null)
{
    /// <summary>Where the providers' shift starts (08:00 in <see cref="ClinicServer"/>): the grid shows no earlier slot.</summary>
    private readonly TimeOnly _firstSlot = firstSlot ?? ClinicServer.Opens;

    public Person Person { get; } = person;

    public IPage Page => Person.Page;

    /// <summary>The drawer that books a slot (its region, whatever hosts it).</summary>
    public ILocator BookingDrawer => Page.GetByRole(AriaRole.Region, new() { Name = "New appointment", Exact = true });

    /// <summary>The drawer of one appointment (its region, whatever hosts it).</summary>
    public ILocator AppointmentDrawer => Page.GetByRole(AriaRole.Region, new() { Name = "Appointment", Exact = true });

    /// <summary>Opens the calendar (today, all providers) and waits until the circuit is live and the day has loaded.</summary>
    public async Task OpenAsync()
    {
        await Page.GotoAsync("/");
        await WaitUntilInteractiveAsync();
    }

    public async Task WaitUntilInteractiveAsync()
    {
        // MainLayout sets data-interactive only after its first interactive render.
        await Expect(Page.Locator(".shell[data-interactive='true']")).ToBeAttachedAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@", \d\d:\d\d, free") }).First).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Loading" })).ToHaveCountAsync(0);
    }

    /// <summary>An appointment on the calendar, by the start of its accessible name ("Client, Service with Provider, ...: Status").</summary>
    public ILocator Appointment(string clientName) =>
        Page.GetByRole(AriaRole.Region, new() { Name = "Calendar", Exact = true })
            .GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(clientName + ", ")) });

    /// <summary>The free slot of a provider's column at a time today, as the day view names it.</summary>
    public Task<ILocator> SlotAsync(ClinicProvider provider, TimeOnly time)
    {
        if (time < _firstSlot)
        {
            throw new InvalidOperationException($"The calendar starts at {_firstSlot:HH:mm}; it has no slot at {time:HH:mm}.");
        }
        return Task.FromResult(Page.GetByRole(AriaRole.Button, new() { Name = $"{provider.Name}, {time:HH:mm}, free", Exact = true }));
    }

    /// <summary>Clicks an empty slot and waits for the booking drawer.</summary>
    public async Task ClickSlotAsync(ClinicProvider provider, TimeOnly time)
    {
        var slot = await SlotAsync(provider, time);
        await slot.ClickAsync();
        await Expect(BookingDrawer).ToBeVisibleAsync();
    }

    /// <summary>
    /// Types the query key by key with no pause (as a fast typist or a barcode scanner does), checks
    /// that no character was lost, and chooses the client from the drop-down of results.
    /// </summary>
    /// <summary>Types <paramref name="query"/> key by key into the booking drawer's client search
    /// (<paramref name="keyDelay"/> between keys, none by default), checks the field holds all of it,
    /// then chooses the client.</summary>
    public async Task SearchAndChooseClientAsync(string query, string clientName, TimeSpan keyDelay = default)
    {
        var search = BookingDrawer.GetByRole(AriaRole.Combobox, new() { Name = "Search clients" });
        await search.PressSequentiallyAsync(query, new() { Delay = (float)keyDelay.TotalMilliseconds });
        await Expect(search).ToHaveValueAsync(query);
        // The drop-down is a popover at the page's root, outside the drawer.
        var choice = Page.GetByRole(AriaRole.Option).Filter(new() { HasText = clientName });
        await choice.ClickAsync();
        await Expect(BookingDrawer.GetByRole(AriaRole.Button, new() { Name = "Change client" })).ToBeVisibleAsync();
    }

    public async Task ChooseServiceAsync(ClinicService service)
    {
        await BookingDrawer.GetByRole(AriaRole.Combobox, new() { Name = "Service" }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = service.Label, Exact = true }).ClickAsync();
        await Expect(BookingDrawer.GetByRole(AriaRole.Combobox, new() { Name = "Service" })).ToHaveValueAsync(service.Label);
    }

    public Task SaveBookingAsync() => BookingDrawer.GetByRole(AriaRole.Button, new() { Name = "Save booking" }).ClickAsync();

    public async Task CloseBookingDrawerAsync()
    {
        await BookingDrawer.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        await Expect(BookingDrawer).ToBeHiddenAsync();
    }

    /// <summary>Opens an appointment's drawer from the calendar.</summary>
    public async Task OpenAppointmentAsync(string clientName)
    {
        await Appointment(clientName).ClickAsync();
        await Expect(AppointmentDrawer).ToBeVisibleAsync();
        await Expect(AppointmentDrawer.GetByRole(AriaRole.Heading, new() { Name = clientName })).ToBeVisibleAsync();
    }

    /// <summary>
    /// A circle of a course in the open booking drawer, by its accessible name
    /// ("Massage x5, session 3 of 5: free"); the state and ", selected" follow the colon.
    /// </summary>
    public ILocator BookingCircle(string recordName, int session, int sessions) =>
        BookingDrawer.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape($"{recordName}, session {session} of {sessions}: ")) });

    /// <summary>A circle of a course in the open appointment drawer.</summary>
    public ILocator AppointmentCircle(string recordName, int session, int sessions) =>
        AppointmentDrawer.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape($"{recordName}, session {session} of {sessions}: ")) });

    /// <summary>Closes the appointment drawer with the close button of the drawer that holds it.</summary>
    public async Task CloseAppointmentDrawerAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Close drawer", Exact = true }).ClickAsync();
        await Expect(AppointmentDrawer).ToBeHiddenAsync();
    }

    /// <summary>The check-in prompt "Redeem service from course?" (a dialog at the page's root).</summary>
    public ILocator RedeemDialog => Page.GetByRole(AriaRole.Dialog, new() { Name = "Redeem service from course?" });

    /// <summary>The status badge of the open appointment drawer ("Status: Checked in").</summary>
    public ILocator DrawerStatus => AppointmentDrawer.GetByRole(AriaRole.Status, new() { NameRegex = new Regex("^Status: ") });
}
