using System.Security.Cryptography;
using System.Text;
using FrontDesk.Domain.Staff;

namespace FrontDesk.Dashboard.Security;

/// <summary>
/// A key an integration (or the online booking widget) sends as <c>X-Api-Key</c>. Only the
/// SHA-256 of its secret is kept; the secret itself is shown once, when the key is made. The
/// key acts with a staff <see cref="Role"/>, or as the online booking channel.
/// </summary>
public sealed class ApiKey
{
    public const int NameLength = 80;
    public const string SecretPrefix = "fdl_";

    /// <summary>How many characters of the secret (with its prefix) are kept in clear, to tell keys apart.</summary>
    public const int HintLength = 10;

    public Guid Id { get; init; }
    public required string Name { get; init; }

    /// <summary>The staff role the key acts with; null for the online booking channel.</summary>
    public StaffRole? Role { get; init; }
    public bool OnlineChannel { get; init; }

    /// <summary>The first characters of the secret ("fdl_AbC12x"), shown in the list and used to find the key.</summary>
    public required string Hint { get; init; }

    /// <summary>SHA-256 of the whole secret (32 bytes).</summary>
    public required byte[] SecretHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public bool Revoked => RevokedAt is not null;

    /// <summary>A new secret: "fdl_" and 32 random bytes in base64url.</summary>
    public static string NewSecret() => SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static string HintOf(string secret) => secret.Length <= HintLength ? secret : secret[..HintLength];

    /// <summary>Constant-time comparison of a presented secret with the stored hash.</summary>
    public bool Matches(string secret) => CryptographicOperations.FixedTimeEquals(Hash(secret), SecretHash);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
