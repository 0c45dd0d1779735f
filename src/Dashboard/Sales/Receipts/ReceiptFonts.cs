using PdfSharp.Fonts;

namespace FrontDesk.Dashboard.Sales.Receipts;

/// <summary>No TrueType font was found for PDF receipts (a set-up problem of the server, not of the request).</summary>
public sealed class ReceiptFontMissingException(string message) : Exception(message);

/// <summary>
/// The fonts of PDF receipts. PDFsharp 6 (the cross-platform "Core" build) reads no system
/// fonts on Linux by itself, so this resolver hands it one sans-serif family's regular and bold
/// files. No font file ships with the app: none is certain on a clean Debian with only the .NET
/// SDK. The files are looked up once in <see cref="Directories"/> (the configured
/// <c>Receipts:FontDirectory</c> first, then /usr/share/fonts and the like): DejaVu Sans
/// (Debian's fonts-dejavu-core, which fontconfig and so Chromium pull in), then Liberation Sans,
/// Noto Sans, FreeSans, and Arial on Windows. Without any, making a PDF fails with a
/// <see cref="ReceiptFontMissingException"/> saying what to install.
/// </summary>
public sealed class ReceiptFonts : IFontResolver
{
    /// <summary>The family name the receipt renderer asks for.</summary>
    public const string Family = "Receipt Sans";

    private const string RegularFace = "ReceiptSans-Regular";
    private const string BoldFace = "ReceiptSans-Bold";

    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
        ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
        ("FreeSans.ttf", "FreeSansBold.ttf"),
        ("arial.ttf", "arialbd.ttf"),
    ];

    private static readonly Lock Gate = new();
    private static string? _configured;
    private static bool _installed;

    // Not cached while missing (PublicationOnly): a font installed later is found at the next receipt.
    private static readonly Lazy<(byte[] Regular, byte[] Bold)> Files = new(Load, LazyThreadSafetyMode.PublicationOnly);

    /// <summary>Where fonts are looked for, in order.</summary>
    public static IReadOnlyList<string> Directories
    {
        get
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return [.. new[]
            {
                _configured,
                "/usr/share/fonts",
                "/usr/local/share/fonts",
                string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".fonts"),
                string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".local", "share", "fonts"),
                Environment.GetFolderPath(Environment.SpecialFolder.Fonts),
            }.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d!).Distinct()];
        }
    }

    /// <summary>
    /// Makes this PDFsharp's font resolver (once per process; PDFsharp's setting is global).
    /// <paramref name="fontDirectory"/> (Receipts:FontDirectory) is searched before the system's folders.
    /// </summary>
    public static void Install(string? fontDirectory = null)
    {
        lock (Gate)
        {
            if (!string.IsNullOrWhiteSpace(fontDirectory))
            {
                _configured = fontDirectory;
            }
            if (_installed)
            {
                return;
            }
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new ReceiptFonts();
            }
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? BoldFace : RegularFace);

    public byte[]? GetFont(string faceName) => faceName == BoldFace ? Files.Value.Bold : Files.Value.Regular;

    /// <summary>Loads the font files now; throws <see cref="ReceiptFontMissingException"/> when there are none.</summary>
    public static void EnsureAvailable() => _ = Files.Value;

    /// <summary>The first family of <see cref="Candidates"/> found with both faces.</summary>
    private static (byte[] Regular, byte[] Bold) Load()
    {
        var directories = Directories.Where(Directory.Exists).ToList();
        var files = directories
            .SelectMany(d => Directory.EnumerateFiles(d, "*.ttf", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive }))
            .GroupBy(f => Path.GetFileName(f), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var (regular, bold) in Candidates)
        {
            if (files.TryGetValue(regular, out var r) && files.TryGetValue(bold, out var b))
            {
                return (File.ReadAllBytes(r), File.ReadAllBytes(b));
            }
        }
        throw new ReceiptFontMissingException(
            $"PDF receipts need a TrueType font and none was found in {string.Join(", ", Directories)}. " +
            "On Debian or Ubuntu install one with 'apt-get install fonts-dejavu-core', or set Receipts:FontDirectory " +
            "to a folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf (or LiberationSans-Regular.ttf and LiberationSans-Bold.ttf).");
    }
}
