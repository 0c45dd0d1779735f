using FrontDesk.Dashboard.Live;

namespace FrontDesk.Tests.Component.Live;

/// <summary>A feed subscriber that records its batches and lets a test wait for what it expects.</summary>
internal sealed class BatchRecorder
{
    private readonly Lock _gate = new();
    private readonly List<IReadOnlyList<LiveEvent>> _batches = [];
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<IReadOnlyList<LiveEvent>> Batches
    {
        get
        {
            lock (_gate)
            {
                return [.. _batches];
            }
        }
    }

    public IReadOnlyList<LiveEvent> Events => Batches.SelectMany(b => b).ToList();

    public Task OnBatch(IReadOnlyList<LiveEvent> batch)
    {
        lock (_gate)
        {
            _batches.Add(batch);
        }
        _arrived.Release();
        return Task.CompletedTask;
    }

    /// <summary>Waits (at most <paramref name="patience"/>, never asserted on) until <paramref name="reached"/> holds.</summary>
    public async Task WaitUntilAsync(Func<BatchRecorder, bool> reached, TimeSpan patience)
    {
        using var giveUp = new CancellationTokenSource(patience);
        while (!reached(this))
        {
            try
            {
                await _arrived.WaitAsync(giveUp.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Still waiting after {patience}; received {Events.Count} events in {Batches.Count} batches.");
            }
        }
    }
}
