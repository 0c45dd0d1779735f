using System.Collections.Concurrent;

namespace FrontDesk.Dashboard.Live;

/// <summary>
/// One instance of each distinct immutable value that many circuits hold at once. Every open desk
/// reads the same day: without this each one kept its own copy of every appointment and of every
/// text in it (names, labels, ids), about 40 KB a desk on a day of 34 appointments. A value asked
/// for again returns the instance met first; the values compare by content (records, strings), so
/// sharing one changes nothing a screen shows. Bounded by count and, when <paramref name="weigh"/>
/// is given, by total weight: when full it starts again empty (the instances already handed out
/// stay with whoever holds them). <paramref name="comparer"/> says what "equal" is where the
/// type's own equality does not (records holding lists compare those by reference).
/// </summary>
public sealed class SharedValues<T>(int capacity, Func<T, long>? weigh = null, long maxWeight = long.MaxValue, IEqualityComparer<T>? comparer = null)
    where T : class, IEquatable<T>
{
    private readonly ConcurrentDictionary<T, T> _values = new(comparer ?? EqualityComparer<T>.Default);
    private int _count;
    private long _weight;

    /// <summary>The instance equal to <paramref name="value"/> that was met first (<paramref name="value"/> itself if none).</summary>
    public T Of(T value)
    {
        if (_values.TryGetValue(value, out var shared))
        {
            return shared;
        }
        var weight = weigh?.Invoke(value) ?? 0;
        if (Interlocked.Increment(ref _count) > capacity || Interlocked.Add(ref _weight, weight) > maxWeight)
        {
            _values.Clear();
            Interlocked.Exchange(ref _count, 1);
            Interlocked.Exchange(ref _weight, weight);
        }
        return _values.GetOrAdd(value, value);
    }

    /// <summary>How many values are kept (for tests and diagnostics).</summary>
    public int Count => _values.Count;
}

/// <summary>
/// Equal when they serialize alike (System.Text.Json, every public property): for sharing
/// read models that hold lists (<see cref="SharedValues{T}"/>), whose own record equality
/// compares those lists by reference. A property added later takes part without anyone having
/// to remember to add it here.
/// </summary>
public sealed class AlikeAsJson<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly AlikeAsJson<T> Instance = new();

    public bool Equals(T? x, T? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && Json(x).SequenceEqual(Json(y)));

    public int GetHashCode(T value)
    {
        var hash = new HashCode();
        hash.AddBytes(Json(value));
        return hash.ToHashCode();
    }

    private static byte[] Json(T value) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value);
}
