using FrontDesk.Domain.Common;
using FrontDesk.Domain.Memberships;
using FsCheck;
using FsCheck.Fluent;

namespace FrontDesk.Tests.Unit.Domain.Memberships;

public sealed class MembershipCodeTests
{
    [Fact]
    public void Parse_PaddedMixedCase_TrimsAndNormalizesToUpperCase()
    {
        var code = MembershipCode.Parse("  4821-1130ab ");

        Assert.Equal("4821-1130ab", code.Value);
        Assert.Equal("4821-1130AB", code.Normalized);
    }

    [Fact]
    public void Matches_SameCodeOtherCase_IsTrue()
    {
        Assert.True(MembershipCode.Parse("gift-01").Matches(" GIFT-01"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ab")]
    [InlineData("has space")]
    [InlineData("emoji😀")]
    public void Parse_BadCode_IsRefusedWithMessage(string typed)
    {
        var error = Assert.Throws<DomainException>(() => MembershipCode.Parse(typed));

        Assert.Equal("code", error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Parse_TooLong_IsRefused()
    {
        Assert.Throws<DomainException>(() => MembershipCode.Parse(new string('A', MembershipCode.MaxLength + 1)));
    }

    [Fact]
    public void Generate_AnyDraws_UsesOnlyUnambiguousCharactersAndParsesBack()
    {
        Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Choose(0, 1000), MembershipCode.GeneratedLength)), draws =>
        {
            var i = 0;
            var code = MembershipCode.Generate(n => draws[i++] % n);
            return code.Value.Length == MembershipCode.GeneratedLength
                && code.Value.All(c => MembershipCode.GeneratorAlphabet.Contains(c))
                && !code.Value.Any(c => c is '0' or 'O' or '1' or 'I' or 'L')
                && MembershipCode.Parse(code.Value).Normalized == code.Normalized;
        }).QuickCheckThrowOnFailure();
    }
}
