using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Tests.Unit.Support;

namespace FrontDesk.Tests.Unit.Domain.Clients;

public sealed class ClientLifecycleTests
{
    private static Client Register(string name = "Ella Wood", string? phone = "07700 900123", string? email = "ella@example.com", DateOnly? born = null, string? notes = "Allergic to latex", bool consent = true) =>
        Client.Register(ClientId.New(), new ClientDetails(name, phone, email, born, notes, consent), A.Now, A.Desk);

    [Fact]
    public void Register_FullDetails_KeepsDateOfBirthAndConsentAndIsActive()
    {
        var client = Register(born: new DateOnly(1990, 5, 1));

        Assert.Equal(new DateOnly(1990, 5, 1), client.DateOfBirth);
        Assert.True(client.MarketingConsent);
        Assert.True(client.IsActive);
    }

    [Fact]
    public void Register_DateOfBirthAfterToday_RefusedAsInvalid()
    {
        var ex = Assert.Throws<DomainException>(() => Register(born: DateOnly.FromDateTime(A.Now.UtcDateTime).AddDays(1)));

        Assert.Equal("dateOfBirth", ex.Field);
    }

    [Fact]
    public void Register_DateOfBirthBefore1900_RefusedAsInvalid()
    {
        var ex = Assert.Throws<DomainException>(() => Register(born: new DateOnly(1899, 12, 31)));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
    }

    [Fact]
    public void ChangeDetails_BadEmail_ChangesNothing()
    {
        var client = Register();

        Assert.Throws<DomainException>(() => client.ChangeDetails(new ClientDetails("Ella Stone", "07000 000000", "ella@", null, null, false), A.Now, A.Desk));

        Assert.Equal("Ella Wood", client.Name);
        Assert.Equal("07700 900123", client.Phone);
        Assert.True(client.MarketingConsent);
    }

    [Fact]
    public void Deactivate_ActiveClient_CannotBeServed()
    {
        var client = Register();

        client.Deactivate(A.Now, A.Desk);

        Assert.False(client.IsActive);
        Assert.Equal(DomainErrorKind.RuleBroken, Assert.Throws<DomainException>(client.EnsureCanBeServed).Kind);
    }

    [Fact]
    public void Reactivate_InactiveClient_CanBeServedAgain()
    {
        var client = Register();
        client.Deactivate(A.Now, A.Desk);

        client.Reactivate(A.Now, A.Desk);

        client.EnsureCanBeServed();
        Assert.True(client.IsActive);
    }

    [Fact]
    public void MergeInto_Self_RefusedAsInvalid()
    {
        var client = Register();

        var ex = Assert.Throws<DomainException>(() => client.MergeInto(client, A.Now, A.Desk));

        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
        Assert.Null(client.MergedIntoId);
    }

    [Fact]
    public void MergeInto_InactiveClient_RefusedAndDuplicateStaysActive()
    {
        var duplicate = Register();
        var kept = Register("Ella Wood", "07700 900124");
        kept.Deactivate(A.Now, A.Desk);

        Assert.Throws<DomainException>(() => duplicate.MergeInto(kept, A.Now, A.Desk));

        Assert.True(duplicate.IsActive);
        Assert.Null(duplicate.MergedIntoId);
    }

    [Fact]
    public void MergeInto_ErasedClient_Refused()
    {
        var duplicate = Register();
        var kept = Register("Ella Wood", "07700 900124");
        kept.Erase(A.Now, A.Desk);

        Assert.Throws<DomainException>(() => duplicate.MergeInto(kept, A.Now, A.Desk));
    }

    [Fact]
    public void MergeInto_ActiveClient_DeactivatesPointsToKeptAndKeepsNotes()
    {
        var duplicate = Register(notes: "Prefers mornings");
        var kept = Register("Ella Wood", "07700 900124", notes: "Allergic to latex", consent: false);

        duplicate.MergeInto(kept, A.Now, A.Desk);

        Assert.Equal(kept.Id, duplicate.MergedIntoId);
        Assert.False(duplicate.IsActive);
        Assert.Equal("Allergic to latex\nPrefers mornings", kept.Notes);
        Assert.True(kept.MarketingConsent);
    }

    [Fact]
    public void Erase_Client_RemovesEveryPersonalDetail()
    {
        var client = Register(born: new DateOnly(1990, 5, 1));

        client.Erase(A.Now, A.Desk);

        Assert.Equal(Client.ErasedName, client.Name);
        Assert.Equal((string.Empty, string.Empty, string.Empty, string.Empty), (client.Phone, client.PhoneDigits, client.Email, client.Notes));
        Assert.Null(client.DateOfBirth);
        Assert.False(client.MarketingConsent);
        Assert.True(client.IsErased);
    }

    [Fact]
    public void Erase_ThenChangeDetails_Refused()
    {
        var client = Register();
        client.Erase(A.Now, A.Desk);

        Assert.Throws<DomainException>(() => client.ChangeDetails(new ClientDetails("Ella Wood"), A.Now, A.Desk));
        Assert.Throws<DomainException>(client.EnsureCanBeServed);
    }

    [Theory]
    [InlineData("07700 900123", "07700900123")]
    [InlineData("(07700) 900-123", "07700900123")]
    [InlineData("07700.900.123", "07700900123")]
    [InlineData(null, "")]
    public void PhoneKey_AnySpacingOrPunctuation_DigitsOnly(string? phone, string expected)
    {
        Assert.Equal(expected, ClientMatch.PhoneKey(phone));
    }

    [Theory]
    [InlineData(" Ella.Wood@Example.COM ", "ella.wood@example.com")]
    [InlineData(null, "")]
    public void EmailKey_AnyCase_LowerCaseTrimmed(string? email, string expected)
    {
        Assert.Equal(expected, ClientMatch.EmailKey(email));
    }
}
