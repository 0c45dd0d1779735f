using FrontDesk.Dashboard.Audit;
using FrontDesk.Domain.Common;

namespace FrontDesk.Tests.Unit.Dashboard.Audit;

/// <summary>An audit row's before and after JSON read as a list of fields.</summary>
public sealed class AuditChangesTests
{
    [Fact]
    public void Of_OneFieldChanged_MarksOnlyThatField()
    {
        var changes = AuditChanges.Of("{\"Status\":\"Booked\",\"Room\":\"Blue\"}", "{\"Status\":\"CheckedIn\",\"Room\":\"Blue\"}");

        Assert.Equal([new FieldChange("Status", "Booked", "CheckedIn"), new FieldChange("Room", "Blue", "Blue")], changes);
        Assert.Equal([true, false], changes.Select(c => c.Changed));
    }

    [Fact]
    public void Of_Created_EveryFieldIsNew()
    {
        var changes = AuditChanges.Of(null, "{\"Name\":\"Course\",\"Sessions\":5,\"Paid\":true}");

        Assert.Equal([new FieldChange("Name", null, "Course"), new FieldChange("Sessions", null, "5"), new FieldChange("Paid", null, "yes")], changes);
        Assert.All(changes, c => Assert.True(c.Changed));
    }

    [Fact]
    public void Of_NestedObjectsAndLists_FlattenedToReadableFields()
    {
        var changes = AuditChanges.Of("{\"Price\":{\"Amount\":60,\"Currency\":\"GBP\"},\"Tags\":[]}", "{\"Price\":{\"Amount\":75,\"Currency\":\"GBP\"},\"Tags\":[\"a\",\"b\"]}");

        Assert.Equal(
            [new FieldChange("Price.Amount", "60", "75"), new FieldChange("Price.Currency", "GBP", "GBP"), new FieldChange("Tags", "(none)", "a, b")],
            changes);
    }

    [Fact]
    public void Of_FieldOnlyAfter_AddedAtTheEndAsChanged()
    {
        var changes = AuditChanges.Of("{\"A\":1}", "{\"A\":1,\"Note\":null,\"B\":2}");

        Assert.Equal([new FieldChange("A", "1", "1"), new FieldChange("Note", null, null), new FieldChange("B", null, "2")], changes);
        Assert.Equal([false, false, true], changes.Select(c => c.Changed));
    }

    [Fact]
    public void Of_NotJson_ShownWholeUnderValue()
    {
        var changes = AuditChanges.Of("<b>not json", "[1,2]");

        Assert.Equal([new FieldChange("Value", "<b>not json", "1, 2")], changes);
    }
}

/// <summary>Filters as the API receives them: every bad part refused with the parameter's name.</summary>
public sealed class AuditFilterTests
{
    [Theory]
    [InlineData("2030-13-01", null, "from")]
    [InlineData("07/01/2030", null, "from")]
    [InlineData(null, "1999-12-31", "to")]
    [InlineData("2030-01-08", "2030-01-07", "to")]
    public void Parse_BadDays_RefusedNamingTheParameter(string? from, string? to, string field)
    {
        var refused = Assert.Throws<DomainException>(() => AuditFilter.Parse(null, null, null, null, from, to));

        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void Parse_TooLongCommand_Refused()
    {
        var refused = Assert.Throws<DomainException>(() => AuditFilter.Parse(null, new string('x', 101), null, null, null, null));

        Assert.Equal("command", refused.Field);
    }

    [Fact]
    public void Parse_BlankPartsAndSpaces_DroppedAndTrimmed()
    {
        var filter = AuditFilter.Parse("  Ella ", " ", null, "", "2030-01-07", null);

        Assert.Equal(new AuditFilter(Actor: "Ella", From: new DateOnly(2030, 1, 7)), filter);
    }
}
