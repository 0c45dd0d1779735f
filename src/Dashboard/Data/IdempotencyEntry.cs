namespace FrontDesk.Dashboard.Data;

/// <summary>
/// The first result of a command sent with an idempotency key, saved in the same transaction
/// as the command's own changes, so that a retry or a double click replays it instead of
/// doing it twice.
/// </summary>
public sealed class IdempotencyEntry
{
    public required string Key { get; init; }
    public required string Command { get; init; }
    public required string ResultJson { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A business setting a manager can change on screen (key/value, read with defaults).</summary>
public sealed class Setting
{
    public required string Key { get; init; }
    public required string Value { get; set; }
}
