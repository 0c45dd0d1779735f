using System.Data.Common;
using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Store.Calendar;
using FrontDesk.Domain.Common;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Store.Calendar;

/// <summary>
/// Another desk books while this desk's calendar is loading the day, on the real in-memory feed:
/// the load has already read the day (without the booking) when the booking commits and is
/// announced. The store must still end up showing the booking.
/// </summary>
public sealed class CalendarStoreLoadRaceTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly Actor OtherDesk = Actor.Staff("desk-2", "Second desk");

    private readonly TestClinic _clinic = new();
    private readonly PausedAppointmentRead _pause = new();
    private ServiceProvider _services = default!;
    private SeededClinic _seed = default!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        _clinic.AddServices(services); // the real InMemoryLiveFeed
        services.ConfigureDbContext<DashboardDbContext>(o => o.AddInterceptors(_pause));
        _services = services.BuildServiceProvider();
        _seed = await _clinic.PrepareAsync(_services);
    }

    public async Task DisposeAsync()
    {
        _pause.Proceed();
        await _services.DisposeAsync();
        _clinic.Dispose();
    }

    [Fact]
    public async Task ShowRange_AnotherDeskBooksWhileTheDayLoads_StateKeepsTheBooking()
    {
        var clock = _services.GetRequiredService<BusinessClock>();
        var store = _services.CreateScope().ServiceProvider.GetRequiredService<CalendarStore>();
        var day = DateOnly.FromDateTime(TestClinic.TomorrowAt(0));
        var (start, end) = clock.Range(day, 1);
        var alreadyBooked = await _services.GetRequiredService<AppointmentService>().BookAsync(new BookAppointment(
            _seed.JohnId, _seed.MassageId, _seed.ProviderId, clock.ToUtc(TestClinic.TomorrowAt(9)), false, null, TestCallers.Manager(OtherDesk)));
        _pause.Arm();

        store.Dispatch(new ShowRange(day, CalendarViewKind.Day, start, end));
        await _pause.ReadFinished.WaitAsync(Patience);
        var bookedMeanwhile = await _services.GetRequiredService<AppointmentService>().BookAsync(new BookAppointment(
            _seed.JaneId, _seed.MassageId, _seed.ProviderId, clock.ToUtc(TestClinic.TomorrowAt(11)), false, null, TestCallers.Manager(OtherDesk)));
        await WaitForAsync(store, s => s.Appointments.ContainsKey(bookedMeanwhile.Id));
        Assert.True(store.State.Loading, "The booking should have arrived while the day was still loading.");
        _pause.Proceed();
        var loaded = await WaitForAsync(store, s => !s.Loading);

        Assert.Null(loaded.Error);
        Assert.Equal(bookedMeanwhile, loaded.Appointments.GetValueOrDefault(bookedMeanwhile.Id));
        Assert.Equal(alreadyBooked, loaded.Appointments.GetValueOrDefault(alreadyBooked.Id));
    }

    private static async Task<CalendarState> WaitForAsync(CalendarStore store, Func<CalendarState, bool> reached)
    {
        var done = new TaskCompletionSource<CalendarState>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(CalendarState state)
        {
            if (reached(state))
            {
                done.TrySetResult(state);
            }
        }
        store.StateChanged += OnChanged;
        try
        {
            OnChanged(store.State);
            return await done.Task.WaitAsync(Patience);
        }
        finally
        {
            store.StateChanged -= OnChanged;
        }
    }

    /// <summary>
    /// Once armed, holds the next read of appointments after all its rows were read (so what it
    /// returns is fixed) until <see cref="Proceed"/>.
    /// </summary>
    private sealed class PausedAppointmentRead : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _readFinished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _proceed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;

        public Task ReadFinished => _readFinished.Task;

        public void Arm() => Interlocked.Exchange(ref _armed, 1);

        public void Proceed() => _proceed.TrySetResult();

        public override async ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            if (command.CommandText.Contains("FROM \"Appointments\"", StringComparison.Ordinal) && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                _readFinished.TrySetResult();
                await _proceed.Task;
            }
            return result;
        }
    }
}
