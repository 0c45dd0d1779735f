namespace FrontDesk.Dashboard.Security;

/// <summary>
/// Headers on every response: a Content-Security-Policy that lets the page load and connect to
/// this server only (Blazor's script and circuit, MudBlazor's script and styles), no framing,
/// no MIME sniffing, no referrer. MudBlazor writes its theme as a &lt;style&gt; element and
/// positions popovers with style attributes, so styles alone allow 'unsafe-inline'; scripts
/// never do.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy for a page served from <paramref name="host"/> (host[:port]).</summary>
    public static string ContentSecurityPolicy(string host) =>
        "default-src 'self'; " +
        "script-src 'self'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        $"connect-src 'self' ws://{host} wss://{host}; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(HostOf(http.Request));
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(http);
    });

    /// <summary>The request's host[:port] when it is a plain one; nothing a header could smuggle a directive through.</summary>
    private static string HostOf(HttpRequest request)
    {
        var host = request.Host.Value;
        return !string.IsNullOrEmpty(host) && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']') ? host : "localhost";
    }
}
