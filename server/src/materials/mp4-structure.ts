/**
 * Structural checks on an MP4 (ISO/IEC 14496-12) beyond reading its header: the box tree tiles the file exactly
 * (no truncation, no trailing bytes, no box running past its parent), and the video track's sample tables agree
 * with each other and point inside `mdat`. A forged or truncated file fails here with a reason.
 */

export interface Box {
  type: string;
  /** Start of the box (its header). */
  offset: number;
  /** Start of the payload (after the header). */
  start: number;
  end: number;
}

/** Boxes whose payload is only more boxes: their children must tile them exactly. */
export const CONTAINERS: ReadonlySet<string> = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'edts', 'dinf', 'mvex', 'moof', 'traf', 'mfra']);

/** The children of [start, end) if they tile it exactly; a string saying what is wrong otherwise. */
export function tile(bytes: Buffer, start: number, end: number): Box[] | string {
  const out: Box[] = [];
  let offset = start;
  while (offset < end) {
    if (offset + 8 > end) return `box header cut at ${offset}`;
    let size = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    let header = 8;
    if (size === 1) {
      if (offset + 16 > end) return `large box header cut at ${offset}`;
      const large = bytes.readBigUInt64BE(offset + 8);
      if (large > BigInt(Number.MAX_SAFE_INTEGER)) return `box ${type} too large`;
      size = Number(large);
      header = 16;
    } else if (size === 0) {
      size = end - offset;
    }
    if (!/^[\x20-\x7e]{4}$/.test(type)) return `box type not printable at ${offset}`;
    if (size < header) return `box ${type} smaller than its header`;
    if (offset + size > end) return `box ${type} runs past its parent (${offset + size} > ${end})`;
    out.push({ type, offset, start: offset + header, end: offset + size });
    offset += size;
  }
  return out;
}

function walk(bytes: Buffer, start: number, end: number, depth = 0): Box[] | string {
  const children = tile(bytes, start, end);
  if (typeof children === 'string') return children;
  if (depth > 12) return 'boxes nested too deep';
  for (const box of children) {
    if (!CONTAINERS.has(box.type)) continue;
    const inner = walk(bytes, box.start, box.end, depth + 1);
    if (typeof inner === 'string') return inner;
  }
  return children;
}

const find = (bytes: Buffer, parent: Box, type: string): Box | undefined => {
  const children = tile(bytes, parent.start, parent.end);
  return typeof children === 'string' ? undefined : children.find((b) => b.type === type);
};

const path = (bytes: Buffer, from: Box, ...types: string[]): Box | undefined =>
  types.reduce<Box | undefined>((box, type) => box && find(bytes, box, type), from);

/** A full box's entry count (after version/flags), checked against the box's length. */
function entries(bytes: Buffer, box: Box, headerBytes: number, entryBytes: number): number | null {
  if (box.end - box.start < headerBytes) return null;
  const count = bytes.readUInt32BE(box.start + headerBytes - 4);
  if (box.start + headerBytes + count * entryBytes > box.end) return null;
  return count;
}

/** null when the structure holds; otherwise what is wrong (for the log, not the user). */
export function mp4StructureProblem(bytes: Buffer): string | null {
  const top = walk(bytes, 0, bytes.length);
  if (typeof top === 'string') return top;
  if (top[0]?.type !== 'ftyp') return 'no ftyp first';
  const moov = top.filter((b) => b.type === 'moov');
  if (moov.length !== 1) return `${moov.length} moov boxes`;
  const mdats = top.filter((b) => b.type === 'mdat');
  if (!mdats.length) return 'no mdat';
  const insideMdat = (from: number, to: number) => mdats.some((m) => from >= m.start && to <= m.end);

  const traks = tile(bytes, moov[0]!.start, moov[0]!.end);
  if (typeof traks === 'string') return traks;
  let videoTracks = 0;
  for (const trak of traks.filter((b) => b.type === 'trak')) {
    const hdlr = path(bytes, trak, 'mdia', 'hdlr');
    if (!hdlr || hdlr.end - hdlr.start < 12 || bytes.toString('latin1', hdlr.start + 8, hdlr.start + 12) !== 'vide') continue;
    videoTracks += 1;
    const stbl = path(bytes, trak, 'mdia', 'minf', 'stbl');
    if (!stbl) return 'video track without stbl';
    const stsz = find(bytes, stbl, 'stsz');
    const stsc = find(bytes, stbl, 'stsc');
    const stts = find(bytes, stbl, 'stts');
    const stco = find(bytes, stbl, 'stco');
    const co64 = find(bytes, stbl, 'co64');
    if (!stsz || !stsc || !stts || !(stco || co64)) return 'video track without sample tables';

    // stsz: version/flags, sample_size, sample_count, then sizes when sample_size is 0.
    if (stsz.end - stsz.start < 12) return 'stsz cut';
    const fixedSize = bytes.readUInt32BE(stsz.start + 4);
    const sampleCount = bytes.readUInt32BE(stsz.start + 8);
    if (!sampleCount) return 'video track without samples';
    if (!fixedSize && stsz.start + 12 + sampleCount * 4 > stsz.end) return 'stsz shorter than its sample count';
    const sampleSize = (i: number) => (fixedSize ? fixedSize : bytes.readUInt32BE(stsz.start + 12 + i * 4));

    const timeEntries = entries(bytes, stts, 8, 8);
    if (timeEntries === null) return 'stts cut';
    let timedSamples = 0;
    for (let i = 0; i < timeEntries; i++) timedSamples += bytes.readUInt32BE(stts.start + 8 + i * 8);
    if (timedSamples !== sampleCount) return `stts covers ${timedSamples} samples, stsz ${sampleCount}`;

    const chunkBox = (co64 ?? stco)!;
    const chunkCount = entries(bytes, chunkBox, 8, co64 ? 8 : 4);
    if (!chunkCount) return 'chunk offsets cut or empty';
    const chunkOffset = (i: number) => (co64 ? Number(bytes.readBigUInt64BE(chunkBox.start + 8 + i * 8)) : bytes.readUInt32BE(chunkBox.start + 8 + i * 4));

    const runs = entries(bytes, stsc, 8, 12);
    if (!runs) return 'stsc cut or empty';
    // Walk the chunks: each holds samplesPerChunk samples of the run it belongs to, laid out back to back.
    let sample = 0;
    for (let r = 0; r < runs; r++) {
      const firstChunk = bytes.readUInt32BE(stsc.start + 8 + r * 12);
      const perChunk = bytes.readUInt32BE(stsc.start + 12 + r * 12);
      const nextFirst = r + 1 < runs ? bytes.readUInt32BE(stsc.start + 8 + (r + 1) * 12) : chunkCount + 1;
      if (firstChunk < 1 || nextFirst <= firstChunk || nextFirst > chunkCount + 1) return 'stsc runs out of order';
      for (let chunk = firstChunk; chunk < nextFirst; chunk++) {
        let at = chunkOffset(chunk - 1);
        for (let k = 0; k < perChunk; k++, sample++) {
          if (sample >= sampleCount) return 'stsc describes more samples than stsz';
          const size = sampleSize(sample);
          if (!insideMdat(at, at + size)) return `sample ${sample} lies outside mdat`;
          at += size;
        }
      }
    }
    if (sample !== sampleCount) return `chunks hold ${sample} samples, stsz ${sampleCount}`;
  }
  if (!videoTracks) return 'no video track';
  return null;
}
