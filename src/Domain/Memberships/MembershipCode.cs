using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Memberships;

/// <summary>
/// The code printed on (or typed for) one membership sold. Typed codes are trimmed; two codes
/// are the same when they differ only in case (<see cref="Normalized"/>), so "ab12" and
/// " AB12 " are one code.
/// </summary>
public readonly record struct MembershipCode
{
    public const int MinLength = 3;
    public const int MaxLength = 32;

    /// <summary>What the generator draws from: no 0/O, 1/I/L, so a code read aloud or off paper is never misread.</summary>
    public const string GeneratorAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int GeneratedLength = 8;

    private MembershipCode(string value)
    {
        Value = value;
    }

    /// <summary>The code as typed (trimmed).</summary>
    public string Value { get; }

    /// <summary>The code compared and indexed: upper case, invariant culture.</summary>
    public string Normalized => Normalize(Value);

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    /// <summary>A typed code, trimmed; refused when empty, too short or long, or with characters other than letters, digits, '-' and '/'.</summary>
    public static MembershipCode Parse(string? typed)
    {
        var code = typed?.Trim() ?? string.Empty;
        if (code.Length == 0)
        {
            throw DomainException.Invalid("Type the membership's code, or generate one.", "code");
        }
        if (code.Length is < MinLength or > MaxLength)
        {
            throw DomainException.Invalid($"A membership code has {MinLength} to {MaxLength} characters.", "code");
        }
        if (!code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/'))
        {
            throw DomainException.Invalid("A membership code has only letters, digits, '-' and '/'.", "code");
        }
        return new MembershipCode(code);
    }

    /// <summary>A new code of <see cref="GeneratedLength"/> unambiguous characters.</summary>
    public static MembershipCode Generate(Func<int, int> next)
    {
        var chars = new char[GeneratedLength];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = GeneratorAlphabet[next(GeneratorAlphabet.Length)];
        }
        return new MembershipCode(new string(chars));
    }

    public bool Matches(string? typed) => typed is not null && Normalize(typed) == Normalized;

    public override string ToString() => Value;
}
