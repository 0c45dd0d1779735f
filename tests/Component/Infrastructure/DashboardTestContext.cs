using Bunit;

namespace FrontDesk.Tests.Component.Infrastructure;

/// <summary>bUnit's context for every component test: JS calls the test did not plan answer with defaults.</summary>
public class DashboardTestContext : BunitContext
{
    public DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
    }
}
