using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FrontDesk.Tests.Unit.Dashboard.Operations;

/// <summary>
/// The money side of a database file, read with plain SQL (no app code): each package record's
/// balance and ledger, each invoice's total and payments.
/// </summary>
public sealed record Books(IReadOnlyDictionary<string, RecordBalance> Records, IReadOnlyDictionary<string, InvoiceSums> Invoices)
{
    public static Books Read(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var ledger = Rows(connection, "SELECT RecordId, Sequence, AvailableDelta FROM PackageLedger ORDER BY RecordId, Sequence")
            .GroupBy(r => r[0])
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(long Sequence, decimal Delta)>)g.Select(r => (long.Parse(r[1], CultureInfo.InvariantCulture), Dec(r[2]))).ToList());
        var records = Rows(connection, "SELECT Id, Available, Used FROM PackageRecords")
            .ToDictionary(r => r[0], r => new RecordBalance(Dec(r[1]), Dec(r[2]), ledger.GetValueOrDefault(r[0]) ?? []), StringComparer.OrdinalIgnoreCase);
        var lines = Rows(connection, "SELECT InvoiceId, Quantity, UnitPrice FROM InvoiceLines")
            .GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Sum(r => int.Parse(r[1], CultureInfo.InvariantCulture) * Dec(r[2])));
        var payments = Rows(connection, "SELECT InvoiceId, Amount FROM Payments")
            .GroupBy(r => r[0]).ToDictionary(g => g.Key, g => (Sum: g.Sum(r => Dec(r[1])), Count: g.Count()));
        var invoices = Rows(connection, "SELECT Id, Status FROM Invoices")
            .ToDictionary(r => r[0], r => new InvoiceSums(r[1], lines.GetValueOrDefault(r[0]), payments.GetValueOrDefault(r[0]).Sum, payments.GetValueOrDefault(r[0]).Count), StringComparer.OrdinalIgnoreCase);
        return new Books(records, invoices);
    }

    /// <summary>Sum of every invoice's total.</summary>
    public decimal InvoicesTotal => Invoices.Values.Sum(i => i.Total);

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    private static List<string[]> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!).ToArray());
        }
        return rows;
    }
}

public sealed record RecordBalance(decimal Available, decimal Used, IReadOnlyList<(long Sequence, decimal Delta)> Ledger)
{
    /// <summary>What the ledger's entries up to <paramref name="sequence"/> add up to (the balance then).</summary>
    public decimal AvailableAfter(long sequence) => Ledger.Where(e => e.Sequence <= sequence).Sum(e => e.Delta);

    public long LastSequence => Ledger.Count == 0 ? 0 : Ledger.Max(e => e.Sequence);
}

public sealed record InvoiceSums(string Status, decimal Total, decimal Paid, int PaymentCount);
