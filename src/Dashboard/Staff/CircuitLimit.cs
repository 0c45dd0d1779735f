using FrontDesk.Domain.Staff;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace FrontDesk.Dashboard.Staff;

/// <summary>
/// Open circuits per account, for the whole app: a circuit is admitted while its account has
/// fewer connected circuits than its limit (<see cref="SignInOptions.MaxCircuitsPerAccount"/>,
/// <see cref="SignInOptions.MaxCircuitsPerDisplay"/> for wall displays); one over it is refused.
/// A circuit whose browser went away stops counting until it reconnects.
/// </summary>
public sealed class CircuitCounter(SignInOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    public int LimitFor(StaffRole role) => role == StaffRole.Display ? options.MaxCircuitsPerDisplay : options.MaxCircuitsPerAccount;

    /// <summary>Counts a new circuit for the account and answers true, or answers false (and counts nothing) when it has its limit already.</summary>
    public bool TryOpen(string accountId, StaffRole role)
    {
        lock (_gate)
        {
            var open = _open.GetValueOrDefault(accountId);
            if (open >= LimitFor(role))
            {
                return false;
            }
            _open[accountId] = open + 1;
            return true;
        }
    }

    /// <summary>Counts an admitted circuit again (its browser reconnected), whatever the limit.</summary>
    public void Reopen(string accountId)
    {
        lock (_gate)
        {
            _open[accountId] = _open.GetValueOrDefault(accountId) + 1;
        }
    }

    public void Release(string accountId)
    {
        lock (_gate)
        {
            if (_open.TryGetValue(accountId, out var open))
            {
                if (open <= 1)
                {
                    _open.Remove(accountId);
                }
                else
                {
                    _open[accountId] = open - 1;
                }
            }
        }
    }

    public int OpenFor(string accountId)
    {
        lock (_gate)
        {
            return _open.GetValueOrDefault(accountId);
        }
    }
}

/// <summary>This circuit's admission: refused when its account was open on too many screens already.</summary>
public sealed class CircuitAdmission
{
    public bool Refused { get; set; }

    public int Limit { get; set; }
}

/// <summary>Admits or refuses each new circuit by <see cref="CircuitCounter"/>; the page shows <see cref="CircuitAdmission.Refused"/> as a message.</summary>
public sealed class CircuitLimitHandler(CircuitCounter counter, CircuitAdmission admission, AuthenticationStateProvider authentication) : CircuitHandler
{
    private string? _accountId;
    private bool _counted;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        if (SignedInStaff.From(state.User) is not { } staff)
        {
            return; // anonymous pages (setup of a new installation, pairing) are not per account
        }
        admission.Limit = counter.LimitFor(staff.Role);
        if (counter.TryOpen(staff.Id, staff.Role))
        {
            _accountId = staff.Id;
            _counted = true;
        }
        else
        {
            admission.Refused = true;
        }
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_accountId is { } id && _counted)
        {
            counter.Release(id);
            _counted = false;
        }
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_accountId is { } id && !_counted)
        {
            counter.Reopen(id);
            _counted = true;
        }
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken) =>
        OnConnectionDownAsync(circuit, cancellationToken);
}
