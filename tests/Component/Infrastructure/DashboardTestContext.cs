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
        where TComponent : IComponent
    {
        var component = new ComponentParameterCollectionBuilder<TComponent>(parameters).Build().ToRenderFragment<TComponent>();
        return Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
            builder.AddContent(3, component);
        });
    }

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
