using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FrontDesk.Dashboard.Errors;

/// <summary>
/// The screens' error boundary: a failure inside is logged with a reference
/// (<see cref="UnexpectedError"/>) before the error content shows, so the message on screen
/// and the log line carry the same reference.
/// </summary>
public sealed class ReportingErrorBoundary : ErrorBoundary
{
    [Inject] private ILogger<ReportingErrorBoundary> Logger { get; set; } = default!;

    protected override Task OnErrorAsync(Exception exception)
    {
        UnexpectedError.Report(Logger, exception, "showing a screen");
        return Task.CompletedTask;
    }
}
