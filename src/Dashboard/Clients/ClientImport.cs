using System.Globalization;
using System.Text;
using CsvHelper;
using FrontDesk.Dashboard.Data;
using FrontDesk.Domain.Clients;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Clients;

/// <summary>What a column of an imported file holds.</summary>
public enum ImportField
{
    Ignore,
    Name,
    FirstName,
    LastName,
    Phone,
    Email,
    DateOfBirth,
    Notes,
    MarketingConsent,
}

/// <summary>A CSV file read into rows of text: the header, then each record with its row number (the header is row 1).</summary>
public sealed record CsvTable(IReadOnlyList<string> Headers, IReadOnlyList<CsvRow> Rows);

public sealed record CsvRow(int Number, IReadOnlyList<string> Fields)
{
    public string this[int column] => column < Fields.Count ? Fields[column] : string.Empty;
}

/// <summary>A row that would become a client.</summary>
public sealed record ImportRow(int Row, ClientDetails Details)
{
    /// <summary>The client already checked by the domain, ready to add (not part of what is shown).</summary>
    internal Client? Prepared { get; init; }
}

/// <summary>A row that cannot be imported, and why (shown with its row number before anything is written).</summary>
public sealed record ImportError(int Row, string Reason);

/// <summary>What an import would do: the clients it creates and the rows it skips.</summary>
public sealed record ImportPlan(IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportError> Errors, int TotalRows);

public sealed record ImportResult(int Created, IReadOnlyList<ImportError> Skipped);

/// <summary>
/// Clients from another booking system's CSV export: the header row mapped to our fields (common
/// spellings guessed, the desk can change them), every row checked first (missing name, bad
/// email or date, a phone or email already used in the file or by a client), then the good rows
/// written in one transaction. Parsing is CsvHelper's (RFC 4180: quotes, commas and line breaks
/// inside quotes, CRLF, a BOM).
/// </summary>
public sealed class ClientImport(UnitOfWork unitOfWork, IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock)
{
    /// <summary>The largest file accepted (about 25,000 typical rows).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 20_000;
    private const int SaveBatch = 1_000;

    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "d/M/yyyy", "d.M.yyyy", "d-M-yyyy", "yyyy/M/d", "yyyyMMdd"];

    private static readonly Dictionary<string, ImportField> HeaderSpellings = new(StringComparer.Ordinal)
    {
        ["name"] = ImportField.Name, ["fullname"] = ImportField.Name, ["clientname"] = ImportField.Name, ["customername"] = ImportField.Name,
        ["client"] = ImportField.Name, ["customer"] = ImportField.Name,
        ["firstname"] = ImportField.FirstName, ["first"] = ImportField.FirstName, ["givenname"] = ImportField.FirstName, ["forename"] = ImportField.FirstName,
        ["lastname"] = ImportField.LastName, ["last"] = ImportField.LastName, ["surname"] = ImportField.LastName, ["familyname"] = ImportField.LastName,
        ["phone"] = ImportField.Phone, ["mobile"] = ImportField.Phone, ["mobilephone"] = ImportField.Phone, ["mobilenumber"] = ImportField.Phone,
        ["cell"] = ImportField.Phone, ["cellphone"] = ImportField.Phone, ["telephone"] = ImportField.Phone, ["tel"] = ImportField.Phone,
        ["phonenumber"] = ImportField.Phone,
        ["email"] = ImportField.Email, ["emailaddress"] = ImportField.Email, ["mail"] = ImportField.Email,
        ["dateofbirth"] = ImportField.DateOfBirth, ["dob"] = ImportField.DateOfBirth, ["birthdate"] = ImportField.DateOfBirth,
        ["birthday"] = ImportField.DateOfBirth, ["born"] = ImportField.DateOfBirth,
        ["notes"] = ImportField.Notes, ["note"] = ImportField.Notes, ["comments"] = ImportField.Notes, ["comment"] = ImportField.Notes, ["remarks"] = ImportField.Notes,
        ["marketingconsent"] = ImportField.MarketingConsent, ["marketing"] = ImportField.MarketingConsent, ["consent"] = ImportField.MarketingConsent,
        ["acceptsmarketing"] = ImportField.MarketingConsent, ["optin"] = ImportField.MarketingConsent, ["newsletter"] = ImportField.MarketingConsent,
    };

    /// <summary>Reads CSV text (with its header row). Refuses a file with no header or more than <see cref="MaxRows"/> rows.</summary>
    public static CsvTable Parse(string text)
    {
        var options = new CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true, SkipEmptyLines = false };
        using var reader = CsvReader.FromText(text, options);
        var rows = new List<CsvRow>();
        IReadOnlyList<string>? headers = null;
        var number = 0;
        while (reader.Read())
        {
            number++;
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i).Trim();
            }
            if (fields.All(f => f.Length == 0))
            {
                continue; // an empty line, or commas only: still counted, as a spreadsheet numbers its rows
            }
            if (headers is null)
            {
                headers = fields;
                continue;
            }
            if (rows.Count == MaxRows)
            {
                throw DomainException.Rule($"The file has more than {MaxRows:N0} clients; split it and import each part.", "file");
            }
            rows.Add(new CsvRow(number, fields));
        }
        if (headers is null)
        {
            throw DomainException.Invalid("The file is empty: it needs a header row (name, phone, email...) and a row per client.", "file");
        }
        return new CsvTable(headers, rows);
    }

    /// <summary>Reads an uploaded file as UTF-8 (a BOM is skipped), refusing one over <see cref="MaxBytes"/>.</summary>
    public static async Task<CsvTable> ReadAsync(Stream stream, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new ImportTooLargeException();
            }
            buffer.Write(chunk, 0, read);
        }
        return Parse(new UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>Our field for each column, guessed from its header ("First name", "Mobile", "E-mail"...); each field used once.</summary>
    public static IReadOnlyList<ImportField> GuessMapping(IReadOnlyList<string> headers)
    {
        var used = new HashSet<ImportField>();
        return headers.Select(h =>
        {
            var key = new string(h.ToLowerInvariant().Where(char.IsLetter).ToArray());
            return HeaderSpellings.TryGetValue(key, out var field) && used.Add(field) ? field : ImportField.Ignore;
        }).ToList();
    }

    /// <summary>Checks every row against the mapping, the other rows and the clients already stored; writes nothing.</summary>
    public async Task<ImportPlan> PlanAsync(CsvTable table, IReadOnlyList<ImportField> mapping, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await PlanAsync(db, table, mapping, Actor.System, ct);
    }

    /// <summary>Creates the clients of every good row in one transaction, reporting progress (0-100) as it goes; bad rows are skipped.</summary>
    public async Task<ImportResult> ImportAsync(CsvTable table, IReadOnlyList<ImportField> mapping, Caller caller, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        Permissions.Ensure(caller, Permissions.ImportClients);
        var now = clock.GetUtcNow();
        // One audit entry for the whole import (its count), not one per client created.
        var (result, _, _) = await unitOfWork.RunAsync(caller, null, Permissions.ImportClients, async db =>
        {
            // Planned again inside the transaction: a client added at another desk since the
            // preview is seen, and its duplicate skipped.
            var plan = await PlanAsync(db, table, mapping, caller.Actor, ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var done = 0;
            foreach (var batch in plan.Rows.Chunk(SaveBatch))
            {
                db.Clients.AddRange(batch.Select(r => r.Prepared ?? Client.Register(ClientId.New(), r.Details, now, caller.Actor)));
                await db.SaveChangesAsync(ct);
                done += batch.Length;
                progress?.Report(done * 100 / Math.Max(1, plan.Rows.Count));
            }
            db.AuditTrail.Add(AuditWriter.Entry(caller, Permissions.ImportClients, now, "ClientImport", Guid.CreateVersion7().ToString(), null, null,
                new System.Text.Json.Nodes.JsonObject { ["Created"] = plan.Rows.Count, ["Skipped"] = plan.Errors.Count }));
            return new ImportResult(plan.Rows.Count, plan.Errors);
        }, audit: false, ct);
        progress?.Report(100);
        return result;
    }

    private async Task<ImportPlan> PlanAsync(DashboardDbContext db, CsvTable table, IReadOnlyList<ImportField> mapping, Actor actor, CancellationToken ct)
    {
        if (mapping.Count != table.Headers.Count)
        {
            throw DomainException.Invalid($"The mapping names {mapping.Count} columns; the file has {table.Headers.Count}.", "mapping");
        }
        var mapped = mapping.Where(f => f != ImportField.Ignore).ToList();
        if (mapped.Count != mapped.Distinct().Count())
        {
            throw DomainException.Invalid("Each field can come from one column only.", "mapping");
        }
        if (!mapping.Contains(ImportField.Name) && !mapping.Contains(ImportField.FirstName) && !mapping.Contains(ImportField.LastName))
        {
            throw DomainException.Invalid("Choose the column that holds the name (or the first and last name).", "mapping");
        }
        var existing = await db.Clients.AsNoTracking()
            .Where(c => c.ErasedAt == null && c.MergedIntoId == null)
            .Select(c => new { c.Name, c.PhoneDigits, c.Email })
            .ToListAsync(ct);
        var phones = new Dictionary<string, string>(StringComparer.Ordinal);
        var emails = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in existing)
        {
            if (c.PhoneDigits.Length > 0)
            {
                phones.TryAdd(c.PhoneDigits, c.Name);
            }
            if (c.Email.Length > 0)
            {
                emails.TryAdd(ClientMatch.EmailKey(c.Email), c.Name);
            }
        }
        var fileRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var today = clock.GetUtcNow();
        var rows = new List<ImportRow>();
        var errors = new List<ImportError>();
        foreach (var row in table.Rows)
        {
            string Get(ImportField field)
            {
                var column = IndexOf(mapping, field);
                return column < 0 ? string.Empty : row[column];
            }
            try
            {
                var name = Get(ImportField.Name);
                if (name.Length == 0)
                {
                    name = $"{Get(ImportField.FirstName)} {Get(ImportField.LastName)}".Trim();
                }
                if (name.Length == 0)
                {
                    throw DomainException.Invalid("The name is missing.");
                }
                var details = new ClientDetails(name, Get(ImportField.Phone), Get(ImportField.Email), Date(Get(ImportField.DateOfBirth)), Get(ImportField.Notes), Consent(Get(ImportField.MarketingConsent)));
                // The domain's own checks (lengths, phone characters, email, date of birth).
                var client = Client.Register(ClientId.New(), details, today, actor);
                var phone = client.PhoneDigits;
                var email = ClientMatch.EmailKey(client.Email);
                if (phone.Length > 0 && phones.TryGetValue(phone, out var phoneOwner))
                {
                    throw DomainException.Conflict($"Phone {client.Phone} is already {phoneOwner}'s{(fileRowOf.TryGetValue("p" + phone, out var r) ? $" (row {r})" : string.Empty)}.");
                }
                if (email.Length > 0 && emails.TryGetValue(email, out var emailOwner))
                {
                    throw DomainException.Conflict($"Email {client.Email} is already {emailOwner}'s{(fileRowOf.TryGetValue("e" + email, out var r) ? $" (row {r})" : string.Empty)}.");
                }
                if (phone.Length > 0)
                {
                    phones[phone] = client.Name;
                    fileRowOf["p" + phone] = row.Number;
                }
                if (email.Length > 0)
                {
                    emails[email] = client.Name;
                    fileRowOf["e" + email] = row.Number;
                }
                rows.Add(new ImportRow(row.Number, details) { Prepared = client });
            }
            catch (DomainException ex)
            {
                errors.Add(new ImportError(row.Number, ex.Message));
            }
        }
        return new ImportPlan(rows, errors, table.Rows.Count);
    }

    private static int IndexOf(IReadOnlyList<ImportField> mapping, ImportField field)
    {
        for (var i = 0; i < mapping.Count; i++)
        {
            if (mapping[i] == field)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>A date of birth as other systems export it: ISO (2001-04-30) or day first (30/04/2001, 30.04.2001).</summary>
    private static DateOnly? Date(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }
        // Some exports add a midnight time to dates.
        var datePart = text.Split([' ', 'T'], 2)[0];
        return DateOnly.TryParseExact(datePart, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw DomainException.Invalid($"Date of birth '{text}' is not a date (use 2001-04-30 or 30/04/2001).", "dateOfBirth");
    }

    private static bool Consent(string text) => text.ToLowerInvariant() switch
    {
        "" or "no" or "n" or "false" or "0" or "opted out" or "unsubscribed" => false,
        "yes" or "y" or "true" or "1" or "opted in" or "subscribed" or "x" => true,
        _ => throw DomainException.Invalid($"Marketing consent '{text}' is not yes or no.", "marketingConsent"),
    };
}

/// <summary>The upload is larger than <see cref="ClientImport.MaxBytes"/> (the API answers 413).</summary>
public sealed class ImportTooLargeException() : Exception($"The file is larger than {ClientImport.MaxBytes / 1024 / 1024} MB; split it and import each part.");
