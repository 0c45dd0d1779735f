using System.Globalization;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Sales.Receipts;

/// <summary>
/// What receipts print besides the sale: the business's address and phone under its name, and
/// the tax (name, rate in percent, 0 = no tax, the default; whether the prices include it,
/// true by default). Only receipts use these for now: check-out and the sales screen charge and
/// count the prices as they are.
/// </summary>
public sealed record ReceiptSettings(string? Address, string? Phone, string TaxName, decimal TaxRatePercent, bool PricesIncludeTax)
{
    public const int MaxAddressLength = 300;
    public const int MaxPhoneLength = 40;
    public const int MaxTaxNameLength = 30;
    public const decimal MaxTaxRatePercent = 100m;

    public static ReceiptSettings Default { get; } = new(null, null, "VAT", 0m, true);

    /// <summary>True when the receipt shows a tax.</summary>
    public bool HasTax => TaxRatePercent > 0m;

    /// <summary>The same settings trimmed, empty texts as null (the tax name defaults to "Tax").</summary>
    public ReceiptSettings Normalized() => this with
    {
        Address = string.IsNullOrWhiteSpace(Address) ? null : Address.Trim().ReplaceLineEndings("\n"),
        Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim(),
        TaxName = string.IsNullOrWhiteSpace(TaxName) ? "Tax" : TaxName.Trim(),
    };

    /// <summary>Refuses (Invalid / OutOfRange, naming the field) settings that cannot be saved.</summary>
    public void Validate()
    {
        if (Address is { Length: > MaxAddressLength })
        {
            throw DomainException.Invalid($"The address is at most {MaxAddressLength} characters.", "address");
        }
        if (Phone is { Length: > MaxPhoneLength })
        {
            throw DomainException.Invalid($"The phone number is at most {MaxPhoneLength} characters.", "phone");
        }
        if (TaxName.Length > MaxTaxNameLength || TaxName.Any(char.IsControl))
        {
            throw DomainException.Invalid($"The tax name is one line of at most {MaxTaxNameLength} characters (e.g. VAT).", "taxName");
        }
        if (TaxRatePercent is < 0m or > MaxTaxRatePercent || decimal.Round(TaxRatePercent, 2) != TaxRatePercent)
        {
            throw Limits.OutOfRange($"The tax rate is a percentage from 0 to {MaxTaxRatePercent:0} with at most two decimals (0 = no tax).", "taxRatePercent");
        }
    }
}

/// <summary>Reads and saves the <see cref="ReceiptSettings"/> (rows of the Settings table, so no schema change).</summary>
public sealed class ReceiptSettingsService(IDbContextFactory<DashboardDbContext> contexts, UnitOfWork unitOfWork)
{
    private const string AddressKey = "Receipts.Address";
    private const string PhoneKey = "Receipts.Phone";
    private const string TaxNameKey = "Receipts.TaxName";
    private const string TaxRateKey = "Receipts.TaxRatePercent";
    private const string IncludedKey = "Receipts.PricesIncludeTax";
    private static readonly string[] Keys = [AddressKey, PhoneKey, TaxNameKey, TaxRateKey, IncludedKey];

    public async Task<ReceiptSettings> GetAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await ReadAsync(db, ct);
    }

    /// <summary>The stored settings; a missing or unreadable value is its default.</summary>
    internal static async Task<ReceiptSettings> ReadAsync(DashboardDbContext db, CancellationToken ct)
    {
        var values = await db.Settings.AsNoTracking().Where(s => Keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        var d = ReceiptSettings.Default;
        return new ReceiptSettings(
            values.GetValueOrDefault(AddressKey) is { Length: > 0 } address ? address : d.Address,
            values.GetValueOrDefault(PhoneKey) is { Length: > 0 } phone ? phone : d.Phone,
            values.GetValueOrDefault(TaxNameKey) is { Length: > 0 } name ? name : d.TaxName,
            values.TryGetValue(TaxRateKey, out var r) && decimal.TryParse(r, NumberStyles.Number, CultureInfo.InvariantCulture, out var rate) && rate is >= 0m and <= ReceiptSettings.MaxTaxRatePercent ? rate : d.TaxRatePercent,
            values.TryGetValue(IncludedKey, out var i) && bool.TryParse(i, out var included) ? included : d.PricesIncludeTax);
    }

    /// <summary>Validates and saves (managers), with an audit entry; returns what is now stored.</summary>
    public async Task<ReceiptSettings> SaveAsync(ReceiptSettings settings, Caller caller, CancellationToken ct = default)
    {
        Permissions.Ensure(caller, Permissions.SaveReceiptSettings);
        var candidate = settings.Normalized();
        candidate.Validate();
        await unitOfWork.RunAsync(caller, Permissions.SaveReceiptSettings, async db =>
        {
            await SetAsync(db, AddressKey, candidate.Address ?? string.Empty, ct);
            await SetAsync(db, PhoneKey, candidate.Phone ?? string.Empty, ct);
            await SetAsync(db, TaxNameKey, candidate.TaxName, ct);
            await SetAsync(db, TaxRateKey, candidate.TaxRatePercent.ToString(CultureInfo.InvariantCulture), ct);
            await SetAsync(db, IncludedKey, candidate.PricesIncludeTax.ToString(), ct);
            return 0;
        }, ct);
        return await GetAsync(ct);
    }

    private static async Task SetAsync(DashboardDbContext db, string key, string value, CancellationToken ct)
    {
        if (await db.Settings.FindAsync([key], ct) is { } existing)
        {
            existing.Value = value;
        }
        else
        {
            db.Settings.Add(new Setting { Key = key, Value = value });
        }
    }
}
