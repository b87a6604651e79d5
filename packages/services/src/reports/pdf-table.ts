/**
 * The table and page footer every PDF report draws (compliance findings,
 * compliance activity): rows that wrap within their columns and move to a new
 * page when they would run into the footer.
 */
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

export interface PdfColumn<R> {
  title: string;
  width: number;
  get: (row: R) => string;
}

export function drawPdfTable<R>(doc: Doc, cols: readonly PdfColumn<R>[], rows: readonly R[], emptyText: string): void {
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 20;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8).fillColor('#000');
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: cols[i]!.width - 4 }))) + 4;
    if (doc.y + h > bottom()) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.text(c, x + 2, y + 2, { width: cols[i]!.width - 4 });
      x += cols[i]!.width;
    });
    doc.moveTo(left, y + h).lineTo(x, y + h).strokeColor('#ccc').lineWidth(0.5).stroke();
    doc.x = left;
    doc.y = y + h;
  };
  drawRow(cols.map((c) => c.title), true);
  if (rows.length === 0) doc.font('Helvetica').fontSize(10).text(emptyText, left, doc.y + 6);
  for (const r of rows) drawRow(cols.map((c) => c.get(r)), false);
}

/** A centred footer on every buffered page (the document must be made with bufferPages: true). */
export function drawPdfFooters(doc: Doc, text: (page: number, pages: number) => string): void {
  const left = doc.page.margins.left;
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Writing in the bottom margin would make pdfkit add a page; lift the margin for the footer.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor('#666').text(text(i + 1, range.count), left, doc.page.height - 24, { width: doc.page.width - left * 2, align: 'center' });
    doc.page.margins.bottom = margin;
  }
}
