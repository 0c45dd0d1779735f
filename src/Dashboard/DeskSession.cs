using FrontDesk.Domain.Common;

namespace FrontDesk.Dashboard;

/// <summary>
/// Who works at this screen. Until staff sign-in exists, every desk acts as the front desk;
/// commands already carry this actor so roles and the audit trail plug in here later.
/// </summary>
public sealed class DeskSession
{
    public Actor Actor { get; } = Actor.Staff("front-desk", "Front desk");
}
