using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace FrontDesk.Dashboard.Security;

/// <summary>
/// Request body size limits. Every API command is a small JSON document (<see cref="Json"/>);
/// an endpoint that takes more (the client CSV import) says so with
/// <c>.WithBodyLimit(BodyLimits.Import)</c>, endpoint metadata that overrides the default.
/// A larger body is answered 413 with a problem document before the endpoint runs, whether
/// it announces its length or arrives in chunks. The body is buffered (at most the limit), so
/// the idempotency filter can hash exactly what was sent.
/// </summary>
public static class BodyLimits
{
    public const long Json = 64 * 1024;
    public const long Import = 5 * 1024 * 1024;

    /// <summary>Allows this endpoint (or group) bodies of up to <paramref name="bytes"/>.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Limit(bytes));

    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        var limit = LimitOf(http);
        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (limit is null || !hasBody)
        {
            await next(http);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        if (request.ContentLength > limit)
        {
            await TooLargeAsync(http, limit.Value);
            return;
        }
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                await TooLargeAsync(http, limit.Value);
                return;
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        request.Body = buffer;
        request.ContentLength = buffer.Length;
        http.Response.RegisterForDispose(buffer);
        await next(http);
    });

    private static long? LimitOf(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } metadata)
        {
            return metadata.MaxRequestBodySize;
        }
        return http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ? Json : null;
    }

    private static async Task TooLargeAsync(HttpContext http, long limit)
    {
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request body is too large.",
                Detail = $"This endpoint takes bodies of at most {limit / 1024} KB.",
            },
        });
    }

    private sealed record Limit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
