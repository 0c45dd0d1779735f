using System.Text.Json;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FrontDesk.Dashboard.Api;

/// <summary>
/// "Idempotency-Key" on any POST: the first successful response is stored with a hash of the
/// request (method, path and body bytes) and every retry with the same key and the same request
/// gets it back unchanged, without running the command again; the same key with a different
/// body is refused (422), since replaying the first answer would pretend the second was done. Commands
/// that move money also save the key inside their own transaction (see UnitOfWork), so two
/// copies racing each other still run once.
/// </summary>
public sealed class IdempotencyFilter(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(Header, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return await next(context);
        }
        var key = values.ToString().Trim();
        if (key.Length > UnitOfWork.MaxKeyLength - 10)
        {
            throw DomainException.Invalid($"{Header} has at most {UnitOfWork.MaxKeyLength - 10} characters.", Header);
        }
        var storeKey = "http:" + key;
        var command = $"{http.Request.Method} {http.Request.Path}";
        var hash = await RequestHash.OfAsync(http.Request, http.RequestAborted);
        await using (var db = await contexts.CreateDbContextAsync(http.RequestAborted))
        {
            if (await db.IdempotencyEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Key == storeKey, http.RequestAborted) is { } done)
            {
                if (done.Command != command)
                {
                    throw DomainException.Conflict($"That {Header} was already used for {done.Command}.");
                }
                // Entries stored before request hashes existed (empty) still replay.
                if (done.RequestHash.Length > 0 && done.RequestHash != hash)
                {
                    throw DomainException.Rule($"That {Header} was already used for a different request body; send a new key for a new request, or the same body to get the first answer again.", Header);
                }
                var stored = JsonSerializer.Deserialize<StoredResponse>(done.ResultJson)!;
                if (stored.Location is not null)
                {
                    http.Response.Headers.Location = stored.Location;
                }
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return Results.Content(stored.Body, "application/json", statusCode: stored.Status);
            }
        }
        // Commands that move money see the key too and record it in their own transaction.
        http.Items[Header] = "cmd:" + key;
        var result = await next(context);
        var (status, value, location) = result switch
        {
            IStatusCodeHttpResult s and IValueHttpResult v => (s.StatusCode ?? 200, v.Value, LocationOf(result)),
            IResult => (0, null, null),
            _ => (200, result, null),
        };
        if (status is >= 200 and < 300)
        {
            await using var db = await contexts.CreateDbContextAsync(http.RequestAborted);
            db.IdempotencyEntries.Add(new IdempotencyEntry
            {
                Key = storeKey,
                Command = command,
                RequestHash = hash,
                ResultJson = JsonSerializer.Serialize(new StoredResponse(status, JsonSerializer.Serialize(value, json.Value.SerializerOptions), location)),
                CreatedAt = clock.GetUtcNow(),
            });
            try
            {
                await db.SaveChangesAsync(http.RequestAborted);
            }
            catch (DbUpdateException)
            {
                // A racing copy stored it first; the command itself ran once (money commands) or harmlessly.
            }
        }
        return result;
    }

    /// <summary>The key the current request carries, for commands that record it transactionally.</summary>
    public static string? CommandKey(HttpContext http) => http.Items.TryGetValue(Header, out var key) ? key as string : null;

    private static string? LocationOf(object? result) => result?.GetType().GetProperty("Location")?.GetValue(result) as string;

    private sealed record StoredResponse(int Status, string Body, string? Location);
}
