namespace FrontDesk.Domain.Common;

// Strongly typed ids: a provider id can never be passed where a client id is expected.
// Version 7 GUIDs sort by creation time, which keeps index pages warm.

public readonly record struct ClientId(Guid Value)
{
    public static ClientId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct ServiceId(Guid Value)
{
    public static ServiceId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct ProviderId(Guid Value)
{
    public static ProviderId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct ResourceId(Guid Value)
{
    public static ResourceId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct AppointmentId(Guid Value)
{
    public static AppointmentId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct InvoiceId(Guid Value)
{
    public static InvoiceId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct PackageTemplateId(Guid Value)
{
    public static PackageTemplateId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct PackageRecordId(Guid Value)
{
    public static PackageRecordId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}
