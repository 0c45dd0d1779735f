using FrontDesk.Domain.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Memberships;

/// <summary>
/// The unique index on a membership's normalized code catching what a command's own check could
/// not see: another desk committed the same code between the check and the insert. Every command
/// that sells memberships (inventory sale, check-out) turns it into the same 409.
/// </summary>
internal static class MembershipCodeClash
{
    /// <summary>True when the save failed on the membership code's unique index (SQLite constraint error 19 naming the column).</summary>
    public static bool Is(DbUpdateException e) =>
        e.InnerException is SqliteException { SqliteErrorCode: 19 } s && s.Message.Contains("NormalizedCode", StringComparison.Ordinal);

    public static DomainException Conflict() =>
        DomainException.Conflict("That membership code is already taken (another desk used it just now). Type another or generate one.");
}
