namespace FrontDesk.Dashboard.Memberships;

/// <summary>Whether a sale or write-off may take stock below zero (then with a warning). Off by default.</summary>
public sealed record InventorySettings(bool AllowNegativeStock)
{
    public const string AllowNegativeKey = "Inventory.AllowNegativeStock";

    public static InventorySettings Default { get; } = new(false);
}
