using System.Collections.Immutable;
using FrontDesk.Dashboard.Calendar;

namespace FrontDesk.Dashboard.Live.Projections;

/// <summary>Today's appointments in the business's time zone, as one immutable snapshot.</summary>
public sealed record BoardSnapshot(DateOnly Day, ImmutableDictionary<Guid, AppointmentView> Appointments, long Revision)
{
    public static BoardSnapshot Empty { get; } = new(DateOnly.MinValue, ImmutableDictionary<Guid, AppointmentView>.Empty, 0);
}

/// <summary>
/// The shared projection of today's agenda: computed once per batch of live events in this
/// singleton and handed to every screen as an immutable snapshot, so that many open wall
/// displays do not each query and fold the same events.
/// </summary>
public sealed class TodayBoard : IDisposable
{
    private readonly CalendarQueries _queries;
    private readonly BusinessClock _clock;
    private readonly ILogger<TodayBoard> _logger;
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private readonly IDisposable _subscription;
    private BoardSnapshot _snapshot = BoardSnapshot.Empty;

    public TodayBoard(CalendarQueries queries, ILiveFeed feed, BusinessClock clock, ILogger<TodayBoard> logger)
    {
        _queries = queries;
        _clock = clock;
        _logger = logger;
        _subscription = feed.Subscribe(OnBatchAsync);
    }

    /// <summary>Raised (on a pool thread) with each new snapshot.</summary>
    public event Action<BoardSnapshot>? Changed;

    /// <summary>Today's snapshot, loading it first if none is held or the day has turned.</summary>
    public async Task<BoardSnapshot> CurrentAsync(CancellationToken ct = default)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        return snapshot.Day == _clock.Today ? snapshot : await ReloadAsync(ct);
    }

    private async Task<BoardSnapshot> ReloadAsync(CancellationToken ct = default)
    {
        await _loadGate.WaitAsync(ct);
        try
        {
            var today = _clock.Today;
            var (start, end) = _clock.Range(today, 1);
            var appointments = await _queries.RangeAsync(start, end, null, ct);
            var snapshot = new BoardSnapshot(today, appointments.ToImmutableDictionary(a => a.Id), Volatile.Read(ref _snapshot).Revision + 1);
            Volatile.Write(ref _snapshot, snapshot);
            Changed?.Invoke(snapshot);
            return snapshot;
        }
        finally
        {
            _loadGate.Release();
        }
    }

    private async Task OnBatchAsync(IReadOnlyList<LiveEvent> batch)
    {
        var current = Volatile.Read(ref _snapshot);
        if (current.Day != _clock.Today || batch.Any(e => e is ResyncRequired))
        {
            await ReloadAsync();
            return;
        }
        var (start, end) = _clock.Range(current.Day, 1);
        var next = Fold(current, batch, start, end);
        if (ReferenceEquals(next, current))
        {
            return;
        }
        await _loadGate.WaitAsync();
        try
        {
            // A reload may have happened meanwhile; fold onto whatever is current now.
            next = Fold(Volatile.Read(ref _snapshot), batch, start, end);
            Volatile.Write(ref _snapshot, next);
        }
        finally
        {
            _loadGate.Release();
        }
        Changed?.Invoke(next);
    }

    /// <summary>Applies appointment changes that touch [start, end) to a snapshot; pure.</summary>
    public static BoardSnapshot Fold(BoardSnapshot snapshot, IEnumerable<LiveEvent> events, DateTimeOffset start, DateTimeOffset end)
    {
        var appointments = snapshot.Appointments;
        foreach (var e in events)
        {
            if (e is not AppointmentChanged { Appointment: var a })
            {
                continue;
            }
            if (appointments.TryGetValue(a.Id, out var known) && known.Version > a.Version)
            {
                continue;
            }
            appointments = a.Start < end && a.End > start ? appointments.SetItem(a.Id, a) : appointments.Remove(a.Id);
        }
        return ReferenceEquals(appointments, snapshot.Appointments)
            ? snapshot
            : snapshot with { Appointments = appointments, Revision = snapshot.Revision + 1 };
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _loadGate.Dispose();
    }
}
