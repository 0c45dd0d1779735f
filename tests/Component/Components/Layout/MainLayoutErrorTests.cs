using Bunit;
using FrontDesk.Dashboard.Components.Layout;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Tests.Component.Components.Layout;

/// <summary>A screen that fails inside the layout shows a reference for the manager, never the exception's text.</summary>
public sealed class MainLayoutErrorTests : ClinicTestContext
{
    [Fact]
    public void Render_ScreenThrows_ShowsTheReferenceMessageNotTheExceptionText()
    {
        RenderAsInCircuit();
        var cut = Render<MainLayout>(p => p.Add(l => l.Body, builder =>
        {
            builder.OpenComponent<FailingScreen>(0);
            builder.CloseComponent();
        }));

        var alert = cut.Find("[role=alert]").TextContent;
        Assert.Matches(@"Something went wrong \(ref [0-9A-F]{8}\)\. Nothing was saved", alert);
        Assert.DoesNotContain("connection string", alert, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class FailingScreen : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("The connection string 'secret' is broken");
    }
}
