using System.Security.Cryptography;
using System.Text;

namespace FrontDesk.Dashboard.Security;

/// <summary>
/// What an idempotency key promises to repeat: the method, the path with its query, and the
/// exact bytes of the body, as a SHA-256 in lower-case hex. A retry sends the same bytes; a
/// different request under the same key is refused rather than answered with the first result.
/// </summary>
public static class RequestHash
{
    public const int Length = 64;

    public static string Of(string method, string pathAndQuery, ReadOnlySpan<byte> body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(method.ToUpperInvariant()));
        sha.AppendData([0]);
        sha.AppendData(Encoding.UTF8.GetBytes(pathAndQuery));
        sha.AppendData([0]);
        sha.AppendData(body);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The hash of the current request; reads the body, which <see cref="BodyLimits"/> buffered for requests with a key.</summary>
    public static async Task<string> OfAsync(HttpRequest request, CancellationToken ct)
    {
        var body = Array.Empty<byte>();
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            using var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy, ct);
            request.Body.Position = 0;
            body = copy.ToArray();
        }
        return Of(request.Method, request.Path + request.QueryString, body);
    }
}
