using System.Collections.Concurrent;
using FrontDesk.Dashboard.Live;

namespace FrontDesk.Tests.Unit.Support;

/// <summary>A live feed that only remembers what was published, so tests can see what was announced.</summary>
public sealed class RecordingLiveFeed : ILiveFeed
{
    private readonly ConcurrentQueue<LiveEvent> _published = new();

    public IReadOnlyList<LiveEvent> Published => _published.ToList();

    public int SubscriberCount => 0;

    public void Publish(IReadOnlyList<LiveEvent> events)
    {
        foreach (var e in events)
        {
            _published.Enqueue(e);
        }
    }

    /// <summary>Subscribers (the business settings' store follows the feed once loaded) are accepted and told nothing.</summary>
    public IDisposable Subscribe(Func<IReadOnlyList<LiveEvent>, Task> onBatch) => new NoSubscription();

    private sealed class NoSubscription : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
