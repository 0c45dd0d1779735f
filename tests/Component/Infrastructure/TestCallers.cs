using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;

namespace FrontDesk.Tests.Component.Infrastructure;

/// <summary>The tests arrange data as a manager (every command is theirs), recorded as the given actor.</summary>
public static class TestCallers
{
    public static Caller Manager(Actor actor) => new(actor, StaffRole.Manager);
}
