import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTestApp } from '../support/test-app';

/** The text a PDF reader shows (Debian's pdftotext, as a person's reader would render it). */
function pdfText(bytes: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'letter-')), 'letter.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('letter templates: 承诺书 and 授权书 per province as PDFs anyone can open', () => {
  const t = useTestApp();

  it('should answer a PDF naming the province when the 承诺书 of Guangdong is asked for without a session', async () => {
    const res = await fetch(`${t.url}/api/letter-templates/commitment_letter?province=440305`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('互联网信息服务备案承诺书（广东省）');
    expect(text).toContain('广东省通信管理局');
  });

  it('should answer the 授权书 with its own text', async () => {
    const res = await fetch(`${t.url}/api/letter-templates/authorization_letter?province=11`);
    expect(pdfText(Buffer.from(await res.arrayBuffer()))).toContain('授权书（北京市）');
  });

  it('should answer 404 when the letter kind or the province is unknown', async () => {
    expect((await fetch(`${t.url}/api/letter-templates/site_plan?province=44`)).status).toBe(404);
    expect((await fetch(`${t.url}/api/letter-templates/commitment_letter?province=99`)).status).toBe(404);
    expect((await fetch(`${t.url}/api/letter-templates/commitment_letter`)).status).toBe(404);
  });
});
