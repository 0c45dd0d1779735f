using Bunit;
using FrontDesk.Dashboard.Components.Theme;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace FrontDesk.Tests.Component.Components.Theme;

/// <summary>
/// A select that is its closed markup until opened: the same combobox by role and name, the real
/// MudSelect (with its options) only while open, and the choice reaching the owner.
/// </summary>
public sealed class DeferredSelectTests : DashboardTestContext, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private int _chosen = 15;

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's popover service can only be disposed asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    private IRenderedComponent<IComponent> RenderGrid() =>
        RenderWithProviders<DeferredSelect<int>>(p => p
            .Add(s => s.Value, _chosen)
            .Add(s => s.ValueChanged, EventCallback.Factory.Create<int>(this, m => _chosen = m))
            .Add(s => s.Label, "Grid")
            .Add(s => s.AriaLabel, "Grid minutes")
            .Add(s => s.Class, "cal-select")
            .Add(s => s.ToStringFunc, m => $"{m} min")
            .Add(s => s.ChildContent, (RenderFragment)(b =>
            {
                foreach (var minutes in new[] { 5, 10, 15, 30 })
                {
                    b.OpenComponent<MudSelectItem<int>>(0);
                    b.AddAttribute(1, nameof(MudSelectItem<int>.Value), minutes);
                    b.AddAttribute(2, nameof(MudSelectItem<int>.ChildContent), (RenderFragment)(t => t.AddContent(0, $"{minutes} min")));
                    b.CloseComponent();
                }
            })));

    [Fact]
    public void Render_Closed_IsAComboboxNamedWithItsValueAndNoMudSelect()
    {
        var cut = RenderGrid();

        var combobox = cut.Combobox("Grid minutes");
        Assert.Equal("15 min", combobox.GetAttribute("value"));
        Assert.Equal("false", combobox.GetAttribute("aria-expanded"));
        Assert.Empty(cut.FindComponents<MudSelect<int>>());
    }

    [Fact]
    public void Render_Closed_ShowsItsLabelForTheCombobox()
    {
        var cut = RenderGrid();

        var label = cut.FindAll("label").Single(l => l.TextContent == "Grid");
        Assert.Equal(cut.Combobox("Grid minutes").Id, label.GetAttribute("for"));
    }

    [Fact]
    public async Task MouseDown_OpensTheRealSelectWithItsOptions()
    {
        var cut = RenderGrid();

        await cut.Combobox("Grid minutes").Closest(".mud-input-control")!.MouseDownAsync(new MouseEventArgs { Button = 0 });

        cut.WaitForAssertion(() => Assert.Equal(["5 min", "10 min", "15 min", "30 min"], cut.OpenOptions()), Patience);
        Assert.Single(cut.FindComponents<MudSelect<int>>());
    }

    [Theory]
    [InlineData("Enter")]
    [InlineData(" ")]
    [InlineData("ArrowDown")]
    public async Task KeyDown_OpeningKey_OpensTheRealSelect(string key)
    {
        var cut = RenderGrid();

        await cut.Combobox("Grid minutes").KeyDownAsync(new KeyboardEventArgs { Key = key });

        cut.WaitForAssertion(() => Assert.Contains("30 min", cut.OpenOptions()), Patience);
    }

    [Fact]
    public async Task KeyDown_Tab_LeavesItClosed()
    {
        var cut = RenderGrid();

        await cut.Combobox("Grid minutes").KeyDownAsync(new KeyboardEventArgs { Key = "Tab" });

        Assert.Empty(cut.FindComponents<MudSelect<int>>());
        Assert.Empty(cut.OpenOptions());
    }

    [Fact]
    public async Task ChooseOption_TellsTheOwnerAndClosesBackToTheMarkup()
    {
        var cut = RenderGrid();
        await cut.Combobox("Grid minutes").Closest(".mud-input-control")!.MouseDownAsync(new MouseEventArgs { Button = 0 });
        cut.WaitForAssertion(() => Assert.Contains("30 min", cut.OpenOptions()), Patience);

        await cut.OpenOption("30 min").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindComponents<MudSelect<int>>()), Patience);
        Assert.Equal(30, _chosen);
        Assert.Equal("false", cut.Combobox("Grid minutes").GetAttribute("aria-expanded"));
    }
}
