using System.Text.Json;
using FrontDesk.Domain.Common;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FrontDesk.Dashboard.Data;

internal sealed class ClientIdConverter() : ValueConverter<ClientId, Guid>(v => v.Value, v => new ClientId(v));
internal sealed class ServiceIdConverter() : ValueConverter<ServiceId, Guid>(v => v.Value, v => new ServiceId(v));
internal sealed class ProviderIdConverter() : ValueConverter<ProviderId, Guid>(v => v.Value, v => new ProviderId(v));
internal sealed class ResourceIdConverter() : ValueConverter<ResourceId, Guid>(v => v.Value, v => new ResourceId(v));
internal sealed class AppointmentIdConverter() : ValueConverter<AppointmentId, Guid>(v => v.Value, v => new AppointmentId(v));
internal sealed class InvoiceIdConverter() : ValueConverter<InvoiceId, Guid>(v => v.Value, v => new InvoiceId(v));
internal sealed class PackageTemplateIdConverter() : ValueConverter<PackageTemplateId, Guid>(v => v.Value, v => new PackageTemplateId(v));
internal sealed class ProductIdConverter() : ValueConverter<FrontDesk.Domain.Memberships.ProductId, Guid>(v => v.Value, v => new FrontDesk.Domain.Memberships.ProductId(v));
internal sealed class InventoryDocumentIdConverter() : ValueConverter<FrontDesk.Domain.Memberships.InventoryDocumentId, Guid>(v => v.Value, v => new FrontDesk.Domain.Memberships.InventoryDocumentId(v));
internal sealed class MembershipIdConverter() : ValueConverter<FrontDesk.Domain.Memberships.MembershipId, Guid>(v => v.Value, v => new FrontDesk.Domain.Memberships.MembershipId(v));
internal sealed class PackageRecordIdConverter() : ValueConverter<PackageRecordId, Guid>(v => v.Value, v => new PackageRecordId(v));

/// <summary>
/// SQLite has no instant type and EF cannot compare DateTimeOffset there, so instants are
/// stored as UTC DateTime text, which sorts and compares correctly in SQL.
/// </summary>
internal sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTime>(
    v => v.UtcDateTime,
    v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));

/// <summary>A small value object kept in one JSON text column.</summary>
internal static class JsonValue
{
    public static ValueConverter<T, string> Converter<T>() => new(
        v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
        v => JsonSerializer.Deserialize<T>(v, (JsonSerializerOptions?)null)!);

    public static ValueComparer<T> Comparer<T>() => new(
        (a, b) => JsonSerializer.Serialize(a, (JsonSerializerOptions?)null) == JsonSerializer.Serialize(b, (JsonSerializerOptions?)null),
        v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null).GetHashCode(StringComparison.Ordinal),
        v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, (JsonSerializerOptions?)null), (JsonSerializerOptions?)null)!);
}

/// <summary>A small list kept in one JSON text column (tags, service ids of a provider).</summary>
internal static class JsonList
{
    public static ValueConverter<List<T>, string> Converter<T>() => new(
        v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
        v => JsonSerializer.Deserialize<List<T>>(v, (JsonSerializerOptions?)null) ?? new List<T>());

    public static ValueComparer<List<T>> Comparer<T>() => new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)),
        v => v.ToList());
}
