using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace FrontDesk.Tests.Unit.Support;

/// <summary>
/// Every row of every table of a SQLite file, as text: two fingerprints are equal exactly when
/// nothing was written in between ("refused, and the database is unchanged").
/// </summary>
public static class DatabaseFingerprint
{
    /// <param name="select">The query for a table, when some of its rows are written by something else meanwhile; null: all its rows.</param>
    public static string Of(string databaseFile, Func<string, string?>? select = null)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = select?.Invoke(table) ?? $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = command.ExecuteReader();
            text.Append(table).Append(':');
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                }
                text.Append('\n');
            }
        }
        return text.ToString();
    }
}
