/**
 * A one-page A4 PDF of Chinese text in STSong-Light, one of the Adobe CJK fonts every PDF reader carries (not
 * embedded), so a template is a few kilobytes and needs no font file on the server.
 */
const PAGE = { width: 595, height: 842, margin: 56 };
const FONT_SIZE = { title: 18, body: 12 };
const LINE_HEIGHT = 1.8;

export interface PdfLine {
  text: string;
  title?: boolean;
}

/** Every character as UCS-2 (the template texts are all in the Basic Multilingual Plane). */
function ucs2Hex(text: string): string {
  return [...text].map((char) => (char.codePointAt(0) ?? 0x3f).toString(16).padStart(4, '0')).join('');
}

/** Splits a paragraph into lines of at most `perLine` full-width characters (ASCII counts half). */
function wrap(text: string, perLine: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const char of text) {
    const w = char.charCodeAt(0) < 0x80 ? 0.5 : 1;
    if (width + w > perLine) {
      lines.push(line);
      line = '';
      width = 0;
    }
    line += char;
    width += w;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

function contentStream(paragraphs: readonly PdfLine[]): string {
  const ops: string[] = ['BT'];
  let y = PAGE.height - PAGE.margin;
  for (const { text, title } of paragraphs) {
    const size = title ? FONT_SIZE.title : FONT_SIZE.body;
    const perLine = Math.floor((PAGE.width - 2 * PAGE.margin) / size);
    for (const line of wrap(text, perLine)) {
      y -= size * LINE_HEIGHT;
      const x = title ? (PAGE.width - [...line].length * size) / 2 : PAGE.margin;
      ops.push(`/F1 ${size} Tf 1 0 0 1 ${x.toFixed(1)} ${y.toFixed(1)} Tm <${ucs2Hex(line)}> Tj`);
    }
  }
  ops.push('ET');
  return ops.join('\n');
}

export function textPdf(paragraphs: readonly PdfLine[]): Buffer {
  const stream = contentStream(paragraphs);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
