using FrontDesk.Dashboard.Memberships;
using FrontDesk.Domain.Memberships;

namespace FrontDesk.Dashboard.Live;

/// <summary>Stock changed (arrival, sale, write-off) or a product was added or changed: screens showing stock reload it.</summary>
public sealed record InventoryChangedLive(InventoryOperation? Operation, IReadOnlyList<ProductView> Products, decimal Amount, int MembershipsSold, DateTimeOffset At, string ActorName) : LiveEvent(At, ActorName);

/// <summary>A membership was used or assigned: its holder's profile and open lookups reload it.</summary>
public sealed record MembershipChangedLive(string Code, Guid? HolderClientId, string What, DateTimeOffset At, string ActorName) : LiveEvent(At, ActorName);
