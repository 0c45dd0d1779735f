using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Staff;

namespace FrontDesk.Tests.Unit.Support;

/// <summary>
/// Who calls the application services in the tests: managers (every command is theirs), with
/// the same actors as <see cref="Domain.Desk"/> and PackageDesk.Receptionist so histories read
/// the same. The permission tests use their own callers per role.
/// </summary>
public static class Callers
{
    public static readonly Caller Desk = Caller.Staff("desk-1", "Front desk 1", StaffRole.Manager);
    public static readonly Caller Rita = Caller.Staff("r1", "Rita at desk 1", StaffRole.Manager);
}
