using FrontDesk.Dashboard.Packages;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using Microsoft.AspNetCore.Components;

namespace FrontDesk.Dashboard.Components.Packages;

/// <summary>When a booked session counts as used, and whether online bookings redeem packages.</summary>
public partial class RedemptionSettings : ComponentBase
{
    [Inject] private SettingsService Settings { get; set; } = default!;
    [Inject] private DeskSession Desk { get; set; } = default!;

    private PackageSettings? _settings;
    private RedemptionPolicy _policy;
    private bool _online;
    private bool _busy;
    private string? _notice;
    private string? _error;

    private bool Changed => _settings is { } s && (s.RedemptionPolicy != _policy || s.RedeemOnline != _online);

    protected override async Task OnInitializedAsync()
    {
        _settings = await Settings.PackagesAsync();
        _policy = _settings.RedemptionPolicy;
        _online = _settings.RedeemOnline;
    }

    private async Task SaveAsync()
    {
        _busy = true;
        _notice = null;
        _error = null;
        try
        {
            await Settings.SaveAsync(new PackageSettings(_policy, _online), Desk.Caller);
            _settings = await Settings.PackagesAsync();
            _notice = $"Saved: sessions count as used {(_settings.RedemptionPolicy == RedemptionPolicy.AtBooking ? "at booking" : "at check-out")}; online bookings {(_settings.RedeemOnline ? "redeem" : "do not redeem")} packages.";
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
