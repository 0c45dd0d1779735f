using BenchmarkDotNet.Attributes;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Live;
using FrontDesk.Domain.Calendar;
using Microsoft.Extensions.Logging.Abstractions;

namespace FrontDesk.Benchmarks;

/// <summary>
/// From Publish to the moment every open screen's subscriber has the event: the live feed's
/// share of "a change appears on every screen". The 100 ms coalescing window is set to zero
/// here so that the feed's own cost is what is measured; with it, add about 100 ms.
/// </summary>
[MemoryDiagnoser]
public class LiveFanOutBenchmarks
{
    private InMemoryLiveFeed _feed = null!;
    private List<IDisposable> _subscriptions = [];
    private int _pending;
    private TaskCompletionSource _allDelivered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private AppointmentChanged _event = null!;

    [Params(10, 100, 500)]
    public int Screens { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _feed = new InMemoryLiveFeed(new LiveFeedOptions { CoalesceWindow = TimeSpan.Zero }, TimeProvider.System, NullLogger<InMemoryLiveFeed>.Instance);
        for (var i = 0; i < Screens; i++)
        {
            _subscriptions.Add(_feed.Subscribe(_ =>
            {
                if (Interlocked.Decrement(ref _pending) == 0)
                {
                    _allDelivered.TrySetResult();
                }
                return Task.CompletedTask;
            }));
        }
        var view = new AppointmentView(Guid.NewGuid(), Guid.NewGuid(), "Olivia Smith", Guid.NewGuid(), "Massage", "Massage", Guid.NewGuid(), "Amira",
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1), AppointmentStatus.Booked, 60m, "GBP", string.Empty, null, null, null, 0);
        _event = new AppointmentChanged(view, AppointmentChange.Booked, DateTimeOffset.UtcNow, "Front desk");
    }

    [Benchmark]
    public async Task PublishToAllScreens()
    {
        _allDelivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _pending, Screens);
        _feed.Publish([_event]);
        await _allDelivered.Task;
    }

    [GlobalCleanup]
    public void Cleanup() => _subscriptions.ForEach(s => s.Dispose());
}
