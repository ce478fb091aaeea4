import { inflateSync } from 'node:zlib';

/** PDF names that run code or carry files: refused in uploads (a filing needs a scan, not an active document). */
const ACTIVE_NAMES = /\/(JavaScript|JS|EmbeddedFiles?|Launch|RichMedia|XFA)(?![A-Za-z0-9])/;

/** `/J#61vaScript` is `/JavaScript`: names may escape any character as #xx. */
const decodeNames = (text: string) => text.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Bounds the work a hostile file can cause: streams inflated and output kept. */
const MAX_STREAMS = 2000;
const MAX_INFLATED = 32 * 1024 * 1024;

/**
 * The active content found in a PDF (JavaScript, embedded files, launch actions …), looking in the plain
 * objects and inside compressed (Flate) streams, where object streams hide dictionaries; null when none.
 */
export function pdfActiveContent(bytes: Buffer): string | null {
  const text = bytes.toString('latin1');
  const plain = decodeNames(text).match(ACTIVE_NAMES);
  if (plain) return plain[1]!;
  let inflatedTotal = 0;
  let streams = 0;
  const streamStart = /stream\r?\n/g;
  for (let match = streamStart.exec(text); match && streams < MAX_STREAMS; match = streamStart.exec(text)) {
    streams += 1;
    const from = match.index + match[0].length;
    const to = text.indexOf('endstream', from);
    if (to < 0) break;
    let inflated: Buffer;
    try {
      inflated = inflateSync(bytes.subarray(from, to), { maxOutputLength: MAX_INFLATED });
    } catch {
      continue;
    }
    inflatedTotal += inflated.length;
    const found = decodeNames(inflated.toString('latin1')).match(ACTIVE_NAMES);
    if (found) return found[1]!;
    if (inflatedTotal > MAX_INFLATED) return 'too much compressed content';
    streamStart.lastIndex = to;
  }
  return null;
}
