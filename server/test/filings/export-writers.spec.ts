import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import type { ExportService, ExportSource, ExportSubject } from '../../src/filings/export-rows';
import { writePdf } from '../../src/filings/export-pdf.writer';
import { writeCsv, writeXlsx } from '../../src/filings/export-spreadsheet.writer';
import { loadConfig } from '../../src/platform/config/app-config';

const OUTPUT = resolve(__dirname, '../../../test-output/exports');
const APPROVED = new Date('2025-03-04T02:30:00Z');

const subject = (id: string, n: number): ExportSubject => ({
  id,
  subjectIcpNumber: `粤ICP备20240000${n}0号`,
  name: `深圳市示例科技有限公司${n}`,
  natureLabel: '企业',
  regionLabel: '广东省深圳市南山区',
  principalName: '张三',
  approvedAt: APPROVED,
  stateLabel: '正常',
});
const website = (s: ExportSubject, seq: number, name = `示例官网${seq}`): ExportService => ({
  subjectId: s.id,
  serviceType: 'website',
  serviceIcpNumber: `${s.subjectIcpNumber}-${seq}`,
  name,
  addresses: [`www.example${seq}.cn`, `example${seq}.cn`],
  principalName: '李四',
  approvedAt: APPROVED,
  stateLabel: '已接入',
});

function sourceOf(subjects: ExportSubject[], services: ExportService[]): ExportSource {
  return {
    async *subjects() {
      yield* subjects;
    },
    async *services() {
      yield* services;
    },
  };
}

async function collect(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  return Buffer.concat(chunks);
}

describe('export writers', () => {
  const first = subject('a', 1);
  const shell = subject('b', 2);
  const third = subject('c', 3);
  const app: ExportService = { ...website(third, 1), serviceType: 'app', name: '示例 APP', addresses: ['Android: com.example.app', 'iOS: com.example.ios'] };
  const source = sourceOf([first, shell, third], [website(first, 1), website(first, 2, '=HYPERLINK("http://evil")'), app]);

  beforeAll(() => mkdirSync(OUTPUT, { recursive: true }));

  it('should write a subjects sheet and a services sheet when exporting XLSX', async () => {
    const file = await collect((out) => writeXlsx(source, out));
    writeFileSync(resolve(OUTPUT, 'filings.xlsx'), file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const rows = (name: string) => (workbook.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows('主体').map((r) => r[0])).toEqual(['主体备案号', first.subjectIcpNumber, shell.subjectIcpNumber, third.subjectIcpNumber]);
    expect(rows('服务')).toEqual([
      ['主体备案号', '主办单位名称', '服务备案号', '服务类型', '服务名称', '备案域名 / APP 包名', '服务负责人', '审核通过时间', '接入状态'],
      [
        first.subjectIcpNumber,
        first.name,
        `${first.subjectIcpNumber}-1`,
        '网站',
        '示例官网1',
        'www.example1.cn；example1.cn',
        '李四',
        '2025-03-04 10:30',
        '已接入',
      ],
      [
        first.subjectIcpNumber,
        first.name,
        `${first.subjectIcpNumber}-2`,
        '网站',
        '=HYPERLINK("http://evil")',
        'www.example2.cn；example2.cn',
        '李四',
        '2025-03-04 10:30',
        '已接入',
      ],
      [
        third.subjectIcpNumber,
        third.name,
        `${third.subjectIcpNumber}-1`,
        'APP',
        '示例 APP',
        'Android: com.example.app；iOS: com.example.ios',
        '李四',
        '2025-03-04 10:30',
        '已接入',
      ],
    ]);
  });

  it('should write one row per service and a row for a subject without services when exporting CSV', async () => {
    const text = (await collect((out) => writeCsv(source, out))).toString('utf8');
    writeFileSync(resolve(OUTPUT, 'filings.csv'), text);
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('主体备案号,主办单位名称,主体负责人,服务备案号,服务类型,服务名称,备案域名 / APP 包名,服务负责人,审核通过时间,接入状态');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([
      first.subjectIcpNumber,
      first.subjectIcpNumber,
      shell.subjectIcpNumber,
      third.subjectIcpNumber,
    ]);
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[3]).toBe(`${shell.subjectIcpNumber},${shell.name},张三`);
  });

  it('should draw a 备案信息 sheet per subject with Chinese glyphs when exporting PDF', async () => {
    const file = await collect((out) => writePdf(source, out, loadConfig({ NODE_ENV: 'test' }).pdfCjkFont, APPROVED));
    const pdf = resolve(OUTPUT, 'filings.pdf');
    writeFileSync(pdf, file);
    expect(file.subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(/Pages:\s+3/);
    expect(execFileSync('pdffonts', [pdf]).toString()).toMatch(/WenQuanYi/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, resolve(OUTPUT, 'filings-page')]);
    const image = PNG.sync.read(readFileSync(resolve(OUTPUT, 'filings-page-1.png')));
    expect(countDark(image)).toBeGreaterThan(500);
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-']).toString();
    for (const shown of ['备案信息', '主办单位名称', first.name, `${first.subjectIcpNumber}-2`, 'www.example1.cn']) expect(text).toContain(shown);
  });
});

function countDark(image: PNG): number {
  let dark = 0;
  for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! < 100) dark++;
  return dark;
}
