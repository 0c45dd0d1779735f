using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using FrontDesk.Dashboard;
using FrontDesk.Domain.Staff;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FrontDesk.Tests.Component.Infrastructure;

/// <summary>
/// bUnit's context for every component test: JS calls the test did not plan answer with
/// defaults, MudBlazor's services are there, and a staff member is signed in
/// (<see cref="SignedIn"/>, an owner unless the test calls <see cref="SignInAs"/>).
/// </summary>
public class DashboardTestContext : BunitContext
{
    public const string TestStaffId = "test-staff-1";

    public DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddFrontDeskScreens();
        Authorization = AddAuthorization();
        SignInAs(StaffRole.Owner);
    }

    /// <summary>
    /// Renders as the app's circuit does (interactive server rendering): the layouts read it to mark
    /// the page interactive. Call it after every service is registered (it starts the renderer).
    /// </summary>
    public void RenderAsInCircuit() => Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    /// <summary>bUnit's authentication and authorization double: the circuit's signed-in principal.</summary>
    public BunitAuthorizationContext Authorization { get; }

    /// <summary>The name of the signed-in test staff member.</summary>
    public string SignedIn { get; private set; } = "";

    /// <summary>Signs in a test staff member with <paramref name="role"/> (claims as the app's cookie carries them).</summary>
    public void SignInAs(StaffRole role, string? name = null)
    {
        SignedIn = name ?? $"Test {role}";
        Authorization.SetAuthorized(SignedIn);
        Authorization.SetRoles(role.ToString());
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, TestStaffId), new Claim(ClaimTypes.Role, role.ToString()));
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
