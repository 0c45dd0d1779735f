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

    /// <summary>Lower-case name, kept for indexed prefix search.</summary>
    public string SearchKey { get; private set; }

    /// <summary>The phone number's digits alone, kept for indexed search by phone.</summary>
    public string PhoneDigits { get; private set; }

    public static Client Register(ClientId id, string name, string? phone, string? email, string? notes, DateTimeOffset now, Actor actor)
    {
        var client = new Client(id, now);
        client.SetDetails(name, phone, email, notes);
        client.Raise(new ClientRegistered(id, client.Name, now, actor));
        return client;
    }

    public void ChangeDetails(string name, string? phone, string? email, string? notes, DateTimeOffset now, Actor actor)
    {
        SetDetails(name, phone, email, notes);
        Raise(new ClientDetailsChanged(Id, Name, now, actor));
    }

    /// <summary>Checks every detail first and changes nothing unless all of them are valid.</summary>
    private void SetDetails(string name, string? phone, string? email, string? notes)
    {
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
        Name = validName;
        Phone = validPhone;
        Email = validEmail;
        Notes = validNotes;
        SearchKey = NormalizeName(Name);
        PhoneDigits = DigitsOf(Phone);
    }

    public static string NormalizeName(string value) => value.Trim().ToLowerInvariant();

    public static string DigitsOf(string value) => new(value.Where(char.IsDigit).ToArray());

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}

public sealed record ClientRegistered(ClientId ClientId, string Name, DateTimeOffset OccurredAt, Actor Actor) : DomainEvent(OccurredAt, Actor);

public sealed record ClientDetailsChanged(ClientId ClientId, string Name, DateTimeOffset OccurredAt, Actor Actor) : DomainEvent(OccurredAt, Actor);
