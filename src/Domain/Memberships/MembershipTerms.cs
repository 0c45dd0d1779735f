using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Memberships;

/// <summary>From when the validity days of a membership count.</summary>
public enum ValidityStart
{
    /// <summary>From the day it is sold.</summary>
    Sale,
    /// <summary>From the day of its first visit (unused, it does not expire).</summary>
    FirstUse,
}

/// <summary>
/// What a membership type gives: validity in days (from sale or first use), the services it
/// covers, a number of visits (null = unlimited), and optionally a money value.
/// </summary>
public sealed record MembershipTerms(int ValidityDays, ValidityStart ValidFrom, IReadOnlyList<Guid> ServiceIds, int? Visits, decimal? MoneyValue)
{
    public const int MaxValidityDays = Limits.MaxExpiryDays;
    public const int MaxVisits = Limits.MaxSessionsPerRecord;

    /// <summary>The terms, checked: every number in bounds and at least one covered service.</summary>
    public static MembershipTerms Create(int validityDays, ValidityStart validFrom, IReadOnlyCollection<Guid> serviceIds, int? visits, decimal? moneyValue)
    {
        Limits.EnsureWhole(validityDays, 1, MaxValidityDays, "membership.validityDays", "Validity (days)");
        if (!Enum.IsDefined(validFrom))
        {
            throw DomainException.Invalid("Validity counts from Sale or FirstUse.", "membership.validFrom");
        }
        Limits.EnsureCount(serviceIds, Limits.MaxListItems, "membership.serviceIds", "Covered services");
        var services = serviceIds.Distinct().ToList();
        if (services.Count == 0 || services.Contains(Guid.Empty))
        {
            throw DomainException.Invalid("Choose the services the membership covers.", "membership.serviceIds");
        }
        if (visits is { } v)
        {
            Limits.EnsureWhole(v, 1, MaxVisits, "membership.visits", "Visits");
        }
        if (moneyValue is { } money)
        {
            if (money < 0m)
            {
                throw DomainException.Invalid("The money value cannot be negative.", "membership.moneyValue");
            }
            Limits.EnsureMoney(money, "membership.moneyValue", "The money value");
        }
        return new MembershipTerms(validityDays, validFrom, services, visits, moneyValue);
    }

    public bool Unlimited => Visits is null;

    public bool Covers(Guid serviceId) => ServiceIds.Contains(serviceId);

    public string Describe() =>
        $"{(Visits is { } v ? $"{v} visit{(v == 1 ? "" : "s")}" : "unlimited visits")}, valid {ValidityDays} day{(ValidityDays == 1 ? "" : "s")} from {(ValidFrom == ValidityStart.Sale ? "sale" : "first use")}";
}
