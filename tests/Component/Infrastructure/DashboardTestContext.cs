using Bunit;
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
}
