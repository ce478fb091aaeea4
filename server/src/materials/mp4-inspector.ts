/** What the server learns from an MP4's boxes without decoding it (ISO/IEC 14496-12). */
export interface Mp4Facts {
  durationMs: number;
  hasVideoTrack: boolean;
}

interface Box {
  type: string;
  start: number;
  end: number;
}

function* boxes(bytes: Buffer, start: number, end: number): Generator<Box> {
  let offset = start;
  while (offset + 8 <= end) {
    let size = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    let header = 8;
    if (size === 1) {
      if (offset + 16 > end) return;
      size = Number(bytes.readBigUInt64BE(offset + 8));
      header = 16;
    } else if (size === 0) {
      size = end - offset;
    }
    if (size < header || offset + size > end) return;
    yield { type, start: offset + header, end: offset + size };
    offset += size;
  }
}

function child(bytes: Buffer, parent: Box, type: string): Box | undefined {
  for (const box of boxes(bytes, parent.start, parent.end)) if (box.type === type) return box;
  return undefined;
}

/** Duration from `moov/mvhd`, and whether a `trak` has a `vide` handler. null when the file is not a readable MP4. */
export function inspectMp4(bytes: Buffer): Mp4Facts | null {
  const top = [...boxes(bytes, 0, bytes.length)];
  if (top[0]?.type !== 'ftyp') return null;
  const moov = top.find((box) => box.type === 'moov');
  if (!moov) return null;
  const mvhd = child(bytes, moov, 'mvhd');
  if (!mvhd || mvhd.end - mvhd.start < 32) return null;
  const version = bytes[mvhd.start];
  // Version 1 uses 64-bit creation/modification times and duration.
  const timescale = version === 1 ? bytes.readUInt32BE(mvhd.start + 20) : bytes.readUInt32BE(mvhd.start + 12);
  const duration = version === 1 ? Number(bytes.readBigUInt64BE(mvhd.start + 24)) : bytes.readUInt32BE(mvhd.start + 16);
  if (!timescale) return null;
  let hasVideoTrack = false;
  for (const trak of boxes(bytes, moov.start, moov.end)) {
    if (trak.type !== 'trak') continue;
    const mdia = child(bytes, trak, 'mdia');
    const hdlr = mdia && child(bytes, mdia, 'hdlr');
    if (hdlr && hdlr.end - hdlr.start >= 12 && bytes.toString('latin1', hdlr.start + 8, hdlr.start + 12) === 'vide') hasVideoTrack = true;
  }
  return { durationMs: Math.round((duration / timescale) * 1000), hasVideoTrack };
}
