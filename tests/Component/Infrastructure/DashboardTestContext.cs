using System.Reflection;
using System.Runtime.CompilerServices;
using Bunit;
using Bunit.Extensions;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace FrontDesk.Tests.Component.Infrastructure;

/// <summary>
/// bUnit's <c>TestContext</c>, rebuilt for .NET 10.
/// </summary>
/// <remarks>
/// Why this exists: bunit 1.9.8 is the only bUnit that restores here, and its
/// <c>TestContext</c> constructor creates <c>BunitJSInterop</c>, whose constructor creates
/// <c>BunitJSRuntime</c>, a class that implements <c>IJSUnmarshalledRuntime</c>. That interface
/// was removed from Microsoft.JSInterop, so on .NET 10 the constructor throws
/// TypeLoadException before any test runs. This context derives from <c>TestContextBase</c>
/// instead (renderer, services, render tree all come from bUnit unchanged), makes a
/// <c>BunitJSInterop</c> without running that constructor (so without the .NET 5/6 handlers
/// it would add), and gives it an <see cref="IJSInProcessRuntime"/> of its own that hands every
/// call to bUnit's interop, so <c>Mode</c>, <c>Setup</c> and <c>Invocations</c> work as usual.
/// Delete this file once a bUnit that supports .NET 10 restores here.
/// </remarks>
public class DashboardTestContext : TestContextBase
{
    public DashboardTestContext()
    {
        JSInterop = CreateInterop();
        Services.AddDefaultTestContextServices(this, JSInterop);
    }

    /// <summary>bUnit's JS interop, backed by <see cref="InProcessRuntime"/>.</summary>
    public BunitJSInterop JSInterop { get; }

    public IRenderedComponent<TComponent> RenderComponent<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        var fragment = new ComponentParameterCollectionBuilder<TComponent>(parameters).Build().ToRenderFragment<TComponent>();
        return (IRenderedComponent<TComponent>)this.RenderInsideRenderTree<TComponent>(fragment);
    }

    private static BunitJSInterop CreateInterop()
    {
        var interop = (BunitJSInterop)RuntimeHelpers.GetUninitializedObject(typeof(BunitJSInterop));
        SetField(interop, "handlers", new Dictionary<Type, List<object>>());
        SetField(interop, "<Invocations>k__BackingField", new JSRuntimeInvocationDictionary());
        SetField(interop, "<JSRuntime>k__BackingField", new InProcessRuntime(interop));
        interop.Mode = JSRuntimeMode.Loose;
        return interop;
    }

    private static void SetField(object target, string name, object value) =>
        (typeof(BunitJSInterop).GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"bUnit's BunitJSInterop has no field '{name}': the shim no longer matches this bunit version."))
        .SetValue(target, value);

    /// <summary>An in-process JS runtime with no unmarshalled members: every call goes to bUnit's interop.</summary>
    private sealed class InProcessRuntime(BunitJSInterop interop) : IJSInProcessRuntime
    {
        private static readonly MethodInfo Handle =
            typeof(BunitJSInterop).GetMethod("HandleInvocation", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("bUnit's BunitJSInterop.HandleInvocation is missing: the shim no longer matches this bunit version.");

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            Send<TValue>(new JSRuntimeInvocation(identifier, cancellationToken, args, typeof(TValue), "InvokeAsync"));

        public TValue Invoke<TValue>(string identifier, params object?[]? args)
        {
            var pending = Send<TValue>(new JSRuntimeInvocation(identifier, CancellationToken.None, args, typeof(TValue), "Invoke"));
            return pending.IsCompleted
                ? pending.Result
                : throw new InvalidOperationException($"Set up '{identifier}' with a result before a synchronous JS call uses it.");
        }

        private ValueTask<TValue> Send<TValue>(JSRuntimeInvocation invocation)
        {
            try
            {
                return (ValueTask<TValue>)Handle.MakeGenericMethod(typeof(TValue)).Invoke(interop, [invocation])!;
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                // Surface bUnit's own exception (e.g. an unplanned call in Strict mode).
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
                throw;
            }
        }
    }
}
