using System.Diagnostics;

namespace FrontDesk.Dashboard.Errors;

/// <summary>
/// What a receptionist sees when something fails that is not a refused command (a bug, a lost
/// database, a timeout): never the exception's own text, but a reference that is also in the
/// logged error, so a manager can find the full story. The reference is the current trace id
/// when there is one (the API's 500 problem details carry the same in "traceId"), else a new id.
/// </summary>
public static class UnexpectedError
{
    private const string DataKey = "FrontDesk.ErrorReference";

    /// <summary>A new reference: the current W3C trace id, or a random one (32 hex digits).</summary>
    public static string NewReference() =>
        Activity.Current is { } activity && activity.TraceId != default
            ? activity.TraceId.ToHexString()
            : Guid.NewGuid().ToString("N");

    /// <summary>The part of a reference shown on screen: its first 8 digits, upper case.</summary>
    public static string Short(string reference) => reference[..Math.Min(8, reference.Length)].ToUpperInvariant();

    /// <summary>The message for the desk.</summary>
    public static string Message(string reference) =>
        $"Something went wrong (ref {Short(reference)}). Nothing was saved — try again; if it keeps happening, give the reference to your manager.";

    /// <summary>
    /// Logs <paramref name="exception"/> as an error with a reference (once per exception: a
    /// second call returns the same reference) and returns the message for the desk.
    /// </summary>
    public static string Report(ILogger logger, Exception exception, string doing)
    {
        if (exception.Data[DataKey] is string known)
        {
            return Message(known);
        }
        var reference = NewReference();
        exception.Data[DataKey] = reference;
        logger.LogError(exception, "Unexpected error while {Doing}, ref {ErrorRef} (shown as {ErrorShortRef})", doing, reference, Short(reference));
        return Message(reference);
    }

    /// <summary>The reference already given to an exception by <see cref="Report"/>, if any.</summary>
    public static string? ReferenceOf(Exception exception) => exception.Data[DataKey] as string;

    /// <summary>
    /// Awaits fire-and-forget work so that its failure is logged instead of lost (a cancelled
    /// one, at the end of a circuit, is not a failure).
    /// </summary>
    public static async void Forget(this Task task, ILogger logger, string doing)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            Report(logger, ex, doing);
        }
    }
}
