import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import {
  footerSnippet,
  type RegistryLookupResponse,
  type FilingSubjectDetail,
  type FilingSubjectSummary,
  type FooterCheckResult,
  type MyFilingServiceDetail,
} from '@beian/shared';
import { FilingServiceEntity } from '../../src/filing-record/filing-service.entity';
import { FilingSubjectEntity } from '../../src/filing-record/filing-subject.entity';
import { FilingRecordStore } from '../../src/filing-record/filing-record.store';
import { FieldCipher } from '../../src/platform/crypto/field-cipher';
import { devLogin, startTestApp, type TestApp } from '../support/test-app';

type Client = Awaited<ReturnType<typeof devLogin>>['client'];
const APPROVED = new Date('2026-11-02T03:00:00Z');
const CERTIFICATE = '91440300MA5G0XYZ1K';
let serial = 2026100000;

/** The record an approval leaves behind (what record-core's approval writes), through its store. */
async function seedSubject(t: TestApp, ownerId: string, services: { type: 'website' | 'app'; domain: string; state?: 'active' | 'cancelled' }[]) {
  const cipher = t.app.get(FieldCipher);
  const store = t.app.get(FilingRecordStore);
  const number = `粤ICP备${serial++}号`;
  const subject = Object.assign(new FilingSubjectEntity(), {
    id: randomUUID(),
    ownerId,
    subjectIcpNumber: number,
    provinceCode: '44',
    regionCode: '440305',
    nature: 'enterprise',
    certificateType: 'business_license',
    certificateNumber: cipher.encrypt(CERTIFICATE),
    certificateIndex: cipher.blindIndex(CERTIFICATE),
    name: '深圳市示例科技有限公司',
    details: JSON.stringify({ communicationAddress: '深圳市南山区科技园1号', legalRepName: '王五' }),
    principal: JSON.stringify({
      name: '张三',
      certificateType: 'resident_id',
      certificateNumber: cipher.encrypt('440305199001011234'),
      mobile: cipher.encrypt('13800138000'),
    }),
    origin: 'here',
    state: 'active',
    maxServiceSeq: 0,
    version: 1,
    approvedAt: APPROVED,
    changedAt: APPROVED,
  });
  const rows = services.map((s, i) =>
    Object.assign(new FilingServiceEntity(), {
      id: randomUUID(),
      subjectId: subject.id,
      serviceType: s.type,
      serviceIcpNumber: `${number}-${i + 1}`,
      seq: i + 1,
      name: s.type === 'website' ? `示例网站${i + 1}` : '示例APP',
      domains: JSON.stringify(s.type === 'website' ? [s.domain] : []),
      homeUrl: s.type === 'website' ? `http://${s.domain}/` : null,
      packages: JSON.stringify(s.type === 'app' ? [{ platform: 'Android', packageName: s.domain }] : []),
      details: JSON.stringify({ serviceContent: ['综合门户'], languages: ['中文简体'] }),
      principal: JSON.stringify({ name: '李四', mobile: cipher.encrypt('13900139000') }),
      resource: null,
      state: s.state ?? 'active',
      approvedAt: APPROVED,
      changedAt: APPROVED,
    }),
  );
  await t.db.transaction(async (tx) => {
    await store.insertSubject(tx, subject);
    await store.insertServices(
      tx,
      subject.id,
      rows.map((service) => ({ service, access: { provider: 'us', since: APPROVED, resource: null } })),
      APPROVED,
    );
  });
  return { subject, services: rows };
}

describe('我的备案 (the approved record, read)', () => {
  let t: TestApp;
  let owner: Client;
  let ownerId: string;
  let other: Client;
  let site: Server;
  let sitePort: number;
  let seeded: Awaited<ReturnType<typeof seedSubject>>;

  beforeAll(async () => {
    t = await startTestApp({ SITE_FETCH_ALLOW_LOOPBACK: 'true' });
    const login = await devLogin(t.url, 'records-owner');
    owner = login.client;
    ownerId = login.user.id;
    other = (await devLogin(t.url, 'records-other')).client;
    site = createServer((_req, res) => res.end(`<html><body><footer>${footerSnippet(seeded.services[0]!.serviceIcpNumber)}</footer></body></html>`));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    sitePort = (site.address() as AddressInfo).port;
    seeded = await seedSubject(t, ownerId, [
      { type: 'website', domain: `127.0.0.1:${sitePort}` },
      { type: 'app', domain: 'com.example.app' },
      { type: 'website', domain: 'old.example.cn', state: 'cancelled' },
    ]);
    await seedSubject(t, ownerId, []);
  });
  afterAll(async () => {
    site.closeAllConnections();
    await new Promise((resolve) => site.close(resolve));
    await t.close();
  });

  it('should list the caller’s subjects with number, state and active service counts when 我的备案 opens', async () => {
    const res = await owner.get<FilingSubjectSummary[]>('/api/filings/subjects');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(2);
    expect(res.body.find((s) => s.id === seeded.subject.id)).toMatchObject({
      subjectIcpNumber: seeded.subject.subjectIcpNumber,
      state: 'active',
      stateLabel: '正常',
      websiteCount: 1,
      appCount: 1,
    });
    expect((await other.get('/api/filings/subjects')).body).toEqual([]);
  });

  it('should show the subject with its services and masked personal data when the owner opens it', async () => {
    const res = await owner.get<FilingSubjectDetail>(`/api/filings/subjects/${seeded.subject.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ certificateNumberMasked: '9144**********YZ1K', legalRepName: '王五', principal: { name: '张三' } });
    expect(res.body.principal.mobileMasked).toBe('138****8000');
    expect(res.body.services.map((s) => [s.serviceIcpNumber, s.serviceType, s.state, s.access?.provider ?? null])).toEqual([
      [`${seeded.subject.subjectIcpNumber}-1`, 'website', 'active', 'us'],
      [`${seeded.subject.subjectIcpNumber}-2`, 'app', 'active', 'us'],
      [`${seeded.subject.subjectIcpNumber}-3`, 'website', 'cancelled', 'us'],
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/440305199001011234|13800138000|13900139000/);
  });

  it('should answer 404 when another account asks for the subject, its service, footer check or export', async () => {
    const service = seeded.services[0]!.id;
    for (const path of [
      `/api/filings/subjects/${seeded.subject.id}`,
      `/api/filings/services/${service}`,
      `/api/filings/subjects/${seeded.subject.id}/export?format=csv`,
    ]) {
      const res = await other.get(path);
      expect([path, res.status]).toEqual([path, 404]);
    }
    expect((await other.post(`/api/filings/services/${service}/footer-check`)).status).toBe(404);
    expect((await owner.get('/api/filings/subjects/not-a-uuid')).body.code).toBe('FILING_SUBJECT_NOT_FOUND');
  });

  it('should give the website’s footer snippet when the owner opens a service', async () => {
    const res = await owner.get<MyFilingServiceDetail>(`/api/filings/services/${seeded.services[0]!.id}`);
    expect(res.body).toMatchObject({
      subjectIcpNumber: seeded.subject.subjectIcpNumber,
      footerSnippet: `<a href="https://beian.miit.gov.cn/" target="_blank">${seeded.subject.subjectIcpNumber}-1</a>`,
      serviceContent: ['综合门户'],
      accessRecords: [{ provider: 'us', endedAt: null }],
    });
    expect((await owner.get<MyFilingServiceDetail>(`/api/filings/services/${seeded.services[1]!.id}`)).body.footerSnippet).toBeNull();
  });

  it('should report the footer linked when the website shows the snippet', async () => {
    const res = await owner.post<FooterCheckResult>(`/api/filings/services/${seeded.services[0]!.id}/footer-check`);
    expect(res).toMatchObject({ status: 200, body: { numberDisplayed: true, linksToMiit: true } });
    expect((await owner.post(`/api/filings/services/${seeded.services[1]!.id}/footer-check`)).body.code).toBe('FOOTER_CHECK_WEBSITES_ONLY');
  });

  it('should find the subject and its services in 备案查询 when anyone asks by a service number, hiding what MIIT hides', async () => {
    const res = await other.post<RegistryLookupResponse>('/api/filings/lookup', { query: `${seeded.subject.subjectIcpNumber}-1` });
    expect(res.status).toBe(200);
    expect(res.body.query).toEqual({ by: 'icp_number', value: seeded.subject.subjectIcpNumber });
    expect(res.body.subjects).toEqual([expect.objectContaining({ subjectIcpNumber: seeded.subject.subjectIcpNumber, unitName: '深圳市示例科技有限公司' })]);
    expect(res.body.subjects[0]!.services.map((s) => s.serviceIcpNumber)).toContain(`${seeded.subject.subjectIcpNumber}-1`);
    expect(JSON.stringify(res.body)).not.toMatch(/provider|certificate|mobile|440305199001011234|13800138000|91440300MA5G0XYZ1K/);
    expect((await other.post<RegistryLookupResponse>('/api/filings/lookup', { query: '没有这个单位' })).body.subjects).toEqual([]);
  });

  it('should export only approved basic facts when the owner downloads XLSX', async () => {
    const res = await fetch(`${t.url}/api/filings/export?format=xlsx`, { headers: { authorization: `Bearer ${owner.kit.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('备案信息-全部-'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const services = workbook.getWorksheet('服务')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(services.slice(1).map((r) => r[3])).toEqual([`${seeded.subject.subjectIcpNumber}-1`, `${seeded.subject.subjectIcpNumber}-2`]);
    expect(services[2]![6]).toBe('Android: com.example.app');
    expect(workbook.getWorksheet('主体')!.rowCount).toBe(3);
    const everything = JSON.stringify([workbook.getWorksheet('主体')!.getSheetValues(), services]);
    expect(everything).not.toMatch(/440305199001011234|13800138000|13900139000|91440300MA5G0XYZ1K/);
  });

  it('should export one subject as CSV and PDF when the owner asks from its page', async () => {
    const auth = { headers: { authorization: `Bearer ${owner.kit.token}` } };
    const csv = await fetch(`${t.url}/api/filings/subjects/${seeded.subject.id}/export?format=csv`, auth);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${seeded.subject.subjectIcpNumber}-1`);
    const pdf = await fetch(`${t.url}/api/filings/subjects/${seeded.subject.id}/export?format=pdf`, auth);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await owner.get('/api/filings/export?format=doc')).body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'format' }] });
  });
});
