using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;

namespace FrontDesk.Dashboard.Api;

/// <summary>Asks for a key: a name, and a staff role ("Manager", "Receptionist", "Display") or "online" for the booking channel.</summary>
public sealed record CreateApiKeyRequest(string? Name, string? Role);

/// <summary>A key in the API (never its secret).</summary>
public sealed record ApiKeyDto(Guid Id, string Name, string Role, string Hint, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy, DateTimeOffset? LastUsedAt)
{
    public static ApiKeyDto From(ApiKeyView k) => new(k.Id, k.Name, k.OnlineChannel ? "online" : k.Role?.ToString() ?? string.Empty, k.Hint, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.RevokedBy, k.LastUsedAt);
}

/// <summary>A new key with its secret: shown in this answer only.</summary>
public sealed record CreatedApiKeyDto(ApiKeyDto Key, string Secret);

/// <summary>GET/POST /api/v1/api-keys and POST /api/v1/api-keys/{id}/revoke: managers only.</summary>
public static class ApiKeyEndpoints
{
    public static void MapApiKeyApi(this RouteGroupBuilder api)
    {
        api.MapGet("/api-keys", async (ApiKeyService keys, Caller caller, CancellationToken ct) =>
            (await keys.ListAsync(caller, ct)).Select(ApiKeyDto.From).ToList());

        api.MapPost("/api-keys", async (CreateApiKeyRequest request, ApiKeyService keys, Caller caller, CancellationToken ct) =>
        {
            Permissions.Ensure(caller, Permissions.CreateApiKey);
            var (role, online) = RoleOf(request.Role);
            var created = await keys.CreateAsync(new CreateApiKey(request.Name, role, online, caller), ct);
            return Results.Created($"/api/v1/api-keys/{created.Key.Id}", new CreatedApiKeyDto(ApiKeyDto.From(created.Key), created.Secret));
        });

        api.MapPost("/api-keys/{id:guid}/revoke", async (Guid id, ApiKeyService keys, Caller caller, CancellationToken ct) =>
            ApiKeyDto.From(await keys.RevokeAsync(id, caller, ct)));
    }

    private static (StaffRole? Role, bool Online) RoleOf(string? role) =>
        role?.Trim() switch
        {
            null or "" => throw DomainException.Invalid("role is required: Manager, Receptionist, Display, or online.", "role"),
            var r when r.Equals("online", StringComparison.OrdinalIgnoreCase) => (null, true),
            var r when Enum.TryParse<StaffRole>(r, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(r, out _) => (parsed, false),
            var r => throw DomainException.Invalid($"role '{r}' is not one of Manager, Receptionist, Display, online.", "role"),
        };
}
