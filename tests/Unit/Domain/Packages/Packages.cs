using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;

namespace FrontDesk.Tests.Unit.Domain.Packages;

/// <summary>Templates, records and uses shared by the package domain tests (a Monday morning in London, UTC+0).</summary>
internal static class Packages
{
    public static readonly Actor Desk = Actor.Staff("desk-1", "Desk 1");
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero); // Monday
    public static readonly DateOnly Today = new(2026, 11, 23);
    public static readonly ServiceId Laser = ServiceId.New();
    public static readonly ServiceId Swedish = ServiceId.New();
    public static readonly ServiceId Thai = ServiceId.New();
    public static readonly ServiceId Sauna = ServiceId.New();
    public static readonly ProviderId Amira = ProviderId.New();
    public static readonly ProviderId Ben = ProviderId.New();

    public static PackageTemplate Template(
        PackageKind kind = PackageKind.Course,
        PackageValueType valueType = PackageValueType.Sessions,
        IReadOnlyList<PackageLine>? lines = null,
        IReadOnlyList<ServiceId>? services = null,
        bool allServices = false,
        decimal value = 0m,
        decimal price = 250m,
        bool forSale = true,
        ProviderId? provider = null,
        Expiry? expiry = null,
        UsageRestrictions? restrictions = null,
        string name = "Laser course") =>
        PackageTemplate.Create(PackageTemplateId.New(), new TemplateTerms(name, kind, valueType,
            lines ?? (kind == PackageKind.AnyFromList ? [] : [new PackageLine(Laser, 5)]),
            services ?? [], allServices, value, new Money(price, "GBP"), 0m, forSale, provider, expiry,
            restrictions ?? UsageRestrictions.None), T0, Desk);

    public static PackageTemplate Course(int sessions = 5, Expiry? expiry = null, UsageRestrictions? restrictions = null, ProviderId? provider = null, decimal price = 250m) =>
        Template(lines: [new PackageLine(Laser, sessions)], expiry: expiry, restrictions: restrictions, provider: provider, price: price);

    public static PackageTemplate Credit(decimal amount = 300m, decimal price = 250m) =>
        Template(PackageKind.AnyFromList, PackageValueType.Amount, services: [Swedish, Thai], value: amount, price: price, name: "Massage credit");

    public static PackageTemplate Minutes(decimal minutes = 240m) =>
        Template(PackageKind.AnyFromList, PackageValueType.Minutes, services: [Swedish, Thai], value: minutes, price: 200m, name: "4 hours of massage");

    public static PackageRecord Sell(PackageTemplate template, AcquisitionMode mode = AcquisitionMode.Paid, string? reason = null, DateTimeOffset? at = null) =>
        PackageRecord.Acquire(PackageRecordId.New(), template, ClientId.New(), mode, reason, null, at ?? T0, Today, Desk);

    /// <summary>An appointment on a day after <see cref="Today"/> at a local time.</summary>
    public static PackageUse Use(ServiceId service, int dayOffset = 1, int hour = 10, int minutes = 60, decimal price = 100m, ProviderId? provider = null, Guid? appointment = null)
    {
        var start = Today.AddDays(dayOffset).ToDateTime(new TimeOnly(hour, 0));
        return new PackageUse(appointment ?? Guid.NewGuid(), service, provider ?? Amira, start, start.AddMinutes(minutes), price);
    }

    public static PackageUse UseOn(DateOnly day, ServiceId service, int hour = 10, int minutes = 60, decimal price = 100m, ProviderId? provider = null)
    {
        var start = day.ToDateTime(new TimeOnly(hour, 0));
        return new PackageUse(Guid.NewGuid(), service, provider ?? Amira, start, start.AddMinutes(minutes), price);
    }

    public static void AssertBalancesEqualLedger(PackageRecord record)
    {
        Assert.Equal(record.Ledger.Sum(e => e.AvailableDelta), record.Available);
        Assert.Equal(record.Ledger.Sum(e => e.HeldDelta), record.Held);
        Assert.Equal(record.Ledger.Sum(e => e.UsedDelta), record.Used);
    }
}
