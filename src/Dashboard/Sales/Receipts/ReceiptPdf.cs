using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace FrontDesk.Dashboard.Sales.Receipts;

/// <summary>The paper a PDF receipt is laid out for.</summary>
public enum ReceiptPaper
{
    /// <summary>A4 portrait, with quantity and unit price columns; long receipts go on to more pages.</summary>
    A4,
    /// <summary>An 80 mm till roll: one page as long as the receipt.</summary>
    Roll80,
}

/// <summary>
/// Renders a <see cref="ReceiptModel"/> (and nothing else) as a PDF with PDFsharp, laid out with
/// XGraphics. Text is written WinAnsi-encoded when it fits (so the words stay searchable and
/// copyable as they are), and as Unicode otherwise (names in other scripts).
/// </summary>
public static class ReceiptPdf
{
    public const string ContentType = "application/pdf";

    private static readonly XPdfFontOptions WinAnsi = new(PdfFontEncoding.WinAnsi);
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    /// <summary>The PDF's bytes. Throws <see cref="ReceiptFontMissingException"/> when no font is installed.</summary>
    public static byte[] Render(ReceiptModel receipt, ReceiptPaper paper = ReceiptPaper.A4)
    {
        ReceiptFonts.Install();
        ReceiptFonts.EnsureAvailable();
        using var document = new PdfDocument();
        document.Info.Title = $"{receipt.Title} {receipt.Number} · {receipt.BusinessName}";
        document.Info.Author = receipt.BusinessName;
        document.Info.Subject = receipt.Title;
        document.Info.Creator = "Front Desk Live";
        var width = paper == ReceiptPaper.Roll80 ? XUnit.FromMillimeter(80) : XUnit.FromMillimeter(210);
        if (paper == ReceiptPaper.Roll80)
        {
            // Measure first, then draw on one page exactly as long as the receipt.
            var measure = new Layout(receipt, paper, width.Point, null);
            measure.Run();
            var page = document.AddPage();
            page.Width = width;
            page.Height = XUnit.FromPoint(measure.Height);
            var layout = new Layout(receipt, paper, width.Point, () => page);
            layout.Run();
            layout.Dispose();
        }
        else
        {
            var layout = new Layout(receipt, paper, width.Point, () =>
            {
                var page = document.AddPage();
                page.Width = XUnit.FromMillimeter(210);
                page.Height = XUnit.FromMillimeter(297);
                return page;
            });
            layout.Run();
            layout.Dispose();
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>True when every character of <paramref name="text"/> exists in Windows-1252 (PDF's WinAnsi).</summary>
    public static bool FitsWinAnsi(string text) =>
        text.All(c => c is >= ' ' and < '\u007f' or >= '\u00a0' and <= '\u00ff' || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".Contains(c));

    /// <summary>One pass over the receipt: measures (no page) or draws (pages from the factory).</summary>
    private sealed class Layout(ReceiptModel r, ReceiptPaper paper, double pageWidth, Func<PdfPage>? newPage) : IDisposable
    {
        private readonly bool _roll = paper == ReceiptPaper.Roll80;
        private readonly double _margin = paper == ReceiptPaper.Roll80 ? XUnit.FromMillimeter(4).Point : XUnit.FromMillimeter(18).Point;
        private readonly double _size = paper == ReceiptPaper.Roll80 ? 8.5 : 10;
        private XGraphics? _gfx;
        private XGraphics? _measure;
        private double _y;
        private double _pageBottom = double.MaxValue;

        public double Height => _y + _margin;

        private double Left => _margin;
        private double Right => pageWidth - _margin;

        public void Run()
        {
            NextPage();
            Text(r.BusinessName, Size(1.5), bold: true, center: true);
            foreach (var line in (r.BusinessAddress ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Text(line, Size(0.9), center: true);
            }
            if (r.BusinessPhone is { } phone)
            {
                Text($"Tel. {phone}", Size(0.9), center: true);
            }
            Gap(0.8);
            Text($"{r.Title} {r.Number}", Size(1.25), bold: true, center: true);
            Text(r.Date, Size(0.9), center: true);
            if (r.RefundOf is { } of)
            {
                Text($"Refund of receipt {of}", Size(0.9), center: true);
            }
            if (r.ClientName is { } client)
            {
                Text($"Client: {client}", Size(0.9), center: true);
            }
            if (r.Reason is { } reason)
            {
                Text($"Reason: {reason}", Size(0.9), center: true);
            }
            Gap(0.6);
            Rule();
            Lines();
            Rule();
            foreach (var (label, amount) in r.Totals)
            {
                var total = label.StartsWith("Total", StringComparison.Ordinal);
                Row(label, r.Money(amount), bold: total, size: total ? Size(1.15) : Size(1));
            }
            if (r.Payments.Count > 0 || r.ChangeGiven != 0m || r.Balance != 0m)
            {
                Gap(0.5);
                Text(r.Kind == ReceiptKind.Refund ? "Refunded" : "Payments", Size(1), bold: true);
                foreach (var payment in r.Payments)
                {
                    Row(payment.Method, r.Money(payment.Amount), size: Size(1));
                }
                if (r.ChangeGiven != 0m)
                {
                    Row("Change given", r.Money(r.ChangeGiven), size: Size(1));
                }
                if (r.Balance != 0m)
                {
                    Row("Balance owed", r.Money(r.Balance), bold: true, size: Size(1.05));
                }
            }
            if (r.Remaining.Count > 0)
            {
                Gap(0.5);
                Text("Remaining on your prepaid services", Size(1), bold: true);
                foreach (var left in r.Remaining)
                {
                    Text(left.Text, Size(0.95));
                }
            }
            Gap(1);
            Text("Thank you", Size(1), center: true);
        }

        public void Dispose()
        {
            _gfx?.Dispose();
            _measure?.Dispose();
        }

        private double Size(double factor) => _size * factor;

        private void Lines()
        {
            var qtyRight = Right - (_roll ? 0 : 180);
            var unitRight = Right - (_roll ? 0 : 90);
            if (!_roll)
            {
                var size = Size(0.85);
                Ensure(Lead(size));
                Draw("Description", size, bold: true, Left, XStringAlignment.Near);
                Draw("Qty", size, bold: true, qtyRight, XStringAlignment.Far);
                Draw("Unit price", size, bold: true, unitRight, XStringAlignment.Far);
                Draw("Amount", size, bold: true, Right, XStringAlignment.Far);
                _y += Lead(size);
            }
            foreach (var line in r.Lines)
            {
                var size = Size(1);
                var descriptionWidth = (_roll ? Right - 75 : qtyRight - 50) - Left;
                var wrapped = Wrap(line.Description, size, descriptionWidth);
                Ensure(Lead(size) * wrapped.Count);
                Draw(r.Money(line.Amount), size, bold: false, Right, XStringAlignment.Far);
                if (!_roll)
                {
                    Draw(r.Quantity(line.Quantity), size, bold: false, qtyRight, XStringAlignment.Far);
                    Draw(r.Money(line.UnitPrice), size, bold: false, unitRight, XStringAlignment.Far);
                }
                foreach (var part in wrapped)
                {
                    Draw(part, size, bold: false, Left, XStringAlignment.Near);
                    _y += Lead(size);
                }
                if (_roll && line.Quantity != 1)
                {
                    Text($"  {r.Quantity(line.Quantity)} × {r.Money(line.UnitPrice)}", Size(0.85));
                }
            }
        }

        private void Row(string label, string amount, bool bold = false, double size = 10)
        {
            Ensure(Lead(size));
            Draw(label, size, bold, Left, XStringAlignment.Near);
            Draw(amount, size, bold, Right, XStringAlignment.Far);
            _y += Lead(size);
        }

        private void Text(string text, double size, bool bold = false, bool center = false)
        {
            foreach (var part in Wrap(text, size, Right - Left, bold))
            {
                Ensure(Lead(size));
                Draw(part, size, bold, center ? pageWidth / 2 : Left, center ? XStringAlignment.Center : XStringAlignment.Near);
                _y += Lead(size);
            }
        }

        private void Rule()
        {
            Ensure(6);
            _y += 2;
            _gfx?.DrawLine(new XPen(XColors.Gray, 0.5), Left, _y, Right, _y);
            _y += 4;
        }

        private void Gap(double lines) => _y += _size * 1.3 * lines;

        private static double Lead(double size) => size * 1.35;

        private void Ensure(double height)
        {
            if (_y + height > _pageBottom && newPage is not null)
            {
                NextPage();
            }
        }

        private void NextPage()
        {
            _y = _margin;
            if (newPage is null)
            {
                return;
            }
            _gfx?.Dispose();
            var page = newPage();
            _gfx = XGraphics.FromPdfPage(page);
            _pageBottom = _roll ? double.MaxValue : page.Height.Point - _margin;
        }

        private void Draw(string text, double size, bool bold, double x, XStringAlignment alignment)
        {
            if (_gfx is null)
            {
                return;
            }
            var format = new XStringFormat { Alignment = alignment, LineAlignment = XLineAlignment.Near };
            _gfx.DrawString(text, Font(text, size, bold), XBrushes.Black, new XRect(alignment switch
            {
                XStringAlignment.Far => x - pageWidth,
                XStringAlignment.Center => x - pageWidth / 2,
                _ => x,
            }, _y, pageWidth, size * 2), format);
        }

        private static XFont Font(string text, double size, bool bold) =>
            new(ReceiptFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, FitsWinAnsi(text) ? WinAnsi : Unicode);

        private double Width(string text, double size, bool bold)
        {
            _measure ??= XGraphics.CreateMeasureContext(new XSize(pageWidth, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);
            return _measure.MeasureString(text, Font(text, size, bold)).Width;
        }

        /// <summary>The text in lines no wider than <paramref name="width"/>, broken between words (a too long word alone on its line).</summary>
        private List<string> Wrap(string text, double size, double width, bool bold = false)
        {
            var lines = new List<string>();
            var current = string.Empty;
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : $"{current} {word}";
                if (current.Length > 0 && Width(candidate, size, bold) > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }
            lines.Add(current);
            return lines;
        }
    }
}
