using System.Threading.Channels;

namespace FrontDesk.Dashboard.Live;

/// <summary>
/// The one feed of committed changes that every open screen follows. Publish is called only
/// after a transaction commits, so a rolled-back change is never announced. In one process
/// this is in memory; across servers an implementation over PostgreSQL LISTEN/NOTIFY can
/// take its place behind the same interface. The feed delivers what it is given and knows
/// nothing of idempotency: a command whose result was replayed publishes nothing (its service
/// sees <see cref="Data.Committed{T}.Replayed"/>), since it was announced when it was done.
/// </summary>
public interface ILiveFeed
{
    void Publish(IReadOnlyList<LiveEvent> events);

    /// <summary>
    /// Delivers events in batches until the subscription is disposed: a lone change at once, what
    /// follows it within the coalescing window as one batch when the window ends.
    /// </summary>
    IDisposable Subscribe(Func<IReadOnlyList<LiveEvent>, Task> onBatch);

    int SubscriberCount { get; }
}

/// <summary>
/// What the health checks and the telemetry read from a feed: whether it delivers, how many
/// events wait in subscribers' queues now, and how many were dropped because a queue was full.
/// </summary>
public interface ILiveFeedStatus
{
    /// <summary>False once the server has begun shutting down (the "server restarting" notice is out).</summary>
    bool IsRunning { get; }

    int SubscriberCount { get; }

    /// <summary>Events waiting in all subscribers' queues right now.</summary>
    int QueueDepth { get; }

    /// <summary>Events dropped since start because a subscriber's queue was full (it was told to resync).</summary>
    long Dropped { get; }

    /// <summary>The server is shutting down: the feed still delivers what commits, but reports not running.</summary>
    void MarkStopping();
}

public sealed class LiveFeedOptions
{
    /// <summary>
    /// After a delivery, how long what follows is gathered before it goes out as one batch. The
    /// first change after a quiet spell is never held back.
    /// </summary>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Events a slow subscriber may have waiting before it is told to resync instead.</summary>
    public int QueueCapacity { get; set; } = 512;
}

public sealed class InMemoryLiveFeed(LiveFeedOptions options, TimeProvider clock, ILogger<InMemoryLiveFeed> logger) : ILiveFeed, ILiveFeedStatus
{
    private readonly Lock _gate = new();
    private Subscription[] _subscribers = [];
    private long _dropped;
    private int _stopping;

    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    public bool IsRunning => Volatile.Read(ref _stopping) == 0;

    public int QueueDepth => Volatile.Read(ref _subscribers).Sum(s => s.Waiting);

    public long Dropped => Interlocked.Read(ref _dropped);

    public void MarkStopping() => Interlocked.Exchange(ref _stopping, 1);

    public void Publish(IReadOnlyList<LiveEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.Offer(events);
        }
    }

    public IDisposable Subscribe(Func<IReadOnlyList<LiveEvent>, Task> onBatch)
    {
        var subscription = new Subscription(this, onBatch);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscription];
        }
        subscription.Start();
        return subscription;
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Where(s => s != subscription).ToArray();
        }
    }

    private sealed class Subscription : IDisposable
    {
        private readonly InMemoryLiveFeed _feed;
        private readonly Func<IReadOnlyList<LiveEvent>, Task> _onBatch;
        private readonly Channel<LiveEvent> _queue;
        private readonly CancellationTokenSource _stop = new();
        private int _overflowed;
        private int _disposed;

        public Subscription(InMemoryLiveFeed feed, Func<IReadOnlyList<LiveEvent>, Task> onBatch)
        {
            _feed = feed;
            _onBatch = onBatch;
            _queue = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(feed._options.QueueCapacity)
            {
                SingleReader = true,
                // Wait, not DropWrite: with DropWrite, TryWrite drops the item yet returns true, so
                // an overflow would go unnoticed. With Wait, TryWrite never blocks and returns false.
                FullMode = BoundedChannelFullMode.Wait,
            });
        }

        public void Start() => _ = Task.Run(PumpAsync);

        public int Waiting => _queue.Reader.CanCount ? _queue.Reader.Count : 0;

        public void Offer(IReadOnlyList<LiveEvent> events)
        {
            foreach (var e in events)
            {
                if (!_queue.Writer.TryWrite(e))
                {
                    // The screen fell behind: rather than grow without bound, it reloads.
                    Interlocked.Exchange(ref _overflowed, 1);
                    Interlocked.Increment(ref _feed._dropped);
                }
            }
        }

        private async Task PumpAsync()
        {
            var reader = _queue.Reader;
            var token = _stop.Token;
            var window = _feed._options.CoalesceWindow;
            long? lastDelivery = null;
            try
            {
                while (await reader.WaitToReadAsync(token))
                {
                    // Leading edge: a change that follows a quiet spell goes out at once. What
                    // follows a delivery within the window waits for the window to end and goes
                    // out with everything else that arrived meanwhile, as one batch.
                    if (lastDelivery is { } last)
                    {
                        var wait = window - _feed._clock.GetElapsedTime(last);
                        if (wait > TimeSpan.Zero)
                        {
                            await Task.Delay(wait, _feed._clock, token);
                        }
                    }
                    lastDelivery = _feed._clock.GetTimestamp();
                    var batch = new List<LiveEvent>();
                    while (reader.TryRead(out var e))
                    {
                        batch.Add(e);
                    }
                    if (Interlocked.Exchange(ref _overflowed, 0) == 1)
                    {
                        batch = [new ResyncRequired(_feed._clock.GetUtcNow())];
                    }
                    try
                    {
                        await _onBatch(batch);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        _feed._logger.LogWarning(ex, "A live subscriber failed to handle {Count} events", batch.Count);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // disposed
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }
            _feed.Remove(this);
            _queue.Writer.TryComplete();
            _stop.Cancel();
        }
    }

    private readonly LiveFeedOptions _options = options;
    private readonly TimeProvider _clock = clock;
    private readonly ILogger<InMemoryLiveFeed> _logger = logger;
}
