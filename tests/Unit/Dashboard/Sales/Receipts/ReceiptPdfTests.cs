using System.Text;
using FrontDesk.Dashboard;
using FrontDesk.Dashboard.Business;
using FrontDesk.Dashboard.Sales.Receipts;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace FrontDesk.Tests.Unit.Dashboard.Sales.Receipts;

/// <summary>The PDF, read back with PDFsharp: pages, size, and the words written on them.</summary>
public sealed class ReceiptPdfTests
{
    private static ReceiptModel Receipt(string client = "Olivia Smith", int lines = 2)
    {
        var business = BusinessProfile.FromOptions(new BusinessOptions { Name = "Glow Clinic", Currency = "GBP" });
        var facts = new ReceiptFacts(Guid.NewGuid(), ReceiptKind.Sale, "1A2B3C4D", new DateTimeOffset(2030, 1, 7, 10, 0, 0, TimeSpan.Zero), client, "GBP",
            [.. Enumerable.Range(1, lines).Select(i => new ReceiptFactLine($"Treatment {i}", 1, 30m, ReceiptLineKind.Item))],
            [new ReceiptPayment("Card", 30m * lines)])
        {
            Remaining = [new ReceiptRemaining("Laser course", "7 of 10 sessions left")],
        };
        return ReceiptBuilder.Build(facts, business, new ReceiptSettings("1 High Street", "0113 496 0000", "VAT", 20m, true));
    }

    [Fact]
    public void Render_A4_OnePageWithTheBusinessNameTotalAndWhatRemainsInItsText()
    {
        using var pdf = Open(ReceiptPdf.Render(Receipt()));

        Assert.Equal(1, pdf.PageCount);
        var text = TextOf(pdf.Pages[0]);
        Assert.Contains("Glow Clinic", text, StringComparison.Ordinal);
        Assert.Contains("Receipt 1A2B3C4D", text, StringComparison.Ordinal);
        Assert.Contains("Total", text, StringComparison.Ordinal);
        Assert.Contains("60.00 GBP", text, StringComparison.Ordinal);
        Assert.Contains("Includes VAT 20%", text, StringComparison.Ordinal);
        Assert.Contains("Laser course: 7 of 10 sessions left", text, StringComparison.Ordinal);
        Assert.Equal(595, pdf.Pages[0].Width.Point, 0);
    }

    [Fact]
    public void Render_Roll80_OnePage80MillimetresWideAndAsLongAsTheReceipt()
    {
        using var few = Open(ReceiptPdf.Render(Receipt(lines: 2), ReceiptPaper.Roll80));
        using var many = Open(ReceiptPdf.Render(Receipt(lines: 30), ReceiptPaper.Roll80));

        Assert.Equal((1, 1), (few.PageCount, many.PageCount));
        Assert.Equal(80, few.Pages[0].Width.Millimeter, 0);
        Assert.True(many.Pages[0].Height.Point > few.Pages[0].Height.Point + 28 * 10, $"{few.Pages[0].Height.Point} vs {many.Pages[0].Height.Point}");
    }

    [Fact]
    public void Render_A4WithManyLines_GoesOnToMorePages()
    {
        using var pdf = Open(ReceiptPdf.Render(Receipt(lines: 80)));

        Assert.True(pdf.PageCount >= 2);
        Assert.Contains("Treatment 80", TextOf(pdf.Pages[pdf.PageCount - 1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ClientNameInAnotherScript_StillMakesAPdf()
    {
        using var pdf = Open(ReceiptPdf.Render(Receipt(client: "Άννα Παπαδοπούλου")));

        Assert.Equal(1, pdf.PageCount);
        Assert.Contains("Glow Clinic", TextOf(pdf.Pages[0]), StringComparison.Ordinal);
    }

    private static PdfDocument Open(byte[] bytes)
    {
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        return PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
    }

    /// <summary>The strings the page's content stream shows (Tj / TJ operands), one text run per line.</summary>
    private static string TextOf(PdfPage page)
    {
        var text = new StringBuilder();
        void Walk(CObject item)
        {
            switch (item)
            {
                case CString s:
                    text.Append(s.Value);
                    break;
                case COperator { OpCode.Name: "Tj" or "TJ" or "'" or "\"" } op:
                    foreach (var operand in op.Operands)
                    {
                        Walk(operand);
                    }
                    text.Append('\n');
                    break;
                case CSequence sequence:
                    foreach (var child in sequence)
                    {
                        Walk(child);
                    }
                    break;
            }
        }
        Walk(ContentReader.ReadContent(page));
        return text.ToString();
    }
}
