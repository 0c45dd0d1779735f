using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FrontDesk.Dashboard.Api;

/// <summary>
/// Turns refused commands and unreadable requests into RFC 7807 problem details with a 4xx
/// status; anything else stays a 500 for the default handler (and is a bug to fix).
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems) : IExceptionHandler
{
    public static int StatusOf(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.Invalid => StatusCodes.Status400BadRequest,
        DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
        DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
        DomainErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, field) = exception switch
        {
            DomainException d => (StatusOf(d.Kind), TitleOf(d.Kind), d.Message, d.Field),
            BadHttpRequestException b => (b.StatusCode, "The request could not be read.", Unwrap(b), null),
            System.Text.Json.JsonException j => (StatusCodes.Status400BadRequest, "The request could not be read.", $"The JSON body is malformed: {j.Message}", null),
            _ => (0, string.Empty, string.Empty, null),
        };
        if (status == 0)
        {
            return false;
        }
        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }
        if (exception is DomainException { Confirm: { } confirm })
        {
            // The caller may repeat the request with this flag set to go ahead (e.g. dropPackage).
            problem.Extensions["confirm"] = confirm;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static string TitleOf(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.Invalid => "The request is not valid.",
        DomainErrorKind.NotFound => "Not found.",
        DomainErrorKind.Conflict => "That clashes with the current state.",
        DomainErrorKind.OutOfRange => "A value is out of range.",
        DomainErrorKind.Forbidden => "Not allowed.",
        _ => "A business rule does not allow that.",
    };

    private static string Unwrap(BadHttpRequestException exception) =>
        exception.InnerException is System.Text.Json.JsonException json
            ? $"The JSON body is malformed: {json.Message}"
            : exception.Message;
}
