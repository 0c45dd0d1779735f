namespace FrontDesk.Domain.Common;

/// <summary>What kind of rule a refused command broke; the API maps it to a status code.</summary>
public enum DomainErrorKind
{
    /// <summary>The input itself is invalid (empty name, negative amount).</summary>
    Invalid,
    /// <summary>Something the command names does not exist.</summary>
    NotFound,
    /// <summary>The command clashes with the current state (slot taken, illegal transition).</summary>
    Conflict,
    /// <summary>A business rule forbids it (outside working hours, payment short).</summary>
    RuleBroken,
    /// <summary>A number, amount or date is outside the bounds of <see cref="Limits"/>.</summary>
    OutOfRange,
    /// <summary>The caller (a staff member's role, an API key) may not run this command.</summary>
    Forbidden,
}

/// <summary>
/// A refused command. The message is written for a receptionist: it says what is wrong and,
/// where possible, what to do instead. Nothing was changed when this is thrown.
/// </summary>
public sealed class DomainException(DomainErrorKind kind, string message, string? field = null) : Exception(message)
{
    public DomainErrorKind Kind { get; } = kind;

    /// <summary>The input the message is about, when there is one (e.g. "phone").</summary>
    public string? Field { get; } = field;

    /// <summary>
    /// When set, the command may go ahead if the caller confirms by sending this flag (e.g.
    /// "dropPackage"): the message is the question to ask ("… Move anyway?").
    /// </summary>
    public string? Confirm { get; private init; }

    /// <summary>Something the caller must agree to first; repeating the command with <paramref name="confirm"/> set does it.</summary>
    public static DomainException NeedsConfirmation(string message, string confirm) => new(DomainErrorKind.Conflict, message) { Confirm = confirm };

    public static DomainException Invalid(string message, string? field = null) => new(DomainErrorKind.Invalid, message, field);
    public static DomainException NotFound(string message) => new(DomainErrorKind.NotFound, message);
    public static DomainException Conflict(string message) => new(DomainErrorKind.Conflict, message);
    public static DomainException Rule(string message, string? field = null) => new(DomainErrorKind.RuleBroken, message, field);
    public static DomainException Forbidden(string message) => new(DomainErrorKind.Forbidden, message);
}
