import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { formatChinaTime } from '@beian/shared';
import { type ExportService, type ExportSource, type ExportSubject, SERVICE_TYPE_LABELS, subjectsWithServices } from './export-rows';

const MARGIN = 48;
const PAGE_BOTTOM = 842 - MARGIN;
const WIDTH = 595 - 2 * MARGIN;
const PAD = 4;
const SERVICE_TABLE: { header: string; width: number; value: (s: ExportService) => string }[] = [
  { header: '服务备案号', width: 128, value: (s) => s.serviceIcpNumber },
  { header: '类型', width: 34, value: (s) => SERVICE_TYPE_LABELS[s.serviceType] },
  { header: '服务名称', width: 86, value: (s) => s.name },
  { header: '备案域名 / APP 包名', width: 120, value: (s) => s.addresses.join('\n') },
  { header: '负责人', width: 45, value: (s) => s.principalName },
  { header: '审核通过时间', width: WIDTH - 413, value: (s) => formatChinaTime(s.approvedAt) },
];

/**
 * 导出基础信息 as PDF: a "备案信息" sheet per subject (its facts, then its 网站 and APP in a table), streamed page by
 * page. `font` is a file with Chinese glyphs, `path#PostScriptName` for one font of a collection (`.ttc`).
 */
export async function writePdf(source: ExportSource, out: Writable, font: string, exportedAt: Date): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: '备案信息', Creator: 'Beian' } });
  doc.pipe(out);
  const [fontPath = font, family] = font.split('#');
  doc.registerFont('cjk', fontPath, family);
  doc.font('cjk');
  let sheets = 0;
  for await (const row of subjectsWithServices(source)) {
    if ('subject' in row) {
      if (sheets++ > 0) doc.addPage();
      subjectSheet(doc, row.subject, exportedAt);
      continue;
    }
    serviceRow(
      doc,
      SERVICE_TABLE.map((c) => c.value(row.service)),
    );
  }
  if (sheets === 0) doc.fontSize(12).text('暂无已通过管局审核的备案信息');
  doc.end();
  await finished(out);
}

function subjectSheet(doc: PDFKit.PDFDocument, subject: ExportSubject, exportedAt: Date): void {
  doc.fontSize(20).text('备案信息', MARGIN, MARGIN, { width: WIDTH, align: 'center' });
  doc
    .fontSize(9)
    .fillColor('#666')
    .text(`导出时间 ${formatChinaTime(exportedAt)}（仅含已通过管局审核的基础信息）`, { width: WIDTH, align: 'center' });
  doc.fillColor('#000').moveDown(1);
  heading(doc, '主体信息');
  const facts: [string, string][] = [
    ['主体备案号', subject.subjectIcpNumber],
    ['主办单位名称', subject.name],
    ['主办单位性质', subject.natureLabel],
    ['所在地区', subject.regionLabel],
    ['主体负责人', subject.principalName],
    ['审核通过时间', formatChinaTime(subject.approvedAt)],
    ['状态', subject.stateLabel],
  ];
  for (const [label, value] of facts) cells(doc, [label, value], [110, WIDTH - 110], ['#f2f4f7', null]);
  doc.moveDown(1);
  heading(doc, '互联网信息服务');
  headerRow(doc);
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.fontSize(12).text(text, MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.3);
}

function headerRow(doc: PDFKit.PDFDocument): void {
  cells(
    doc,
    SERVICE_TABLE.map((c) => c.header),
    SERVICE_TABLE.map((c) => c.width),
    SERVICE_TABLE.map(() => '#f2f4f7'),
  );
}

function serviceRow(doc: PDFKit.PDFDocument, values: string[]): void {
  const widths = SERVICE_TABLE.map((c) => c.width);
  if (doc.y + rowHeight(doc, values, widths) > PAGE_BOTTOM) {
    doc.addPage();
    headerRow(doc);
  }
  cells(doc, values, widths, []);
}

function rowHeight(doc: PDFKit.PDFDocument, values: string[], widths: number[]): number {
  doc.fontSize(9);
  return Math.max(...values.map((v, i) => doc.heightOfString(v || ' ', { width: widths[i]! - 2 * PAD }))) + 2 * PAD;
}

/** One table row of bordered cells, left to right from the margin, leaving `doc.y` under it. */
function cells(doc: PDFKit.PDFDocument, values: string[], widths: number[], fills: (string | null)[]): void {
  const top = doc.y;
  const height = rowHeight(doc, values, widths);
  let x = MARGIN;
  values.forEach((value, i) => {
    const width = widths[i]!;
    const fill = fills[i];
    if (fill) doc.rect(x, top, width, height).fill(fill);
    doc.rect(x, top, width, height).lineWidth(0.5).stroke('#c9ced6');
    doc.fillColor('#000').text(value, x + PAD, top + PAD, { width: width - 2 * PAD });
    x += width;
  });
  doc.x = MARGIN;
  doc.y = top + height;
}
