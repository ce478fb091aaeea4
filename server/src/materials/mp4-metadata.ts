import { CONTAINERS, tile } from './mp4-structure';

/**
 * Boxes that carry what a phone knows about the recording rather than the recording: user data (`udta`, with the
 * place in `©xyz` or `loci`, the device, a title), `meta` item lists and vendor `uuid` boxes (XMP).
 */
const METADATA_BOXES: ReadonlySet<string> = new Set(['udta', 'meta', 'uuid']);

/**
 * A copy of a (structurally checked) MP4 with every metadata box turned into a `free` box of the same size and its
 * bytes zeroed: the place and device are gone while every offset (`stco`/`co64` into `mdat`) stays valid.
 */
export function stripMp4Metadata(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  const visit = (start: number, end: number) => {
    const children = tile(out, start, end);
    if (typeof children === 'string') return;
    for (const box of children) {
      if (METADATA_BOXES.has(box.type)) {
        out.write('free', box.offset + 4, 'latin1');
        out.fill(0, box.start, box.end);
      } else if (CONTAINERS.has(box.type)) visit(box.start, box.end);
    }
  };
  visit(0, out.length);
  return out;
}
