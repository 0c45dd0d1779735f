using Microsoft.AspNetCore.Components;
using Bunit;
using FrontDesk.Dashboard.Components.Packages;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Packages;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components.Web;

namespace FrontDesk.Tests.Component.Components.Packages;

/// <summary>The circles alone, fed with record views as the drawers feed them.</summary>
public sealed class PackageCirclesTests : DashboardTestContext
{
    private static readonly Guid RecordId = Guid.NewGuid();

    private static RecordView Course(params SessionState[] states) => new(
        RecordId, Guid.NewGuid(), Guid.NewGuid(), "Laser course", true, PackageValueType.Sessions, AcquisitionMode.Paid, true, RecordStatus.Active,
        DateTimeOffset.UtcNow, null,
        states.Select((s, i) => new SessionView(i + 1, s, s == SessionState.Free ? null : Guid.NewGuid(), null)).ToList(),
        null, [], "GBP", 1);

    private IRenderedComponent<PackageCircles> Render(IReadOnlyList<RecordOption>? options, Action<(Guid, int?)>? chosen = null, int? selected = null)
    {
        return Render<PackageCircles>(p =>
        {
            p.Add(c => c.Options, options);
            p.Add(c => c.SelectedRecordId, selected is null ? null : RecordId);
            p.Add(c => c.SelectedSession, selected);
            p.Add(c => c.OnChoose, choice => chosen?.Invoke(choice));
        });
    }

    private static IReadOnlyList<string> CircleLabels(IRenderedComponent<IComponent> cut) =>
        cut.FindAll("button.circle").Select(b => b.GetAttribute("aria-label")!).ToList();

    [Fact]
    public void Render_SessionForfeitedByNoShow_SaysForfeitedNotRedeemed()
    {
        var course = Course(SessionState.Redeemed, SessionState.Redeemed, SessionState.Free);
        var sessions = course.Sessions.Select(x => x.Number == 2 ? x with { Forfeited = true } : x).ToList();

        var cut = Render([new RecordOption(course with { Sessions = sessions }, null)]);

        Assert.Equal(
            ["Laser course, session 1 of 3: redeemed", "Laser course, session 2 of 3: forfeited (missed, not given back)", "Laser course, session 3 of 3: free"],
            CircleLabels(cut));
    }

    [Fact]
    public void Render_NoOptionsYet_AsksForClientAndService()
    {
        var cut = Render(null);

        Assert.Equal("Choose a client and a service to see their packages.", cut.Find("[role=status]").TextContent);
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void Render_NoRecords_SaysNoActivePackages()
    {
        var cut = Render([]);

        Assert.Contains("No active packages.", cut.Markup);
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void Render_CourseWithEachState_NamesEveryCircleWithItsState()
    {
        var cut = Render([new RecordOption(Course(SessionState.Redeemed, SessionState.Booked, SessionState.Free), null)]);

        Assert.Equal(
            ["Laser course, session 1 of 3: redeemed", "Laser course, session 2 of 3: booked", "Laser course, session 3 of 3: free"],
            CircleLabels(cut));
        Assert.True(cut.Button("Laser course, session 1 of 3: redeemed").HasAttribute("disabled"));
        Assert.True(cut.Button("Laser course, session 2 of 3: booked").HasAttribute("disabled"));
        Assert.False(cut.Button("Laser course, session 3 of 3: free").HasAttribute("disabled"));
        Assert.DoesNotContain("Not for this booking", cut.Markup);
    }

    [Fact]
    public void Render_CourseWithEachState_TellsStatesApartByMarkNotColourAlone()
    {
        var cut = Render([new RecordOption(Course(SessionState.Redeemed, SessionState.Booked, SessionState.Free), null)]);

        // The mark drawn in each circle (its icon's path): none on a free ring, a clock when booked, a check when redeemed.
        string? Mark(string name) => cut.Button(name).QuerySelector(".circle-mark svg")?.InnerHtml;
        var redeemed = Mark("Laser course, session 1 of 3: redeemed");
        var booked = Mark("Laser course, session 2 of 3: booked");
        Assert.Null(Mark("Laser course, session 3 of 3: free"));
        Assert.NotNull(redeemed);
        Assert.NotNull(booked);
        Assert.NotEqual(redeemed, booked);
    }

    [Fact]
    public async Task Click_GreenCircle_ChoosesThatRecordAndSession()
    {
        (Guid, int?)? chosen = null;
        var cut = Render([new RecordOption(Course(SessionState.Booked, SessionState.Free), null)], c => chosen = c);

        await cut.Button("Laser course, session 2 of 2: free").ClickAsync(new MouseEventArgs());

        Assert.Equal((RecordId, (int?)2), chosen);
    }

    [Fact]
    public void Render_SelectedSession_IsPressedAndSaysSelected()
    {
        var cut = Render([new RecordOption(Course(SessionState.Free, SessionState.Free), null)], selected: 2);

        var selected = cut.Button("Laser course, session 2 of 2: free, selected");
        Assert.Equal("true", selected.GetAttribute("aria-pressed"));
        Assert.Equal("false", cut.Button("Laser course, session 1 of 2: free").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void Render_RecordNotForThisBooking_GreyedWithReasonAndNoCircleClickable()
    {
        var cut = Render([new RecordOption(Course(SessionState.Free, SessionState.Free), "only valid on Mon")]);

        Assert.Equal("Not for this booking: only valid on Mon", cut.Find(".package-reason").TextContent);
        Assert.Contains("package-unusable", cut.Find("[aria-label='Laser course']").ClassList);
        Assert.All(cut.FindAll("button.circle"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public void Render_Disabled_NoGreenCircleClickable()
    {
        var cut = Render<PackageCircles>(p => p
            .Add(c => c.Options, [new RecordOption(Course(SessionState.Free), null)])
            .Add(c => c.Disabled, true));

        Assert.True(cut.Button("Laser course, session 1 of 1: free").HasAttribute("disabled"));
    }

    [Fact]
    public void Render_MoneyBalance_SaysWhatIsLeftAndHeld()
    {
        var record = Course() with
        {
            Name = "Spa credit",
            CountBased = false,
            ValueType = PackageValueType.Amount,
            Balance = new BalanceView(100m, 20m, 30m, 50m),
        };

        var cut = Render([new RecordOption(record, null)]);

        Assert.Equal("false", cut.Button("Spa credit: 50.00 GBP left, 20.00 GBP held").GetAttribute("aria-pressed"));
    }
}
