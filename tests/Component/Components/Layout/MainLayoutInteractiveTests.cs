using Bunit;
using FrontDesk.Dashboard.Components.Layout;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Tests.Component.Components.Layout;

/// <summary>
/// The layout tells a clickable page from its prerendered copy (data-interactive, which the E2E tests
/// wait for) from how it is rendered, in its first render: not set later by a second render of the
/// layout and every MudBlazor part in it.
/// </summary>
public sealed class MainLayoutInteractiveTests : ClinicTestContext
{
    [Fact]
    public void Render_InTheCircuit_IsMarkedInteractive()
    {
        RenderAsInCircuit();

        var cut = Render<MainLayout>(p => p.Add(l => l.Body, builder => builder.AddContent(0, "desk")));

        Assert.Equal("true", cut.Find(".shell").GetAttribute("data-interactive"));
    }

    [Fact]
    public void Render_Prerendered_IsNotMarkedInteractive()
    {
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<MainLayout>(p => p.Add(l => l.Body, builder => builder.AddContent(0, "desk")));

        Assert.False(cut.Find(".shell").HasAttribute("data-interactive"));
    }
}
