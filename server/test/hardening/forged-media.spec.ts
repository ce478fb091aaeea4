import { deflateSync } from 'node:zlib';
import { inspectMp4 } from '../../src/materials/mp4-inspector';
import { mp4StructureProblem } from '../../src/materials/mp4-structure';
import { pdfActiveContent } from '../../src/materials/pdf-checks';
import { mp4 } from '../support/media-fixtures';

const box = (type: string, ...payload: Buffer[]) => {
  const body = Buffer.concat(payload);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(body.length + 8);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
};

/** About 300 bytes that the header reader took for a 10-second video: ftyp, mvhd, a `vide` handler, no samples. */
function forgedMp4(): Buffer {
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12);
  mvhd.writeUInt32BE(10_000, 16);
  const hdlr = Buffer.alloc(24);
  hdlr.write('vide', 8, 'latin1');
  return Buffer.concat([
    box('ftyp', Buffer.from('isom\0\0\x02\0isomiso2mp41', 'latin1')),
    box('moov', box('mvhd', mvhd), box('trak', box('mdia', box('hdlr', hdlr)))),
    box('mdat', Buffer.alloc(64)),
  ]);
}

/** The offset of a box's payload by its type's first occurrence (fine for the fixture's one video track). */
const flip = (bytes: Buffer, at: number, mask: number) => bytes.writeUInt8(bytes.readUInt8(at) ^ mask, at);

const payloadOf = (bytes: Buffer, type: string) => bytes.indexOf(Buffer.from(type, 'latin1')) + 4;

describe('hardening: forged MP4s and active PDFs', () => {
  const real = mp4(6);

  it('should accept a real recording', () => {
    expect(mp4StructureProblem(real)).toBeNull();
  });

  it('should refuse a 300-byte forged MP4 that the header reader accepted', () => {
    const forged = forgedMp4();
    expect(forged.length).toBeLessThan(400);
    expect(inspectMp4(forged)).toEqual({ durationMs: 10_000, hasVideoTrack: true });

    expect(mp4StructureProblem(forged)).toMatch(/stbl|sample/);
  });

  it('should refuse a recording cut in half or with trailing bytes', () => {
    expect(mp4StructureProblem(real.subarray(0, Math.floor(real.length / 2)))).toMatch(/runs past|cut/);
    expect(mp4StructureProblem(Buffer.concat([real, Buffer.from('garbage!')]))).not.toBeNull();
  });

  it('should refuse a recording whose sample tables were bit-flipped', () => {
    const offsets = Buffer.from(real);
    flip(offsets, payloadOf(offsets, 'stco') + 8, 0x40);
    expect(mp4StructureProblem(offsets)).toMatch(/outside mdat/);

    const sizes = Buffer.from(real);
    flip(sizes, payloadOf(sizes, 'stsz') + 8, 0x01);
    expect(mp4StructureProblem(sizes)).not.toBeNull();

    const boxSize = Buffer.from(real);
    flip(boxSize, payloadOf(boxSize, 'moov') - 8 + 2, 0x10);
    expect(mp4StructureProblem(boxSize)).not.toBeNull();
  });

  it('should find JavaScript and embedded files in a PDF, plain, name-escaped or compressed', () => {
    const pdf = (body: string | Buffer) =>
      Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n', 'latin1'), Buffer.from(body), Buffer.from('\nendobj\n%%EOF\n', 'latin1')]);
    const stream = (content: string) =>
      Buffer.concat([Buffer.from('<< /Filter /FlateDecode >>\nstream\n', 'latin1'), deflateSync(content), Buffer.from('\nendstream', 'latin1')]);

    expect(pdfActiveContent(pdf('<< /Type /Catalog /Pages 2 0 R >>'))).toBeNull();
    expect(pdfActiveContent(pdf('<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>'))).toBe('JavaScript');
    expect(pdfActiveContent(pdf('<< /S /J#61vaScript >>'))).toBe('JavaScript');
    expect(pdfActiveContent(pdf('<< /Names << /EmbeddedFiles 3 0 R >> >>'))).toBe('EmbeddedFiles');
    expect(pdfActiveContent(pdf(stream('<< /S /Launch /F (cmd.exe) >>')))).toBe('Launch');
    expect(pdfActiveContent(pdf(stream('BT /F1 12 Tf (Hello) Tj ET')))).toBeNull();
  });
});
