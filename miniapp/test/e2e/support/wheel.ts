import type { Locator, Page } from 'playwright-core';
import { regionPath } from '@beian/shared/regions';

/**
 * Taro's picker as a person uses it in the H5 build (the same `Picker` that opens WeChat's wheel in the mini-program):
 * tap the field, drag each column until the wanted row sits on the line in the middle, tap 确定.
 */

/** Rows one drag moves at most: the wheel's window is 7 rows, a drag starts and ends inside it. */
const ROWS_PER_DRAG = 5;

/** The open wheel's bottom sheet: Taro's H5 picker moves it to `<body>`, and only the open one is shown. */
export function openSheet(page: Page): Locator {
  return page.locator('.weui-picker:visible');
}

/** Waits until the slide-up and the columns' snapping are over, as a person waits for the wheel to stop. */
async function settled(locator: Locator): Promise<void> {
  await locator.evaluate((element) => Promise.all(element.getAnimations({ subtree: true }).map((animation) => animation.finished.catch(() => undefined))));
}

/** Taps the field `#<id>` and waits for its wheel to be up. */
export async function openWheel(page: Page, id: string): Promise<Locator> {
  await page.locator(`#${id}`).click();
  const sheet = openSheet(page);
  await sheet.locator('.weui-picker__bd').waitFor();
  await settled(sheet);
  return sheet;
}

/** The row of a column that sits on the middle line. */
function rowOnTheLine(wheel: Locator): Promise<number> {
  return wheel.evaluate((element) => {
    const line = element.querySelector('.weui-picker__indicator')!.getBoundingClientRect();
    const middle = line.top + line.height / 2;
    return [...element.querySelectorAll('.weui-picker__item')].findIndex((item) => {
      const box = item.getBoundingClientRect();
      return box.top <= middle && middle < box.bottom;
    });
  });
}

function column(page: Page, index: number): Locator {
  return openSheet(page).locator('.weui-picker__group').nth(index);
}

/** The rows column `index` (0 = leftmost) of the open wheel offers, top to bottom. */
export function wheelRows(page: Page, index: number): Promise<string[]> {
  return column(page, index).locator('.weui-picker__item').allTextContents();
}

/** The label on the middle line of each column of the open wheel, left to right: where it stands (or opened). */
export async function wheelLine(page: Page): Promise<string[]> {
  const columns = openSheet(page).locator('.weui-picker__group');
  const labels: string[] = [];
  for (const wheel of await columns.all()) {
    await settled(wheel);
    const rows = await wheel.locator('.weui-picker__item').allTextContents();
    labels.push(rows[await rowOnTheLine(wheel)] ?? '');
  }
  return labels;
}

/** Drags column `index` of the open wheel until `label` sits on the middle line. */
export async function turnWheel(page: Page, index: number, label: string): Promise<void> {
  const wheel = column(page, index);
  const rows = wheel.locator('.weui-picker__item');
  // A column follows the one left of it (a province's cities): wait for the row to be offered.
  await wheel
    .getByText(label, { exact: true })
    .first()
    .waitFor({ state: 'attached', timeout: 5_000 })
    .catch(() => undefined);
  const labels = await rows.allTextContents();
  const wanted = labels.indexOf(label);
  if (wanted < 0) throw new Error(`column ${index} of the wheel has no “${label}”: ${labels.slice(0, 40).join(' ')}`);
  const rowHeight = (await rows.first().boundingBox())!.height;
  for (let drags = 0; drags <= labels.length; drags++) {
    await settled(wheel);
    const current = await rowOnTheLine(wheel);
    if (current === wanted) return;
    const box = (await wheel.boundingBox())!;
    // Dragging down brings earlier rows to the line, dragging up later ones.
    const by = Math.max(-ROWS_PER_DRAG, Math.min(ROWS_PER_DRAG, current - wanted)) * rowHeight;
    const x = box.x + box.width / 2;
    const from = by > 0 ? box.y + rowHeight / 2 : box.y + box.height - rowHeight / 2;
    await page.mouse.move(x, from);
    await page.mouse.down();
    await page.mouse.move(x, from + by, { steps: 8 });
    await page.mouse.up();
  }
  throw new Error(`column ${index} of the wheel did not reach “${label}”`);
}

/** Taps 确定 on the open wheel and waits for it to close. */
export async function confirmWheel(page: Page): Promise<void> {
  const sheet = openSheet(page);
  await sheet.getByText('确定', { exact: true }).click();
  await sheet.waitFor({ state: 'hidden' });
}

/** Taps 取消 on the open wheel and waits for it to close. */
export async function cancelWheel(page: Page): Promise<void> {
  const sheet = openSheet(page);
  await sheet.getByText('取消', { exact: true }).click();
  await sheet.waitFor({ state: 'hidden' });
}

/** A short choice (mode `selector`) by the label the person reads. */
export async function pickChoice(page: Page, id: string, label: string): Promise<void> {
  await openWheel(page, id);
  await turnWheel(page, 0, label);
  await confirmWheel(page);
}

/** A date (mode `date`), `YYYY-MM-DD`: the year, month and day columns in turn. */
export async function pickDate(page: Page, id: string, date: string): Promise<void> {
  const [year, month, day] = date.split('-');
  await openWheel(page, id);
  await turnWheel(page, 0, `${year}年`);
  await turnWheel(page, 1, `${month}月`);
  await turnWheel(page, 2, `${day}日`);
  await confirmWheel(page);
}

/** 备案地区 down to a district: its province, city and district names, read from the same catalog the wheel shows. */
export async function pickRegion(page: Page, district: string, id = 'subject-region-code'): Promise<void> {
  const names = regionPath(district);
  if (names.length !== 3) throw new Error(`${district} is not a district of the region catalog`);
  await openWheel(page, id);
  for (const [index, name] of names.entries()) await turnWheel(page, index, name);
  await confirmWheel(page);
}
