using FrontDesk.Dashboard.Errors;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Domain.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace FrontDesk.Dashboard.Components.Clients;

/// <summary>
/// Upload a CSV, map its columns, see the first rows and every bad row with its number, then
/// import the good rows in one transaction with progress.
/// </summary>
public partial class ClientImportPage : ComponentBase
{
    private const int PreviewRows = 10;
    private const int MaxErrorsShown = 200;

    [Inject] private ClientImport Import { get; set; } = default!;
    [Inject] private DeskSession Desk { get; set; } = default!;
    [Inject] private ILogger<ClientImportPage> Logger { get; set; } = default!;

    private string? _fileName;
    private CsvTable? _table;
    private List<ImportField>? _mapping;
    private ImportPlan? _plan;
    private ImportResult? _result;
    private string? _error;
    private bool _importing;
    private int _progress;

    private async Task UploadAsync(IBrowserFile? file)
    {
        _error = null;
        _result = null;
        _plan = null;
        _table = null;
        _mapping = null;
        if (file is null)
        {
            return;
        }
        _fileName = file.Name;
        if (file.Size > ClientImport.MaxBytes)
        {
            _error = new ImportTooLargeException().Message;
            return;
        }
        try
        {
            await using var stream = file.OpenReadStream(ClientImport.MaxBytes);
            _table = await ClientImport.ReadAsync(stream);
            _mapping = ClientImport.GuessMapping(_table.Headers).ToList();
            await PlanAsync();
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        catch (ImportTooLargeException ex)
        {
            _error = ex.Message;
        }
        catch (IOException ex)
        {
            _error = $"The file could not be read. {FrontDesk.Dashboard.Errors.UnexpectedError.Report(Logger, ex, "reading an import file")}";
        }
    }

    private async Task MapAsync(int column, ImportField field)
    {
        if (_mapping is null)
        {
            return;
        }
        // A field comes from one column: choosing it here frees the column that had it.
        for (var i = 0; i < _mapping.Count; i++)
        {
            if (i != column && field != ImportField.Ignore && _mapping[i] == field)
            {
                _mapping[i] = ImportField.Ignore;
            }
        }
        _mapping[column] = field;
        await PlanAsync();
    }

    private async Task PlanAsync()
    {
        if (_table is null || _mapping is null)
        {
            return;
        }
        try
        {
            _plan = await Import.PlanAsync(_table, _mapping);
            _error = null;
        }
        catch (DomainException ex)
        {
            _plan = null;
            _error = ex.Message;
        }
    }

    private async Task ImportAsync()
    {
        if (_table is null || _mapping is null)
        {
            return;
        }
        _importing = true;
        _progress = 0;
        _error = null;
        try
        {
            var progress = new Progress(this);
            _result = await Import.ImportAsync(_table, _mapping, Desk.Caller, progress);
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _importing = false;
        }
    }

    private static string ImportLabel(ImportPlan plan) =>
        $"Import {plan.Rows.Count} {(plan.Rows.Count == 1 ? "client" : "clients")}" + (plan.Errors.Count > 0 ? $" (skip {plan.Errors.Count} {(plan.Errors.Count == 1 ? "row" : "rows")})" : string.Empty);

    private static string FieldLabel(ImportField field) => field switch
    {
        ImportField.Ignore => "(ignore)",
        ImportField.FirstName => "First name",
        ImportField.LastName => "Last name",
        ImportField.DateOfBirth => "Date of birth",
        ImportField.MarketingConsent => "Marketing consent",
        _ => field.ToString(),
    };

    /// <summary>Progress from the import, shown through the renderer.</summary>
    private sealed class Progress(ClientImportPage page) : IProgress<int>
    {
        public void Report(int value) => page.InvokeAsync(() =>
        {
            page._progress = value;
            page.StateHasChanged();
        }).Forget(page.Logger, "showing import progress");
    }
}
