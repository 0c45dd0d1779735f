using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Domain.Clients;

public sealed class ClientTests
{
    private static Client Register(string name = "Olivia Smith", string? phone = "07700 900123", string? email = "olivia@example.com", string? notes = null) =>
        Client.Register(ClientId.New(), name, phone, email, notes, A.Now, A.Desk);

    private static DomainException Refusal(Func<Client> act) => Assert.Throws<DomainException>(() => act());

    [Fact]
    public void Register_ValidDetails_TrimsAndKeepsSearchKeys()
    {
        var client = Register("  Olivia Smith ", " +44 (0)7700-900.123 ");

        Assert.Equal("Olivia Smith", client.Name);
        Assert.Equal("olivia smith", client.SearchKey);
        Assert.Equal("+44 (0)7700-900.123", client.Phone);
        Assert.Equal("4407700900123", client.PhoneDigits);
        Assert.IsType<ClientRegistered>(Assert.Single(client.DomainEvents));
    }

    [Fact]
    public void Register_NoPhoneNoEmail_Accepted()
    {
        var client = Register(phone: null, email: "  ");

        Assert.Equal(string.Empty, client.Phone);
        Assert.Equal(string.Empty, client.Email);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Register_EmptyName_RefusedAsInvalid(string name)
    {
        var ex = Refusal(() => Register(name));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
        Assert.Equal("name", ex.Field);
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("Olivia\u001b[2J")]
    public void Register_NameWithControlCharacters_RefusedAsInvalid(string name)
    {
        var ex = Refusal(() => Register(name));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
        Assert.Equal("name", ex.Field);
    }

    [Fact]
    public void Register_NotesOnSeveralLines_Accepted()
    {
        var client = Register(notes: "Allergic to nuts.\r\n\tPrefers a quiet room.");

        Assert.Contains('\n', client.Notes);
    }

    [Fact]
    public void Register_NameAtMaximum_Accepted()
    {
        var client = Register(new string('a', Client.MaxNameLength));

        Assert.Equal(Client.MaxNameLength, client.Name.Length);
    }

    [Fact]
    public void Register_NameTooLong_RefusedAsInvalid()
    {
        var ex = Refusal(() => Register(new string('a', Client.MaxNameLength + 1)));

        Assert.Equal("name", ex.Field);
    }

    [Theory]
    [InlineData("0770O 900123")]
    [InlineData("call me")]
    [InlineData("07700#900")]
    public void Register_PhoneWithLetters_RefusedAsInvalid(string phone)
    {
        var ex = Refusal(() => Register(phone: phone));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
        Assert.Equal("phone", ex.Field);
    }

    [Fact]
    public void Register_PhoneTooLong_RefusedAsInvalid()
    {
        var ex = Refusal(() => Register(phone: new string('1', Client.MaxPhoneLength + 1)));

        Assert.Equal("phone", ex.Field);
    }

    [Theory]
    [InlineData("olivia")]
    [InlineData("olivia@")]
    [InlineData("@example.com")]
    [InlineData("olivia@localhost")]
    [InlineData("Olivia <olivia@example.com>")]
    [InlineData("olivia smith@example.com")]
    public void Register_BadEmail_RefusedAsInvalid(string email)
    {
        var ex = Refusal(() => Register(email: email));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
        Assert.Equal("email", ex.Field);
    }

    [Fact]
    public void Register_NotesTooLong_RefusedAsInvalid()
    {
        var ex = Refusal(() => Register(notes: new string('n', Client.MaxNotesLength + 1)));

        Assert.Equal("notes", ex.Field);
    }

    [Fact]
    public void ChangeDetails_BadEmail_RefusedAndDetailsKept()
    {
        var client = Register();

        Assert.Throws<DomainException>(() => client.ChangeDetails("Olivia Jones", null, "nope", null, A.Now, A.Desk));

        Assert.Equal("Olivia Smith", client.Name);
    }
}
