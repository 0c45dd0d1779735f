namespace FrontDesk.Domain.Common;

public enum ActorKind
{
    Staff,
    Client,
    ApiKey,
    System,
}

/// <summary>
/// Who performs a command. Every command carries one, so that authorization and the audit
/// trail can be plugged in at one place later.
/// </summary>
public sealed record Actor(ActorKind Kind, string Id, string DisplayName)
{
    public static Actor Staff(string id, string name) => new(ActorKind.Staff, id, name);
    public static Actor Api(string keyId) => new(ActorKind.ApiKey, keyId, $"API ({keyId})");
    public static Actor System { get; } = new(ActorKind.System, "system", "System");

    public override string ToString() => DisplayName;
}
