using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Store.Calendar;
using FrontDesk.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Infrastructure;

/// <summary>A bUnit context over a seeded clinic database and a <see cref="FakeLiveFeed"/>.</summary>
public abstract class ClinicTestContext : DashboardTestContext, IAsyncLifetime
{
    /// <summary>Another receptionist, working at another desk.</summary>
    protected static readonly Actor OtherDesk = Actor.Staff("desk-2", "Second desk");

    /// <summary>Long enough for a busy 2-core machine; it only bounds a wait, it is never asserted on.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    protected ClinicTestContext()
        : this(realLiveFeed: false)
    {
    }

    /// <param name="realLiveFeed">Use the app's own in-memory feed (coalescing, on its own thread) instead of <see cref="FakeLiveFeed"/>.</param>
    protected ClinicTestContext(bool realLiveFeed) => Clinic.AddServices(Services, realLiveFeed ? null : Feed);

    protected TestClinic Clinic { get; } = new();

    protected FakeLiveFeed Feed { get; } = new();

    protected SeededClinic Seed { get; private set; } = default!;

    protected AppointmentService AppointmentService => Services.GetRequiredService<AppointmentService>();

    protected CalendarStore Store => Services.GetRequiredService<CalendarStore>();

    protected FrontDesk.Dashboard.BusinessClock Clock => Services.GetRequiredService<FrontDesk.Dashboard.BusinessClock>();

    public async Task InitializeAsync() => Seed = await Clinic.PrepareAsync(Services);

    /// <summary>MudBlazor's services (the key interceptor) can only be disposed asynchronously, so the context is disposed here, before xunit's Dispose.</summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Clinic.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Clinic.Dispose();
        }
    }

    /// <summary>Books Jane's massage tomorrow at <paramref name="hour"/> as another desk would.</summary>
    protected Task<AppointmentView> BookJaneAsync(int hour = 10)
    {
        return AppointmentService.BookAsync(new BookAppointment(
            Seed.JaneId, Seed.MassageId, Seed.ProviderId, Clock.ToUtc(TestClinic.TomorrowAt(hour)), false, null, TestCallers.Manager(OtherDesk)));
    }

    /// <summary>Makes the store show tomorrow (as the calendar page does) and waits for it to load.</summary>
    protected async Task ShowTomorrowAsync()
    {
        var day = DateOnly.FromDateTime(TestClinic.TomorrowAt(0));
        var (start, end) = Clock.Range(day, 1);
        await StoreWaiting.DispatchAndWaitAsync(Store, new ShowRange(day, CalendarViewKind.Day, start, end), s => !s.Loading, Patience);
    }
}
