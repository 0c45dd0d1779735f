using System.Reflection;
using Microsoft.Playwright;

namespace FrontDesk.Tests.E2E.Infrastructure;

/// <summary>
/// Where E2E runs leave things for humans to look at: tests/E2E/TestResults (screenshots/,
/// server-logs/), or the folder named by E2E_ARTIFACTS.
/// </summary>
public static class Artifacts
{
    public static string Root { get; } = Environment.GetEnvironmentVariable("E2E_ARTIFACTS") is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(
            typeof(Artifacts).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "E2EProjectDirectory").Value!,
            "TestResults");

    public static string Screenshots => Path.Combine(Root, "screenshots");

    /// <summary>Saves a full-page screenshot as screenshots/{name}.png and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-'));
        var path = Path.Combine(Screenshots, safe + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
