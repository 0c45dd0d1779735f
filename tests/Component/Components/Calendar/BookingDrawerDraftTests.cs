using AngleSharp.Dom;
using Bunit;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Components.Calendar;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FrontDesk.Tests.Component.Components.Calendar;

/// <summary>
/// The booking drawer's draft (what its host persists across a paused circuit): the drawer
/// writes what is filled in into it, and opens again from a draft filled in before.
/// </summary>
public sealed class BookingDrawerDraftTests : ClinicTestContext
{
    private IRenderedComponent<IComponent> RenderDrawer(BookingDraft draft)
    {
        var cut = RenderWithProviders<BookingDrawer>(p => p
            .Add(d => d.Start, TestClinic.TomorrowAt(11))
            .Add(d => d.ProviderId, Seed.ProviderId)
            .Add(d => d.Draft, draft)
            .Add(d => d.OnClose, (AppointmentView? _) => { }));
        cut.WaitForAssertion(() => Assert.Equal(Seed.ProviderName, cut.Combobox("Provider").GetAttribute("value")), Patience);
        return cut;
    }

    private static IElement Drawer(IRenderedComponent<IComponent> cut) => cut.ByRole("region", "New appointment");

    [Fact]
    public async Task TypeNewClientAndNote_WithDraft_KeepsThemInTheDraft()
    {
        var draft = BookingDraft.At(TestClinic.TomorrowAt(11), Seed.ProviderId);
        var cut = RenderDrawer(draft);

        await Drawer(cut).Button("New client").ClickAsync(new MouseEventArgs());
        await cut.Field("Name").ChangeAsync(new ChangeEventArgs { Value = "Priya Patel" });
        await cut.Field("Note").ChangeAsync(new ChangeEventArgs { Value = "Prefers the quiet room" });

        Assert.True(draft.NewClient);
        Assert.Equal("Priya Patel", draft.NewName);
        Assert.Equal("Prefers the quiet room", draft.Note);
    }

    [Fact]
    public void Render_DraftFilledInBefore_OpensWithItsClientTimeAndNote()
    {
        var draft = BookingDraft.At(TestClinic.TomorrowAt(11), Seed.ProviderId);
        draft.Time = TimeSpan.FromHours(14);
        draft.ClientId = Seed.JaneId;
        draft.Note = "Bring the referral letter";

        var cut = RenderDrawer(draft);

        cut.WaitForAssertion(() => Assert.True(Drawer(cut).HasButton("Change client")), Patience);
        Assert.Contains("Jane Cooper", Drawer(cut).TextContent);
        Assert.Equal("14:00", cut.Field("Start").GetAttribute("value"));
        Assert.Equal("Bring the referral letter", cut.Field("Note").GetAttribute("value") ?? cut.Field("Note").TextContent);
    }

    [Fact]
    public void Render_DraftWithClientNoLongerOnFile_SaysSoAndAsksForAClient()
    {
        var draft = BookingDraft.At(TestClinic.TomorrowAt(11), Seed.ProviderId);
        draft.ClientId = Guid.NewGuid();

        var cut = RenderDrawer(draft);

        cut.WaitForAssertion(() => Assert.Equal(
            "The client chosen before is no longer on file. Choose a client, or add a new one.", Drawer(cut).AlertText()), Patience);
        Assert.False(Drawer(cut).HasButton("Change client"));
        Assert.Null(draft.ClientId);
    }
}
