namespace FrontDesk.Dashboard.Data;

/// <summary>
/// The first result of a command sent with an idempotency key, saved in the same transaction
/// as the command's own changes, so that a retry or a double click replays it instead of
/// doing it twice.
/// </summary>
public sealed class IdempotencyEntry
{
    /// <summary>Room for the key a caller sends (at most 200 characters) and a command number ("#2").</summary>
    public const int KeyLength = 400;

    public const int CallerScopeLength = 200;

    /// <summary>
    /// Whose key it is ("Staff:id", "ApiKey:id", "System:name"): the same key sent by two callers
    /// is two keys. Empty for entries stored before keys were scoped (they expire as usual).
    /// </summary>
    public string CallerScope { get; init; } = string.Empty;

    public required string Key { get; init; }

    /// <summary>The command's name in the permissions table.</summary>
    public required string Command { get; init; }

    /// <summary>SHA-256 of method, path and body (see Security/RequestHash); empty when a screen sent the key, and for older entries.</summary>
    public string RequestHash { get; init; } = string.Empty;
    public required string ResultJson { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A business setting a manager can change on screen (key/value, read with defaults).</summary>
public sealed class Setting
{
    public required string Key { get; init; }
    public required string Value { get; set; }
}
