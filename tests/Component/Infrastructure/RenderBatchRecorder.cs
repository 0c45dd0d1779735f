using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.Extensions.Logging.Abstractions;

namespace FrontDesk.Tests.Component.Infrastructure;

/// <summary>
/// A renderer that keeps, for every render batch, the edits it would send to the browser: what the
/// browser's DOM would change (bUnit re-reads a component's whole markup after a render, so its
/// elements cannot tell an edited element from one left alone). Each edit is written down with the
/// texts of what it refers to (an attribute's name and value, a text, a piece of markup, or every
/// attribute value and text of an inserted element), so a test can say which block an edit touched.
/// </summary>
#pragma warning disable BL0006 // The render tree types are what a renderer is made of.
public sealed class RenderBatchRecorder(IServiceProvider services) : Renderer(services, NullLoggerFactory.Instance)
{
    /// <summary>One edit of one component's diff, as the browser would receive it: its kind is the name of its <see cref="RenderTreeEditType"/> ("SetAttribute", "PrependFrame", "RemoveFrame"...).</summary>
    public sealed record Edit(int ComponentId, string Kind, string Refers);

    public List<Edit> Edits { get; } = [];

    public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

    protected override RendererInfo RendererInfo { get; } = new("Recorder", isInteractive: true);

    /// <summary>Renders <typeparamref name="TComponent"/> as the root with <paramref name="parameters"/>; returns the instance.</summary>
    public async Task<TComponent> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        var component = (TComponent)InstantiateComponent(typeof(TComponent));
        var id = AssignRootComponentId(component);
        await Dispatcher.InvokeAsync(() => RenderRootComponentAsync(id, ParameterView.FromDictionary(parameters)));
        return component;
    }

    protected override void HandleException(Exception exception) => throw exception;

    protected override Task UpdateDisplayAsync(in RenderBatch batch)
    {
        for (var c = 0; c < batch.UpdatedComponents.Count; c++)
        {
            var diff = batch.UpdatedComponents.Array[c];
            for (var e = 0; e < diff.Edits.Count; e++)
            {
                var edit = diff.Edits.Array[diff.Edits.Offset + e];
                var refers = edit.Type switch
                {
                    RenderTreeEditType.RemoveAttribute => edit.RemovedAttributeName ?? string.Empty,
                    RenderTreeEditType.PrependFrame or RenderTreeEditType.SetAttribute or RenderTreeEditType.UpdateText or RenderTreeEditType.UpdateMarkup =>
                        Describe(batch.ReferenceFrames.Array, edit.ReferenceFrameIndex),
                    _ => string.Empty,
                };
                Edits.Add(new Edit(diff.ComponentId, edit.Type.ToString(), refers));
            }
        }
        return Task.CompletedTask;
    }

    private static string Describe(RenderTreeFrame[] frames, int index)
    {
        var frame = frames[index];
        var length = frame.FrameType switch
        {
            RenderTreeFrameType.Element => frame.ElementSubtreeLength,
            RenderTreeFrameType.Region => frame.RegionSubtreeLength,
            _ => 1,
        };
        var texts = new List<string>();
        for (var i = index; i < index + length; i++)
        {
            var f = frames[i];
            switch (f.FrameType)
            {
                case RenderTreeFrameType.Element:
                    texts.Add($"<{f.ElementName}>");
                    break;
                case RenderTreeFrameType.Attribute:
                    texts.Add($"{f.AttributeName}={f.AttributeValue}");
                    break;
                case RenderTreeFrameType.Text:
                    texts.Add(f.TextContent);
                    break;
                case RenderTreeFrameType.Markup:
                    texts.Add(f.MarkupContent);
                    break;
                case RenderTreeFrameType.Component:
                    texts.Add($"[{f.ComponentType.Name}]");
                    break;
            }
        }
        return string.Join(" ", texts);
    }
}
#pragma warning restore BL0006
