using FrontDesk.Dashboard.Live;

namespace FrontDesk.Tests.Component.Infrastructure;

/// <summary>
/// A live feed that delivers on the publishing thread, at once, unless told to hold back
/// (as the real feed does for its coalescing window). Counts subscriptions.
/// </summary>
public sealed class FakeLiveFeed : ILiveFeed
{
    private readonly Lock _gate = new();
    private readonly List<Func<IReadOnlyList<LiveEvent>, Task>> _subscribers = [];
    private readonly List<IReadOnlyList<LiveEvent>> _held = [];
    private bool _holding;

    public int SubscribeCalls { get; private set; }

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    public List<LiveEvent> Published { get; } = [];

    public void Publish(IReadOnlyList<LiveEvent> events)
    {
        lock (_gate)
        {
            Published.AddRange(events);
            if (_holding)
            {
                _held.Add(events);
                return;
            }
        }
        Deliver(events);
    }

    /// <summary>Keeps what is published from now on until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _holding = true;
        }
    }

    public void Release()
    {
        List<IReadOnlyList<LiveEvent>> held;
        lock (_gate)
        {
            _holding = false;
            held = [.. _held];
            _held.Clear();
        }
        held.ForEach(Deliver);
    }

    public IDisposable Subscribe(Func<IReadOnlyList<LiveEvent>, Task> onBatch)
    {
        lock (_gate)
        {
            SubscribeCalls++;
            _subscribers.Add(onBatch);
        }
        return new Unsubscriber(this, onBatch);
    }

    private void Deliver(IReadOnlyList<LiveEvent> events)
    {
        Func<IReadOnlyList<LiveEvent>, Task>[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers];
        }
        foreach (var subscriber in subscribers)
        {
            subscriber(events).GetAwaiter().GetResult();
        }
    }

    private sealed class Unsubscriber(FakeLiveFeed feed, Func<IReadOnlyList<LiveEvent>, Task> onBatch) : IDisposable
    {
        public void Dispose()
        {
            lock (feed._gate)
            {
                feed._subscribers.Remove(onBatch);
            }
        }
    }
}
