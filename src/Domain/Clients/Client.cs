using System.Net.Mail;
using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Clients;

/// <summary>A client of the business.</summary>
public sealed class Client : AggregateRoot
{
    public const int MaxNameLength = 100;
    public const int MaxPhoneLength = 30;
    public const int MaxEmailLength = 254;
    public const int MaxNotesLength = 2000;

    private Client()
    {
        Name = string.Empty;
        Phone = string.Empty;
        Email = string.Empty;
        Notes = string.Empty;
        SearchKey = string.Empty;
        PhoneDigits = string.Empty;
    }

    private Client(ClientId id, DateTimeOffset createdAt) : this()
    {
        Id = id;
        CreatedAt = createdAt;
    }

    public ClientId Id { get; private set; }
    public string Name { get; private set; }
    public string Phone { get; private set; }
    public string Email { get; private set; }
    public string Notes { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateOnly? DateOfBirth { get; private set; }
    public bool MarketingConsent { get; private set; }

    /// <summary>When the client was deactivated (or merged, or erased); null while active.</summary>
    public DateTimeOffset? DeactivatedAt { get; private set; }

    /// <summary>The client this one was merged into, when it was a duplicate.</summary>
    public ClientId? MergedIntoId { get; private set; }

    /// <summary>When the person's data was erased on request; the record stays for the money and sessions.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    public bool IsActive => DeactivatedAt is null;
    public bool IsErased => ErasedAt is not null;

    /// <summary>Lower-case name, kept for indexed prefix search.</summary>
    public string SearchKey { get; private set; }

    /// <summary>The phone number's digits alone, kept for indexed search by phone.</summary>
    public string PhoneDigits { get; private set; }

    public const string ErasedName = "Erased client";

    /// <summary>The earliest date of birth the desk accepts (a typo such as 0198 is refused).</summary>
    public static readonly DateOnly EarliestDateOfBirth = new(1900, 1, 1);

    public static Client Register(ClientId id, string name, string? phone, string? email, string? notes, DateTimeOffset now, Actor actor) =>
        Register(id, new ClientDetails(name, phone, email, null, notes), now, actor);

    public static Client Register(ClientId id, ClientDetails details, DateTimeOffset now, Actor actor)
    {
        var client = new Client(id, now);
        client.SetDetails(details, now);
        client.Raise(new ClientRegistered(id, client.Name, now, actor));
        return client;
    }

    public void ChangeDetails(string name, string? phone, string? email, string? notes, DateTimeOffset now, Actor actor) =>
        ChangeDetails(new ClientDetails(name, phone, email, DateOfBirth, notes, MarketingConsent), now, actor);

    public void ChangeDetails(ClientDetails details, DateTimeOffset now, Actor actor)
    {
        EnsureNotGone();
        SetDetails(details, now);
        Raise(new ClientDetailsChanged(Id, Name, now, actor));
    }

    /// <summary>Hidden from search and pickers, cannot be booked or sold to; history stays.</summary>
    public void Deactivate(DateTimeOffset now, Actor actor)
    {
        EnsureNotGone();
        if (IsActive)
        {
            DeactivatedAt = now;
            Raise(new ClientDeactivated(Id, now, actor));
        }
    }

    public void Reactivate(DateTimeOffset now, Actor actor)
    {
        EnsureNotGone();
        if (!IsActive)
        {
            DeactivatedAt = null;
            Raise(new ClientReactivated(Id, now, actor));
        }
    }

    /// <summary>
    /// Marks this client as a duplicate of <paramref name="kept"/>: deactivated, pointing to it.
    /// Moving the appointments, packages and sales is the caller's part of the same transaction.
    /// </summary>
    public void MergeInto(Client kept, DateTimeOffset now, Actor actor)
    {
        if (kept.Id == Id)
        {
            throw DomainException.Invalid("A client cannot be merged into themselves; choose the other record.", "intoClientId");
        }
        EnsureNotGone();
        if (kept.IsErased || kept.MergedIntoId is not null)
        {
            throw DomainException.Rule($"{kept.Name} is erased or merged away; merge into a current client.", "intoClientId");
        }
        if (!kept.IsActive)
        {
            throw DomainException.Rule($"{kept.Name} is inactive; reactivate them first or merge the other way round.", "intoClientId");
        }
        MergedIntoId = kept.Id;
        DeactivatedAt ??= now;
        if (!string.IsNullOrEmpty(Notes))
        {
            var merged = string.IsNullOrEmpty(kept.Notes) ? Notes : $"{kept.Notes}\n{Notes}";
            kept.Notes = merged.Length <= MaxNotesLength ? merged : merged[..MaxNotesLength];
        }
        kept.MarketingConsent = kept.MarketingConsent || MarketingConsent;
        Raise(new ClientMerged(Id, kept.Id, now, actor));
    }

    /// <summary>
    /// Anonymises the person on their request: name, phone, email, date of birth and notes go;
    /// the record stays (inactive) so that appointments, sales and package balances still add up.
    /// </summary>
    public void Erase(DateTimeOffset now, Actor actor)
    {
        if (IsErased)
        {
            throw DomainException.Conflict("This client's data is already erased.");
        }
        Name = ErasedName;
        Phone = string.Empty;
        Email = string.Empty;
        Notes = string.Empty;
        DateOfBirth = null;
        MarketingConsent = false;
        SearchKey = NormalizeName(Name);
        PhoneDigits = string.Empty;
        ErasedAt = now;
        DeactivatedAt ??= now;
        Raise(new ClientErased(Id, now, actor));
    }

    /// <summary>Refuses a booking or sale for a client who is inactive, merged away or erased.</summary>
    public void EnsureCanBeServed()
    {
        if (IsErased)
        {
            throw DomainException.Rule("This client's data was erased on request; they cannot be booked or sold to. Add them as a new client if they return.", "clientId");
        }
        if (MergedIntoId is not null)
        {
            throw DomainException.Rule("This client was merged into another record; book the client it was merged into.", "clientId");
        }
        if (!IsActive)
        {
            throw DomainException.Rule($"{Name} is inactive; reactivate them on their profile before booking or selling.", "clientId");
        }
    }

    private void EnsureNotGone()
    {
        if (IsErased)
        {
            throw DomainException.Rule("This client's data was erased on request; it cannot be changed.");
        }
        if (MergedIntoId is not null)
        {
            throw DomainException.Rule("This client was merged into another record; change the one it was merged into.");
        }
    }

    /// <summary>Checks every detail first and changes nothing unless all of them are valid.</summary>
    private void SetDetails(ClientDetails details, DateTimeOffset now)
    {
        var (name, phone, email, notes) = (details.Name, details.Phone, details.Email, details.Notes);
        var validName = Text.Required(name, "name", "Client name", MaxNameLength);
        var validPhone = Text.Optional(phone, "phone", "Phone", MaxPhoneLength);
        if (validPhone.Length > 0 && !validPhone.All(c => char.IsDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.'))
        {
            throw DomainException.Invalid("Phone may contain only digits, spaces and + - ( ) .", "phone");
        }
        var validEmail = Text.Optional(email, "email", "Email", MaxEmailLength);
        if (validEmail.Length > 0 && !IsEmail(validEmail))
        {
            throw DomainException.Invalid($"'{validEmail}' is not an email address.", "email");
        }
        var validNotes = Text.Optional(notes, "notes", "Notes", MaxNotesLength);
        if (details.DateOfBirth is { } born && (born < EarliestDateOfBirth || born > DateOnly.FromDateTime(now.UtcDateTime)))
        {
            throw DomainException.Invalid($"Date of birth {born:yyyy-MM-dd} is not possible: it must be between {EarliestDateOfBirth:yyyy-MM-dd} and today.", "dateOfBirth");
        }
        Name = validName;
        DateOfBirth = details.DateOfBirth;
        MarketingConsent = details.MarketingConsent;
        Phone = validPhone;
        Email = validEmail;
        Notes = validNotes;
        SearchKey = NormalizeName(Name);
        PhoneDigits = DigitsOf(Phone);
    }

    public static string NormalizeName(string value) => value.Trim().ToLowerInvariant();

    public static string DigitsOf(string value) => new(value.Where(char.IsDigit).ToArray());

    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}

public sealed record ClientRegistered(ClientId ClientId, string Name, DateTimeOffset OccurredAt, Actor Actor) : DomainEvent(OccurredAt, Actor);

public sealed record ClientDetailsChanged(ClientId ClientId, string Name, DateTimeOffset OccurredAt, Actor Actor) : DomainEvent(OccurredAt, Actor);

public sealed record ClientDeactivated(ClientId ClientId, DateTimeOffset OccurredAt, Actor Actor) : DomainEvent(OccurredAt, Actor);

public sealed record ClientReactivated(ClientId ClientId, DateTimeOffset OccurredAt, Actor Actor) : DomainEvent(OccurredAt, Actor);

public sealed record ClientMerged(ClientId ClientId, ClientId IntoClientId, DateTimeOffset OccurredAt, Actor Actor) : DomainEvent(OccurredAt, Actor);

public sealed record ClientErased(ClientId ClientId, DateTimeOffset OccurredAt, Actor Actor) : DomainEvent(OccurredAt, Actor);
