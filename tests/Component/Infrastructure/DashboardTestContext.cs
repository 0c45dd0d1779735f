using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace FrontDesk.Tests.Component.Infrastructure;

/// <summary>bUnit's context for every component test: JS calls the test did not plan answer with defaults, and MudBlazor's services are there.</summary>
public class DashboardTestContext : BunitContext
{
    public DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    /// <summary>
    /// Renders <typeparamref name="TComponent"/> beside MudBlazor's popover, dialog and snackbar
    /// providers, as MainLayout hosts every screen: its drop-downs, dialogs and snackbars show in
    /// the returned markup. <c>FindComponent&lt;TComponent&gt;()</c> reaches the component itself.
    /// </summary>
    public IRenderedComponent<IComponent> RenderWithProviders<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent =>
        Render<MudProvidersHost>(host => host.AddChildContent(parameters ?? (_ => { })));

    /// <summary>MudBlazor registers services that can only be disposed asynchronously (its overlays' pointer-events service).</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
            return;
        }
        base.Dispose(disposing);
    }
}

/// <summary>MudBlazor's popover, dialog and snackbar providers, then the content, as MainLayout renders them.</summary>
public sealed class MudProvidersHost : ComponentBase
{
    [Parameter] public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<MudSnackbarProvider>(2);
        builder.CloseComponent();
        builder.AddContent(3, ChildContent);
    }
}
