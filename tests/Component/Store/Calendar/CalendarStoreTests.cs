using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Store.Calendar;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Common;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FrontDesk.Tests.Component.Store.Calendar;

public sealed class CalendarStoreTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly Actor Desk = Actor.Staff("desk-2", "Second desk");

    private readonly TestClinic _clinic = new();
    private readonly FakeLiveFeed _feed = new();
    private ServiceProvider _services = default!;
    private SeededClinic _seed = default!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        _clinic.AddServices(services, _feed);
        _services = services.BuildServiceProvider();
        _seed = await _clinic.PrepareAsync(_services);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _clinic.Dispose();
    }

    private CalendarStore NewStore() => _services.CreateScope().ServiceProvider.GetRequiredService<CalendarStore>();

    private BusinessClock Clock => _services.GetRequiredService<BusinessClock>();

    private ShowRange Tomorrow()
    {
        var day = DateOnly.FromDateTime(TestClinic.TomorrowAt(0));
        var (start, end) = Clock.Range(day, 1);
        return new ShowRange(day, CalendarViewKind.Day, start, end);
    }

    private Task<AppointmentView> BookAsync(AppointmentService service, int hour, int daysLater = 0) =>
        service.BookAsync(new BookAppointment(
            _seed.JaneId, _seed.MassageId, _seed.ProviderId, Clock.ToUtc(TestClinic.TomorrowAt(hour).AddDays(daysLater)), false, null, TestCallers.Manager(Desk)));

    [Fact]
    public void Constructor_NewStore_SubscribesExactlyOnce()
    {
        var store = NewStore();

        store.Dispatch(new FilterProvider(_seed.ProviderId));
        store.Dispatch(new FilterProvider(null));

        Assert.Equal(1, _feed.SubscribeCalls);
        Assert.Equal(1, _feed.SubscriberCount);
    }

    [Fact]
    public async Task ShowRange_Tomorrow_LoadsThatDayFromDatabase()
    {
        var appointments = _services.GetRequiredService<AppointmentService>();
        var tomorrow = await BookAsync(appointments, 10);
        var dayAfter = await BookAsync(appointments, 10, daysLater: 1);
        var store = NewStore();

        var state = await StoreWaiting.DispatchAndWaitAsync(store, Tomorrow(), s => !s.Loading, Patience);

        Assert.Null(state.Error);
        Assert.Equal(tomorrow, Assert.Single(state.Appointments.Values));
        Assert.DoesNotContain(dayAfter.Id, state.Appointments.Keys);
    }

    [Fact]
    public async Task LivePush_AppointmentChangedInRange_ReachesState()
    {
        var store = NewStore();
        await StoreWaiting.DispatchAndWaitAsync(store, Tomorrow(), s => !s.Loading, Patience);
        var start = Clock.ToUtc(TestClinic.TomorrowAt(15));
        var fromElsewhere = new AppointmentView(
            Guid.NewGuid(), _seed.JohnId, "John Smith", _seed.PhysioId, "Physio follow-up", "Physiotherapy", _seed.ProviderId, _seed.ProviderName,
            start, start.AddMinutes(30), AppointmentStatus.CheckedIn, 45m, TestClinic.Currency, string.Empty, null, start, null, 1);

        _feed.Publish([new AppointmentChanged(fromElsewhere, AppointmentChange.CheckedIn, start, "Second desk")]);

        Assert.Equal(fromElsewhere, store.State.Appointments[fromElsewhere.Id]);
    }

    [Fact]
    public async Task LivePush_BookingByAnotherDesk_ReachesState()
    {
        var store = NewStore();
        await StoreWaiting.DispatchAndWaitAsync(store, Tomorrow(), s => !s.Loading, Patience);

        var booked = await BookAsync(_services.GetRequiredService<AppointmentService>(), 12);

        Assert.Equal(booked, store.State.Appointments[booked.Id]);
    }

    [Fact]
    public async Task LivePush_ResyncRequired_ReloadsWhatTheFeedMissed()
    {
        var store = NewStore();
        await StoreWaiting.DispatchAndWaitAsync(store, Tomorrow(), s => !s.Loading, Patience);
        // A booking whose announcement never reached this store's feed.
        var unannounced = new AppointmentService(
            _services.GetRequiredService<UnitOfWork>(), _services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<DashboardDbContext>>(), new FakeLiveFeed(), Clock);
        var missed = await BookAsync(unannounced, 9);
        Assert.Empty(store.State.Appointments);

        var state = await StoreWaiting.DispatchAndWaitAsync(
            store, new LiveBatchReceived([new ResyncRequired(DateTimeOffset.UtcNow)]), s => s.Appointments.ContainsKey(missed.Id), Patience);

        Assert.Equal(missed, state.Appointments[missed.Id]);
    }

    [Fact]
    public async Task Dispose_Store_UnsubscribesAndIgnoresLaterEvents()
    {
        var store = NewStore();
        await StoreWaiting.DispatchAndWaitAsync(store, Tomorrow(), s => !s.Loading, Patience);
        var before = store.State;

        store.Dispose();
        await BookAsync(_services.GetRequiredService<AppointmentService>(), 16);

        Assert.Equal(0, _feed.SubscriberCount);
        Assert.Same(before, store.State);
    }

    [Fact]
    public async Task Dispose_ScopeOfCircuit_UnsubscribesFromRealFeed()
    {
        var services = new ServiceCollection();
        using var clinic = new TestClinic();
        clinic.AddServices(services); // the real InMemoryLiveFeed
        await using var provider = services.BuildServiceProvider();
        var feed = provider.GetRequiredService<ILiveFeed>();
        var circuit = provider.CreateScope();
        _ = circuit.ServiceProvider.GetRequiredService<CalendarStore>();
        Assert.Equal(1, feed.SubscriberCount);

        circuit.Dispose();

        Assert.Equal(0, feed.SubscriberCount);
    }
}
