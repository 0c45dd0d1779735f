namespace FrontDesk.Dashboard.Data;

/// <summary>
/// The idempotency key of one user intent or one HTTP request, handed down to
/// <see cref="UnitOfWork"/> for every command run while the scope is open: the API's
/// <see cref="Api.IdempotencyFilter"/> opens one per POST that carries an "Idempotency-Key"
/// (with the request's hash), a screen opens one around the command it sends (with a key made
/// once per intent, so a double click or a replayed event sends the same key). The unit of work
/// records the key with the result in the command's own transaction, and on a retry replays the
/// result instead of running the command, and tells the service so
/// (<see cref="Committed{T}.Replayed"/>), which then announces nothing on the live feed.
/// </summary>
public sealed class IdempotencyScope : IDisposable
{
    private static readonly AsyncLocal<IdempotencyScope?> Ambient = new();
    private readonly IdempotencyScope? _outer;
    private int _commands;
    private bool _disposed;

    private IdempotencyScope(string key, string? requestHash, IdempotencyScope? outer)
    {
        Key = key;
        RequestHash = requestHash;
        _outer = outer;
    }

    /// <summary>The open scope of the current flow, if any.</summary>
    public static IdempotencyScope? Current => Ambient.Value;

    public string Key { get; }

    /// <summary>A hash of what was asked (the API's method, path and body); null when a screen sends the key.</summary>
    public string? RequestHash { get; }

    /// <summary>Whether the command run last in this scope replayed an earlier result.</summary>
    public bool Replayed { get; private set; }

    /// <summary>Whether any command in this scope replayed (the API says so in a header).</summary>
    public bool AnyReplayed { get; private set; }

    /// <summary>A new key for a new intent (a screen makes one when a form opens and after each success).</summary>
    public static string NewKey() => Guid.NewGuid().ToString("N");

    /// <summary>Opens a scope for <paramref name="key"/>; with no key, nothing changes (an outer scope stays in force).</summary>
    public static IDisposable Begin(string? key, string? requestHash = null)
    {
        if (string.IsNullOrEmpty(key))
        {
            return NoScope.Instance;
        }
        var scope = new IdempotencyScope(key, requestHash, Ambient.Value);
        Ambient.Value = scope;
        return scope;
    }

    /// <summary>
    /// The key the next command in this scope records: the key itself for the first, then
    /// "key#2", "key#3"… so a request that runs two commands records both, in the same order
    /// on every retry.
    /// </summary>
    internal string NextCommandKey()
    {
        var n = Interlocked.Increment(ref _commands);
        return n == 1 ? Key : $"{Key}#{n}";
    }

    internal void Mark(bool replayed)
    {
        Replayed = replayed;
        AnyReplayed |= replayed;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (Ambient.Value == this)
        {
            Ambient.Value = _outer;
        }
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }
}

/// <summary>Settings "Idempotency": how long a key is remembered, how often expired keys are purged.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>After this a key is forgotten and may be used anew (24 hours by default).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired keys are deleted (hourly by default).</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
