using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;

namespace FrontDesk.Dashboard.Api;

/// <summary>
/// "Idempotency-Key" on any POST: the key and a hash of the request (method, path and body
/// bytes) are handed down, as an <see cref="IdempotencyScope"/>, to the <see cref="UnitOfWork"/>
/// that runs the endpoint's command; it stores them with the result in the command's own
/// transaction, and on a retry replays that result without running the command, so the endpoint
/// answers the same status, body and Location again (marked "Idempotent-Replayed: true"). The
/// same key with a different body is refused (422); keys are scoped to the caller (see
/// <see cref="UnitOfWork.ScopeOf"/>).
/// </summary>
public sealed class IdempotencyFilter : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(Header, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return await next(context);
        }
        var key = values.ToString().Trim();
        if (key.Length > UnitOfWork.MaxKeyLength)
        {
            throw DomainException.Invalid($"{Header} has at most {UnitOfWork.MaxKeyLength} characters.", Header);
        }
        var hash = await RequestHash.OfAsync(http.Request, http.RequestAborted);
        using var _ = IdempotencyScope.Begin(key, hash);
        var scope = IdempotencyScope.Current!;
        var result = await next(context);
        if (scope.AnyReplayed)
        {
            http.Response.Headers[ReplayedHeader] = "true";
        }
        return result;
    }
}
