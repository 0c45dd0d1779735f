using FrontDesk.Dashboard.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FrontDesk.Dashboard.Api;

/// <summary>
/// The last exception handler: anything <see cref="ProblemMapping"/> did not turn into a 4xx is
/// logged with a reference and answered 500 with problem details whose "traceId" is that same
/// reference, and no exception text.
/// </summary>
public sealed class UnexpectedErrorHandler(IProblemDetailsService problems, ILogger<UnexpectedErrorHandler> logger) : IExceptionHandler
{
    private const string ItemKey = "FrontDesk.ErrorReference";

    /// <summary>Problem details customisation: a 500's "traceId" stays the logged reference (the defaults would set their own).</summary>
    public static void KeepReference(ProblemDetailsContext context)
    {
        if (context.HttpContext.Items[ItemKey] is string reference)
        {
            context.ProblemDetails.Extensions["traceId"] = reference;
        }
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        UnexpectedError.Report(logger, exception, $"{httpContext.Request.Method} {httpContext.Request.Path}");
        var reference = UnexpectedError.ReferenceOf(exception)!;
        httpContext.Items[ItemKey] = reference;
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "Something went wrong.",
            Detail = $"Nothing was saved. Try again; if it keeps happening, give the reference {UnexpectedError.Short(reference)} to the clinic's manager.",
        };
        problem.Extensions["traceId"] = reference;
        problem.Extensions["ref"] = UnexpectedError.Short(reference);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
