namespace FrontDesk.Dashboard;

/// <summary>
/// Serves the Blazor script that build/BlazorScript.targets extracted at build time (see the
/// comment there for why). When the app is built with -p:UseSdkBlazorScript=true the file is
/// absent and the framework's own static assets serve the script instead.
/// </summary>
public static class BlazorScriptEndpoint
{
    public static void MapBlazorScript(this WebApplication app)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "blazor-script", "blazor.web.js");
        if (!File.Exists(path))
        {
            return;
        }
        var script = File.ReadAllBytes(path);
        var etag = $"\"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(script))[..16]}\"";
        app.MapGet("/_framework/blazor.web.js", (HttpContext context) =>
        {
            context.Response.Headers.ETag = etag;
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(script, "text/javascript");
        }).ExcludeFromDescription();
    }
}
