import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { formatChinaTime } from '@beian/shared';
import { type ExportSource, SERVICE_COLUMNS, SUBJECT_COLUMNS, subjectsWithServices } from './export-rows';

const time = (at: Date) => formatChinaTime(at);
/** Rows written between two waits for the reader, so a slow download never piles the file up in memory. */
const ROWS_PER_WAIT = 200;

/** 导出基础信息 as XLSX: sheet 主体 (one row per subject), sheet 服务 (one row per 网站/APP), streamed into `out`. */
export async function writeXlsx(source: ExportSource, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const subjects = workbook.addWorksheet('主体', { views: [{ state: 'frozen', ySplit: 1 }] });
  subjects.columns = SUBJECT_COLUMNS.map(({ header, width }, i) => ({ header, width, key: String(i) }));
  subjects.getRow(1).font = { bold: true };
  let written = 0;
  for await (const subject of source.subjects()) {
    subjects.addRow(SUBJECT_COLUMNS.map((c) => c.value(subject, time))).commit();
    if (++written % ROWS_PER_WAIT === 0) await readerCaughtUp(out);
  }
  subjects.commit();

  const services = workbook.addWorksheet('服务', { views: [{ state: 'frozen', ySplit: 1 }] });
  services.columns = [
    { header: '主体备案号', width: 24 },
    { header: '主办单位名称', width: 32 },
    ...SERVICE_COLUMNS.map(({ header, width }) => ({ header, width })),
  ];
  services.getRow(1).font = { bold: true };
  let subjectCells: string[] = [];
  for await (const row of subjectsWithServices(source)) {
    if ('subject' in row) {
      subjectCells = [row.subject.subjectIcpNumber, row.subject.name];
      continue;
    }
    services.addRow([...subjectCells, ...SERVICE_COLUMNS.map((c) => c.value(row.service, time))]).commit();
    if (++written % ROWS_PER_WAIT === 0) await readerCaughtUp(out);
  }
  services.commit();
  await workbook.commit();
}

/**
 * 导出基础信息 as CSV (UTF-8 with BOM, so Excel reads the Chinese): one row per service with its subject; a subject
 * without services (空壳) gets a row of its own.
 */
export async function writeCsv(source: ExportSource, out: Writable): Promise<void> {
  const csv = stringify({ bom: true, header: true, columns: ['主体备案号', '主办单位名称', '主体负责人', ...SERVICE_COLUMNS.map((c) => c.header)] });
  csv.pipe(out);
  const put = async (cells: string[]) => {
    if (!csv.write(cells.map(neutralizeFormula))) await once(csv, 'drain');
  };
  let subjectCells: string[] = [];
  let subjectWithoutRow = false;
  for await (const row of subjectsWithServices(source)) {
    if ('subject' in row) {
      if (subjectWithoutRow) await put(subjectCells);
      subjectCells = [row.subject.subjectIcpNumber, row.subject.name, row.subject.principalName];
      subjectWithoutRow = true;
      continue;
    }
    await put([...subjectCells, ...SERVICE_COLUMNS.map((c) => c.value(row.service, time))]);
    subjectWithoutRow = false;
  }
  if (subjectWithoutRow) await put(subjectCells);
  csv.end();
  await finished(out);
}

/** A cell starting with = + - @ (or a tab/CR) would run as a formula in Excel: applicant-typed names must stay text. */
function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

async function readerCaughtUp(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await once(out, 'drain');
  await new Promise((resolve) => setImmediate(resolve));
}
