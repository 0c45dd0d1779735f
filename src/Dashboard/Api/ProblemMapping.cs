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
            : Plain(exception.Message);

    /// <summary>
    /// The framework's binding messages name a CLR type ("Failed to bind parameter
    /// \"Nullable&lt;int&gt; limit\" from \"abc\"."); a caller is told the parameter and what it takes.
    /// </summary>
    internal static string Plain(string message)
    {
        var failed = System.Text.RegularExpressions.Regex.Match(message, "^Failed to bind parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\" from \"(?<value>[^\"]*)\"\\.?$");
        if (failed.Success)
        {
            var value = failed.Groups["value"].Value;
            var shown = value.Length > 40 ? value[..40] + "…" : value;
            return $"{failed.Groups["name"].Value} '{shown}' is not {Expected(failed.Groups["type"].Value)}.";
        }
        var missing = System.Text.RegularExpressions.Regex.Match(message, "^Required parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\" was not provided");
        if (missing.Success)
        {
            return $"{missing.Groups["name"].Value} is required: {Expected(missing.Groups["type"].Value)}.";
        }
        return message;
    }

    private static string Expected(string type)
    {
        var bare = type.StartsWith("Nullable<", StringComparison.Ordinal) ? type[9..^1] : type.TrimEnd('?');
        return bare switch
        {
            "int" or "Int32" or "long" or "Int64" or "short" => "a whole number",
            "decimal" or "Decimal" or "double" or "Double" => "a number",
            "bool" or "Boolean" => "true or false",
            "Guid" => "an id (a GUID)",
            "DateTimeOffset" or "DateTime" => "a date and time, e.g. 2026-11-23T10:00:00+00:00",
            "DateOnly" => "a day, e.g. 2026-11-23",
            "TimeOnly" => "a time of day, e.g. 10:00",
            _ => "a valid value",
        };
    }
}
