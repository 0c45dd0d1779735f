using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Live;
using FrontDesk.Domain.Common;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FrontDesk.Tests.Component.Live;

public sealed class InMemoryLiveFeedTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly Actor Desk = Actor.Staff("desk-1", "Front desk");

    private static InMemoryLiveFeed Feed(TimeSpan? window = null, int capacity = 512) =>
        new(new LiveFeedOptions { CoalesceWindow = window ?? TimeSpan.FromMilliseconds(20), QueueCapacity = capacity }, TimeProvider.System, NullLogger<InMemoryLiveFeed>.Instance);

    private static ClientRegisteredLive Event(int n) => new(Guid.NewGuid(), $"Client {n}", DateTimeOffset.UnixEpoch, "Front desk");

    [Fact]
    public async Task Publish_AfterCommittedBooking_DeliversToEverySubscriberAndNothingForRefusedOne()
    {
        using var clinic = new TestClinic();
        var services = new ServiceCollection();
        clinic.AddServices(services);
        await using var provider = services.BuildServiceProvider();
        var seed = await clinic.PrepareAsync(provider);
        var feed = provider.GetRequiredService<ILiveFeed>();
        var appointments = provider.GetRequiredService<AppointmentService>();
        var clock = provider.GetRequiredService<BusinessClock>();
        var first = new BatchRecorder();
        var second = new BatchRecorder();
        using var s1 = feed.Subscribe(first.OnBatch);
        using var s2 = feed.Subscribe(second.OnBatch);
        var start = clock.ToUtc(TestClinic.TomorrowAt(10));
        var unknownService = Guid.NewGuid();

        await Assert.ThrowsAsync<DomainException>(() =>
            appointments.BookAsync(new BookAppointment(seed.JaneId, unknownService, seed.ProviderId, start, false, null, TestCallers.Manager(Desk))));
        var booked = await appointments.BookAsync(new BookAppointment(seed.JaneId, seed.MassageId, seed.ProviderId, start, false, null, TestCallers.Manager(Desk)));

        foreach (var recorder in new[] { first, second })
        {
            await recorder.WaitUntilAsync(r => r.Events.OfType<AppointmentChanged>().Any(), Patience);
            var changed = Assert.IsType<AppointmentChanged>(Assert.Single(recorder.Events));
            Assert.Equal(booked, changed.Appointment);
            Assert.Equal(AppointmentChange.Booked, changed.Change);
        }
    }

    private static InMemoryLiveFeed Feed(FakeTimeProvider clock, TimeSpan window) =>
        new(new LiveFeedOptions { CoalesceWindow = window }, clock, NullLogger<InMemoryLiveFeed>.Instance);

    /// <summary>Moves the fake clock on in small steps until <paramref name="reached"/> holds (the pump may not have set its timer yet).</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> reached)
    {
        var giveUp = DateTime.UtcNow + Patience;
        while (!reached())
        {
            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"Still waiting after {Patience}.");
            }
            clock.Advance(TimeSpan.FromMilliseconds(5));
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task Publish_LoneChange_ArrivesWithoutWaitingForTheWindow()
    {
        var clock = new FakeTimeProvider();
        var feed = Feed(clock, TimeSpan.FromMilliseconds(100));
        var recorder = new BatchRecorder();
        using var _ = feed.Subscribe(recorder.OnBatch);
        var lone = Event(1);

        feed.Publish([lone]);

        // The fake clock never moves: a feed that held the change for its window would never deliver it.
        await recorder.WaitUntilAsync(r => r.Events.Count == 1, Patience);
        Assert.Equal([lone], recorder.Events);
    }

    [Fact]
    public async Task Publish_ChangesRightAfterADelivery_WaitForTheWindowAndArriveAsOneBatch()
    {
        var clock = new FakeTimeProvider();
        var window = TimeSpan.FromMilliseconds(100);
        var feed = Feed(clock, window);
        var batches = new List<(DateTimeOffset At, IReadOnlyList<LiveEvent> Events)>();
        using var _ = feed.Subscribe(batch =>
        {
            lock (batches)
            {
                batches.Add((clock.GetUtcNow(), batch));
            }
            return Task.CompletedTask;
        });
        int Count()
        {
            lock (batches)
            {
                return batches.Count;
            }
        }
        var first = Event(1);
        // The window runs from when the first delivery starts, which is no earlier than its
        // publication; the handler may note the time a clock step later, so measure from here.
        var firstPublished = clock.GetUtcNow();
        feed.Publish([first]);
        await AdvanceUntilAsync(clock, () => Count() == 1);
        var second = Event(2);
        var third = Event(3);

        feed.Publish([second]);
        feed.Publish([third]);
        await AdvanceUntilAsync(clock, () => Count() == 2);

        Assert.Equal([first], batches[0].Events);
        Assert.Equal([second, third], batches[1].Events);
        Assert.True(batches[1].At - firstPublished >= window, $"The follow-up batch came {(batches[1].At - firstPublished).TotalMilliseconds} ms after the first was published, inside the {window.TotalMilliseconds} ms window.");
    }

    [Fact]
    public async Task Publish_ChangeAfterAQuietWindow_ArrivesAtOnce()
    {
        var clock = new FakeTimeProvider();
        var window = TimeSpan.FromMilliseconds(100);
        var feed = Feed(clock, window);
        var recorder = new BatchRecorder();
        using var _ = feed.Subscribe(recorder.OnBatch);
        feed.Publish([Event(1)]);
        await recorder.WaitUntilAsync(r => r.Events.Count == 1, Patience);
        clock.Advance(window);
        var later = Event(2);

        feed.Publish([later]);

        // No further clock movement: the window after the first delivery is over.
        await recorder.WaitUntilAsync(r => r.Events.Count == 2, Patience);
        Assert.Equal([later], recorder.Batches[1]);
    }

    [Fact]
    public async Task Publish_BurstWithinWindow_ArrivesInFewerBatchesThanEvents()
    {
        var feed = Feed(window: TimeSpan.FromMilliseconds(200));
        var recorder = new BatchRecorder();
        using var _ = feed.Subscribe(recorder.OnBatch);
        var burst = Enumerable.Range(0, 20).Select(Event).ToList();

        foreach (var e in burst)
        {
            feed.Publish([e]);
        }
        await recorder.WaitUntilAsync(r => r.Events.Count == burst.Count, Patience);

        Assert.Equal(burst, recorder.Events);
        Assert.True(recorder.Batches.Count < burst.Count, $"{burst.Count} events came in {recorder.Batches.Count} batches: the burst was not coalesced.");
    }

    [Fact]
    public async Task Publish_SubscriberQueueOverflows_ThatSubscriberReceivesResyncRequiredOthersEverything()
    {
        var feed = Feed(capacity: 4);
        var stuck = new TaskCompletionSource();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new BatchRecorder();
        var fast = new BatchRecorder();
        using var s1 = feed.Subscribe(async batch =>
        {
            await slow.OnBatch(batch);
            entered.TrySetResult();
            await stuck.Task; // this screen hangs on its first batch
        });
        using var s2 = feed.Subscribe(fast.OnBatch);
        var events = Enumerable.Range(0, 11).Select(Event).ToList();

        feed.Publish([events[0]]);
        await entered.Task.WaitAsync(Patience);
        foreach (var e in events.Skip(1))
        {
            // One at a time, so the healthy screen keeps up while the stuck one's queue fills.
            feed.Publish([e]);
            await fast.WaitUntilAsync(r => r.Events.Contains(e), Patience);
        }
        stuck.SetResult();
        await slow.WaitUntilAsync(r => r.Batches.Count >= 2, Patience);

        Assert.Equal([events[0]], slow.Batches[0]);
        Assert.IsType<ResyncRequired>(Assert.Single(slow.Batches[1]));
        Assert.Equal(events, fast.Events);
    }

    [Fact]
    public async Task Dispose_EverySubscription_BringsSubscriberCountBackToZeroAndStopsDelivery()
    {
        var feed = Feed();
        var gone = new BatchRecorder();
        var staying = new BatchRecorder();
        var a = feed.Subscribe(gone.OnBatch);
        var b = feed.Subscribe(staying.OnBatch);
        var c = feed.Subscribe(_ => Task.CompletedTask);
        Assert.Equal(3, feed.SubscriberCount);

        a.Dispose();
        a.Dispose(); // twice is harmless
        c.Dispose();
        var afterwards = Event(1);
        feed.Publish([afterwards]);
        await staying.WaitUntilAsync(r => r.Events.Contains(afterwards), Patience);
        b.Dispose();

        Assert.Equal(0, feed.SubscriberCount);
        Assert.DoesNotContain(afterwards, gone.Events);
    }

    [Fact]
    public async Task Publish_SubscriberThrows_OthersStillReceiveAndThrowerKeepsItsSubscription()
    {
        var feed = Feed();
        var calls = 0;
        var good = new BatchRecorder();
        var thrower = new BatchRecorder();
        using var bad = feed.Subscribe(async batch =>
        {
            await thrower.OnBatch(batch);
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException("this screen is broken");
        });
        using var _ = feed.Subscribe(good.OnBatch);
        using var syncThrower = feed.Subscribe(_ => throw new InvalidOperationException("thrown before any Task"));

        var first = Event(1);
        feed.Publish([first]);
        await good.WaitUntilAsync(r => r.Events.Contains(first), Patience);
        await thrower.WaitUntilAsync(r => r.Events.Contains(first), Patience);
        var second = Event(2);
        feed.Publish([second]);
        await good.WaitUntilAsync(r => r.Events.Contains(second), Patience);
        await thrower.WaitUntilAsync(r => r.Events.Contains(second), Patience);

        Assert.Equal([first, second], good.Events);
        Assert.Equal(2, Volatile.Read(ref calls));
        Assert.Equal(3, feed.SubscriberCount);
    }
}
