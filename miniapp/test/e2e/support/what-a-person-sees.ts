import type { Page } from 'playwright-core';

/** Latin words a Chinese filing screen legitimately shows. */
const ALLOWED_WORDS = new Set([
  'ICP',
  'APP',
  'ID',
  'IP',
  'URL',
  'MIIT',
  'H5',
  'PDF',
  'JPG',
  'JPEG',
  'PNG',
  'MP4',
  'MB',
  'KB',
  'QR',
  'WAP',
  'SDK',
  'IOS',
  'ANDROID',
  'HARMONYOS',
  // Tencent Cloud's product names, as its console shows them (云服务器（CVM）, 轻量应用服务器（Lighthouse）).
  'CVM',
  'LIGHTHOUSE',
  'SERVERLESS',
  // Export formats, named like PDF above (导出 Excel / CSV).
  'EXCEL',
  'XLSX',
  'CSV',
  // An APP's identifiers as MIIT's form and the developer tools name them (包名 / Bundle ID, 签名MD5值, SHA-1值).
  'BUNDLE',
  'MD5',
  'SHA',
]);

/** Containers whose children are a label and its value, side by side or stacked. */
const PAIR_CONTAINERS = ['.review-row', '.field', '.row-between', '.upload-row', '.rejection', '.timeline-entry', '.number-row', '.sms-recipient'];

export interface ScreenProblems {
  rawKeys: string[];
  english: string[];
  nullish: string[];
  overlaps: string[];
  horizontalScroll: number;
}

/** What a person reading the page would trip over; an empty report is a readable screen. */
export async function screenProblems(page: Page, allow: readonly string[] = []): Promise<ScreenProblems> {
  const seen = await page.evaluate((containers) => {
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const overlaps: string[] = [];
    for (const container of document.querySelectorAll(containers.join(','))) {
      if (!visible(container)) continue;
      const children = [...container.children].filter(visible);
      for (let i = 0; i < children.length; i++) {
        for (let j = i + 1; j < children.length; j++) {
          const a = children[i]!.getBoundingClientRect();
          const b = children[j]!.getBoundingClientRect();
          const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (width > 1 && height > 1) overlaps.push(`${children[i]!.textContent?.slice(0, 20)} ⟂ ${children[j]!.textContent?.slice(0, 20)}`);
        }
      }
    }
    // Values typed into inputs are what the person entered, not what the product says.
    const text = document.body.innerText;
    const code = [...document.querySelectorAll<HTMLElement>('.code-text, .code-value')].map((el) => el.innerText);
    const root = document.scrollingElement ?? document.documentElement;
    return { text, code, overlaps, horizontalScroll: root.scrollWidth - root.clientWidth };
  }, PAIR_CONTAINERS);
  // Codes to copy (`.code-value`: 授权码, 服务码, instance IDs) and code to paste elsewhere (`.code-text`: the footer HTML
  // of a website, a drafted pre-check rule) are not words; nor are links (invitations, 扫码继续), addresses to copy.
  // Longest first: an ID inside another (ins-… in lhins-…) must not leave the longer one's prefix behind as a word.
  let text = [...seen.code]
    .sort((a, b) => b.length - a.length)
    .reduce((rest, block) => rest.split(block).join(' '), seen.text)
    .replace(/https?:\/\/\S+/g, ' ');
  for (const word of allow) text = text.split(word).join(' ');
  const rawKeys = [
    ...new Set(
      text.match(/\b(?:[a-z]+[A-Z]\w*|[a-z]+_[a-z_]+|(?:subject|subjectPrincipal|websites|apps|agreements|materials)\.[\w.]+|[a-z_]+\s\/\s[a-z_]+)\b/g) ?? [],
    ),
  ];
  // Addresses, e-mails and domains are values the applicant typed: not English text.
  const prose = text.replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ').replace(/\b[\w-]+(\.[\w-]+)+\b/g, ' ');
  const english = [
    ...new Set(
      (prose.match(/[A-Za-z][A-Za-z0-9]+/g) ?? []).filter(
        (word) => !ALLOWED_WORDS.has(word.toUpperCase()) && !ALLOWED_WORDS.has(word.toUpperCase().replace(/\d+$/, '')),
      ),
    ),
  ];
  const nullish = [...new Set(text.match(/\b(undefined|null|NaN)\b|\[object Object\]/g) ?? [])];
  return { rawKeys, english, nullish, overlaps: seen.overlaps, horizontalScroll: Math.max(0, seen.horizontalScroll) };
}

/**
 * Every journey test calls this on each screen it shows: no raw key or code, no English, no `undefined`/`null`,
 * no label overlapping its value, no horizontal scroll. `allow` names test data the person typed (e.g. a Latin name).
 */
export async function expectReadable(page: Page, allow: readonly string[] = []): Promise<void> {
  const problems = await screenProblems(page, allow);
  expect({ url: page.url(), ...problems }).toEqual({ url: page.url(), rawKeys: [], english: [], nullish: [], overlaps: [], horizontalScroll: 0 });
}
