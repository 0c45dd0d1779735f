namespace FrontDesk.Dashboard.Security;

/// <summary>
/// One cell of a CSV export. Text typed at the desk (a client's name, a note) must not run as
/// a spreadsheet formula when a manager opens the file: a cell that starts with = + - @, a tab
/// or a carriage return gets a single quote in front (OWASP "CSV injection"), and a cell with a
/// comma, quote or line break is quoted. Every CSV export writes its text cells through here.
/// </summary>
public static class CsvCell
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\n', '\r'];

    /// <summary>The text as a safe CSV cell (empty for null).</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }
        if (Array.IndexOf(FormulaStarts, value[0]) >= 0)
        {
            value = "'" + value;
        }
        return value.IndexOfAny(NeedsQuotes) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
