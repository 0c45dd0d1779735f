using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using FrontDesk.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FrontDesk.Dashboard.Data;

/// <summary>
/// Writes the audit trail of one command into its own context, before it saves: one
/// <see cref="AuditEntry"/> per changed object of an audited type (changes to an object's owned
/// parts, such as a record's ledger rows or an invoice's payments, count for the object), with
/// the changed fields before and after. Saved by the command's own SaveChanges, so the trail is
/// in the same transaction as the change, and a refused command leaves none.
/// </summary>
public static class AuditWriter
{
    /// <summary>The types whose changes are audited (money, sessions, balances, stock, codes, settings, keys).</summary>
    public static IReadOnlySet<Type> AuditedTypes { get; } = new HashSet<Type>
    {
        typeof(Appointment), typeof(Invoice), typeof(PackageRecord), typeof(PackageTemplate), typeof(Client),
        typeof(Service), typeof(Provider), typeof(Resource), typeof(BusinessClosure), typeof(Setting), typeof(ApiKey),
        typeof(FrontDesk.Domain.Memberships.Product), typeof(FrontDesk.Domain.Memberships.InventoryDocument), typeof(FrontDesk.Domain.Memberships.Membership),
    };

    /// <summary>Adds the entries for every change <paramref name="db"/> tracks now; returns how many.</summary>
    /// <param name="detectChanges">False when the caller has just detected the changes itself (<see cref="UnitOfWork"/>): one scan of the graph, not two.</param>
    public static int Record(DashboardDbContext db, Caller caller, string command, DateTimeOffset at, bool detectChanges = true)
    {
        if (detectChanges)
        {
            db.ChangeTracker.DetectChanges();
        }
        var changes = new Dictionary<(string Type, string Id), Change>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            if (Root(entry) is not { } root)
            {
                continue;
            }
            if (!changes.TryGetValue((root.Type, root.Id), out var change))
            {
                change = new Change(root.Type, root.Id);
                changes.Add((root.Type, root.Id), change);
            }
            if (root.Owned is null)
            {
                change.State = entry.State;
                change.ClientId ??= ClientOf(entry);
            }
            else
            {
                change.OwnerRow ??= FindOwner(db, entry);
            }
            Collect(entry, root.Owned, change);
        }
        foreach (var change in changes.Values)
        {
            if (change.ClientId is null && change.OwnerRow is { } owner)
            {
                change.ClientId = ClientOf(owner);
            }
            if (change.Before.Count == 0 && change.After.Count == 0)
            {
                continue;
            }
            db.AuditTrail.Add(Entry(caller, command, at, change.Type, change.Id, change.ClientId,
                change.State == EntityState.Added ? null : change.Before,
                change.State == EntityState.Deleted ? null : change.After));
        }
        return changes.Count;
    }

    /// <summary>One entry made by hand (an import's summary, a setting not tracked field by field).</summary>
    public static AuditEntry Entry(Caller caller, string command, DateTimeOffset at, string objectType, string objectId, string? clientId, JsonObject? before, JsonObject? after) => new()
    {
        At = at,
        ActorKind = caller.Actor.Kind,
        ActorId = Cut(caller.Actor.Id, AuditEntry.ActorIdLength),
        ActorName = Cut(caller.Actor.DisplayName, AuditEntry.ActorNameLength),
        Command = Cut(command, AuditEntry.CommandLength),
        ObjectType = Cut(objectType, AuditEntry.ObjectTypeLength),
        ObjectId = Cut(objectId, AuditEntry.ObjectIdLength),
        ClientId = clientId,
        Before = before?.ToJsonString(),
        After = after?.ToJsonString(),
    };

    private sealed class Change(string type, string id)
    {
        public string Type { get; } = type;
        public string Id { get; } = id;
        public EntityState State { get; set; } = EntityState.Modified;
        public string? ClientId { get; set; }
        public EntityEntry? OwnerRow { get; set; }
        public JsonObject Before { get; } = [];
        public JsonObject After { get; } = [];
    }

    private sealed record RootOf(string Type, string Id, string? Owned);

    /// <summary>The audited object an entry belongs to: itself, or the owner of an owned part.</summary>
    private static RootOf? Root(EntityEntry entry)
    {
        var type = entry.Metadata;
        if (!type.IsOwned())
        {
            return AuditedTypes.Contains(type.ClrType) ? new RootOf(type.ClrType.Name, KeyOf(entry, type.FindPrimaryKey()!.Properties), null) : null;
        }
        var ownership = type.FindOwnership()!;
        if (ownership.PrincipalEntityType.IsOwned() || !AuditedTypes.Contains(ownership.PrincipalEntityType.ClrType))
        {
            return null;
        }
        var ownKey = type.FindPrimaryKey()!.Properties.Where(p => !ownership.Properties.Contains(p)).ToList();
        var part = $"{ownership.PrincipalToDependent?.Name ?? type.ShortName()}[{KeyOf(entry, ownKey)}]";
        return new RootOf(ownership.PrincipalEntityType.ClrType.Name, KeyOf(entry, ownership.Properties), part);
    }

    private static string KeyOf(EntityEntry entry, IReadOnlyList<IProperty> properties) =>
        string.Join("/", properties.Select(p => Text(Value(entry.Property(p.Name), p, original: entry.State == EntityState.Deleted))));

    private static EntityEntry? FindOwner(DashboardDbContext db, EntityEntry owned)
    {
        var ownership = owned.Metadata.FindOwnership()!;
        var values = ownership.Properties.Select(p => owned.Property(p.Name).CurrentValue).ToArray();
        var principalKey = ownership.PrincipalKey.Properties;
        return db.ChangeTracker.Entries()
            .Where(e => e.Metadata == ownership.PrincipalEntityType)
            .FirstOrDefault(e => principalKey.Select((p, i) => Equals(ProviderValue(p, e.Property(p.Name).CurrentValue), ProviderValue(ownership.Properties[i], values[i]))).All(x => x));
    }

    private static string? ClientOf(EntityEntry entry)
    {
        if (entry.Entity is Client client)
        {
            return client.Id.Value.ToString();
        }
        var property = entry.Metadata.FindProperty("ClientId");
        return property is null ? null : Text(Value(entry.Property("ClientId"), property, entry.State == EntityState.Deleted));
    }

    private static void Collect(EntityEntry entry, string? prefix, Change change)
    {
        var name = (string n) => prefix is null ? n : $"{prefix}.{n}";
        foreach (var property in entry.Properties)
        {
            Add(change, entry.State, property, name(property.Metadata.Name));
        }
        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties)
            {
                Add(change, entry.State, property, name($"{complex.Metadata.Name}.{property.Metadata.Name}"));
            }
        }
    }

    private static void Add(Change change, EntityState state, PropertyEntry property, string name)
    {
        if (property.Metadata.ClrType == typeof(byte[]))
        {
            return; // hashes of secrets stay out of the trail
        }
        switch (state)
        {
            case EntityState.Added:
                change.After[name] = Node(Value(property, property.Metadata, original: false));
                break;
            case EntityState.Deleted:
                change.Before[name] = Node(Value(property, property.Metadata, original: true));
                break;
            case EntityState.Modified when property.IsModified:
                var before = Value(property, property.Metadata, original: true);
                var after = Value(property, property.Metadata, original: false);
                if (!Equals(before, after))
                {
                    change.Before[name] = Node(before);
                    change.After[name] = Node(after);
                }
                break;
        }
    }

    /// <summary>The value as the database keeps it (ids as GUIDs, lists as JSON), instants as they are.</summary>
    private static object? Value(PropertyEntry property, IReadOnlyProperty metadata, bool original) =>
        ProviderValue(metadata, original ? property.OriginalValue : property.CurrentValue);

    private static object? ProviderValue(IReadOnlyProperty metadata, object? value) => value switch
    {
        null => null,
        string or bool or int or long or short or byte or decimal or double or float or Guid or DateTimeOffset or DateTime or DateOnly or TimeOnly or TimeSpan => value,
        Enum e => e.ToString(),
        _ when metadata.GetValueConverter() is { } converter => converter.ConvertToProvider(value),
        _ => value,
    };

    private static JsonNode? Node(object? value)
    {
        if (value is string text && text.Length > 1 && (text[0] is '[' or '{'))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                return System.Text.Json.Nodes.JsonValue.Create(text);
            }
        }
        return value is null ? null : JsonSerializer.SerializeToNode(value);
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
