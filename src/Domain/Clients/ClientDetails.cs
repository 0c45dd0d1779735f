using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Clients;

/// <summary>What the desk records about a person; <see cref="Client"/> checks it all before changing anything.</summary>
public sealed record ClientDetails(
    string Name,
    string? Phone = null,
    string? Email = null,
    DateOnly? DateOfBirth = null,
    string? Notes = null,
    bool MarketingConsent = false);

/// <summary>How two clients are told to be the same person: phone by its digits, email without case.</summary>
public static class ClientMatch
{
    public static string PhoneKey(string? phone) => Client.DigitsOf(phone ?? string.Empty);

    public static string EmailKey(string? email) => (email ?? string.Empty).Trim().ToLowerInvariant();
}
