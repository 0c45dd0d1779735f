using Microsoft.Data.Sqlite;

namespace FrontDesk.Tests.Unit.Dashboard.Data;

/// <summary>Reads a SQLite file's schema and rows as comparable lines.</summary>
internal static class SqliteSchema
{
    /// <summary>
    /// The schema as comparable lines: tables, columns (type, not null, default, key), indexes
    /// (unique, columns in order) and foreign keys. Column order is ignored; EF's history table too.
    /// </summary>
    public static List<string> Describe(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var lines = new List<string>();
        foreach (var table in Rows(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' AND name <> '__EFMigrationsLock' ORDER BY name"))
        {
            var name = (string)table["name"]!;
            var sql = (string)table["sql"]!;
            lines.Add($"table {name} autoincrement={sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)}");
            foreach (var column in Rows(connection, $"PRAGMA table_info(\"{name}\")").OrderBy(c => (string)c["name"]!, StringComparer.Ordinal))
            {
                lines.Add($"  column {name}.{column["name"]} type={column["type"]} notnull={column["notnull"]} default={column["dflt_value"] ?? "null"} pk={column["pk"]}");
            }
            foreach (var index in Rows(connection, $"PRAGMA index_list(\"{name}\")").OrderBy(i => (string)i["name"]!, StringComparer.Ordinal))
            {
                var indexName = (string)index["name"]!;
                var columns = Rows(connection, $"PRAGMA index_info(\"{indexName}\")").OrderBy(c => (long)c["seqno"]!).Select(c => c["name"]);
                lines.Add($"  index {name}.{indexName} unique={index["unique"]} origin={index["origin"]} partial={index["partial"]} on ({string.Join(", ", columns)})");
            }
            foreach (var fk in Rows(connection, $"PRAGMA foreign_key_list(\"{name}\")")
                .OrderBy(f => (string)f["table"]!, StringComparer.Ordinal).ThenBy(f => (string)f["from"]!, StringComparer.Ordinal))
            {
                lines.Add($"  fk {name}.{fk["from"]} -> {fk["table"]}.{fk["to"]} on_update={fk["on_update"]} on_delete={fk["on_delete"]} match={fk["match"]}");
            }
        }
        foreach (var other in Rows(connection, "SELECT type, name FROM sqlite_master WHERE type NOT IN ('table', 'index') ORDER BY name"))
        {
            lines.Add($"{other["type"]} {other["name"]}");
        }
        return lines;
    }

    /// <summary>
    /// Every row of every table (EF's migration lock aside) as "table: column=value, ...", sorted,
    /// so two files can be compared row by row.
    /// </summary>
    /// <summary>
    /// Every row of every table as a sorted line. With <paramref name="onlyColumns"/>, only those
    /// tables and, of each, only those columns: what an older schema had, so that columns a later
    /// migration added do not count as a change of the rows that were there.
    /// </summary>
    public static List<string> AllRows(string connectionString, IReadOnlyDictionary<string, HashSet<string>>? onlyColumns = null)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var lines = new List<string>();
        foreach (var table in Rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> '__EFMigrationsLock' ORDER BY name"))
        {
            var name = (string)table["name"]!;
            HashSet<string>? columns = null;
            if (onlyColumns is not null && !onlyColumns.TryGetValue(name, out columns))
            {
                continue;
            }
            foreach (var row in Rows(connection, $"SELECT * FROM \"{name}\""))
            {
                var kept = row.Where(c => columns is null || columns.Contains(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal);
                lines.Add($"{name}: {string.Join(", ", kept.Select(c => $"{c.Key}={Format(c.Value)}"))}");
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>The columns of every table but EF's own history and lock tables.</summary>
    public static Dictionary<string, HashSet<string>> Columns(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var tables = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var table in Rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '__EFMigrations%' ORDER BY name"))
        {
            var name = (string)table["name"]!;
            tables[name] = Rows(connection, $"SELECT name FROM pragma_table_info('{name}')").Select(c => (string)c["name"]!).ToHashSet(StringComparer.Ordinal);
        }
        return tables;
    }

    public static object? Scalar(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static void Execute(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Format(object? value) => value switch
    {
        null => "NULL",
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static List<Dictionary<string, object?>> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}
