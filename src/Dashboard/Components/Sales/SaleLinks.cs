using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Sales;

/// <summary>Where a sale's pages are, and a snackbar message that links to them.</summary>
public static class SaleLinks
{
    public static string Receipt(Guid id) => $"/sales/{id}/receipt";

    /// <summary>The text, then a "Receipt" link (see <see cref="SaleMessage"/>).</summary>
    public static RenderFragment Message(string text, Guid saleId) => builder =>
    {
        builder.OpenComponent<SaleMessage>(0);
        builder.AddComponentParameter(1, nameof(SaleMessage.Text), text);
        builder.AddComponentParameter(2, nameof(SaleMessage.SaleId), saleId);
        builder.CloseComponent();
    };
}
