import { precheck, PROVINCE_RULES, provinceRuleValue, type ProvinceRule } from '../../src/rules';
import type { DraftPrincipal } from '../../src/schemas';
import { OTHER_ID, principal, website } from '../../src/testing/draft-fixtures';
import { personalCheck, personalIn, residentId, unitCheck, unitIn } from './precheck.factory';

const codes = (findings: { code: string }[]) => findings.map((finding) => finding.code);

describe('provinceRuleValue', () => {
  const rows: ProvinceRule[] = [
    { province: '00', subjectType: 'any', key: 'minimumAge', value: 16, effectiveFrom: '2020-01-01', source: 'national' },
    { province: '43', subjectType: 'personal', key: 'minimumAge', value: 18, effectiveFrom: '2021-01-01', source: 'v1' },
    { province: '43', subjectType: 'personal', key: 'minimumAge', value: 20, effectiveFrom: '2026-01-01', source: 'v2' },
  ];

  it('should pick the latest version effective at the date when several exist', () => {
    expect(provinceRuleValue(rows, '430102', 'personal', 'minimumAge', '2025-07-01')).toEqual({ value: 18, source: 'v1' });
    expect(provinceRuleValue(rows, '43', 'personal', 'minimumAge', '2026-01-01')).toEqual({ value: 20, source: 'v2' });
  });

  it('should fall back to the nationwide row when the province has none in effect', () => {
    expect(provinceRuleValue(rows, '43', 'personal', 'minimumAge', '2020-06-01')?.source).toBe('national');
    expect(provinceRuleValue(rows, '44', 'unit', 'minimumAge', '2025-07-01')?.source).toBe('national');
  });

  it('should ignore rows for the other subject type when looking up', () => {
    expect(provinceRuleValue(rows.slice(1), '43', 'unit', 'minimumAge', '2025-07-01')).toBeUndefined();
  });

  it('should give every bundled row a source and an ISO date', () => {
    for (const row of PROVINCE_RULES) {
      expect(row.source).not.toBe('');
      expect(row.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('crossProvincePersonal', () => {
  const beijingId = residentId('110105', '19900101');

  it.each(['150102', '140105', '650102', '630102', '450102', '640104'])('should refuse a Beijing ID when filing in %s', (region) => {
    expect(codes(precheck(personalIn(region, beijingId), personalCheck()))).toContain('CROSS_PROVINCE_REFUSED');
  });

  it('should accept the ID when it is from the filing province', () => {
    expect(codes(precheck(personalIn('140105'), personalCheck()))).not.toContain('CROSS_PROVINCE_REFUSED');
  });

  it.each(['310101', '330102', '370102'])('should ask for a residence permit when filing in %s with a Beijing ID', (region) => {
    expect(codes(precheck(personalIn(region, beijingId), personalCheck()))).toContain('RESIDENCE_PERMIT_REQUIRED');
  });

  it('should accept the cross-province filing when the residence permit is uploaded', () => {
    const draft = personalIn('310101', beijingId);
    draft.materials = [...draft.materials!, { kind: 'residence_permit', fileId: 'r', target: 'subject' }];
    expect(codes(precheck(draft, personalCheck()))).toEqual([]);
  });

  it('should warn when the province has published no rule', () => {
    const findings = precheck(personalIn('510104', beijingId), personalCheck());
    expect(findings).toEqual([expect.objectContaining({ path: 'subject.regionCode', code: 'CROSS_PROVINCE_UNCONFIRMED', severity: 'warning' })]);
  });

  it('should use the context province over the region when given', () => {
    expect(codes(precheck(personalIn('110105', beijingId), personalCheck({ provinceCode: '14' })))).toContain('CROSS_PROVINCE_REFUSED');
  });
});

describe('crossCityAddress', () => {
  it.each([
    ['130102', '130602'],
    ['410102', '410302'],
    ['520102', '520302'],
  ])('should refuse a region in %s when the ID is from city %s', (region, idDivision) => {
    expect(codes(precheck(personalIn(region, residentId(idDivision, '19900101')), personalCheck()))).toContain('CROSS_CITY_ADDRESS_REFUSED');
  });

  it('should accept the region when it is in the ID city', () => {
    expect(codes(precheck(personalIn('130104', residentId('130102', '19900101')), personalCheck()))).not.toContain('CROSS_CITY_ADDRESS_REFUSED');
  });

  it('should compare the credit code division when the subject is a unit', () => {
    expect(codes(precheck(unitIn('130102', {}, '130602'), unitCheck()))).toContain('CROSS_CITY_ADDRESS_REFUSED');
    expect(
      codes(precheck(unitIn('350102'), unitCheck({ rules: PROVINCE_RULES.map((row) => ({ ...row, province: row.province === '13' ? '35' : row.province })) }))),
    ).not.toContain('CROSS_CITY_ADDRESS_REFUSED');
  });
});

describe('subjectPrincipal', () => {
  const notLegalRep = {
    subjectPrincipal: principal({
      name: '李四',
      certificateNumber: residentId('350102', '19900101'),
      phone2: '0591-87654321',
      mobile: '13700137000',
      email: 'lisi@example.com',
    }),
  };

  it('should refuse another person when the province wants the legal representative', () => {
    const findings = precheck(unitIn('350102', notLegalRep), unitCheck());
    expect(findings).toEqual([expect.objectContaining({ path: 'subjectPrincipal.name', code: 'SUBJECT_PRINCIPAL_NOT_LEGAL_REP', severity: 'error' })]);
  });

  it('should accept the legal representative as subject principal', () => {
    expect(precheck(unitIn('350102'), unitCheck())).toEqual([]);
  });

  it.each(['340102', '460105'])('should ask for an authorization letter when the principal is not the legal representative in %s', (region) => {
    expect(codes(precheck(unitIn(region, notLegalRep), unitCheck()))).toEqual(['AUTHORIZATION_LETTER_REQUIRED']);
  });

  it('should accept another principal when the authorization letter is uploaded', () => {
    const draft = unitIn('340102', notLegalRep);
    draft.materials = [...draft.materials!, { kind: 'authorization_letter', fileId: 'a', target: 'subjectPrincipal', signedAt: '2025-06-01' }];
    expect(precheck(draft, unitCheck())).toEqual([]);
  });
});

describe('minimumAge', () => {
  it.each(['130102', '150102', '430102'])('should refuse a filer under 18 when filing in %s', (region) => {
    expect(codes(precheck(personalIn(region, residentId(region, '20100101')), personalCheck()))).toContain('UNDER_MINIMUM_AGE');
  });

  it('should accept a filer who turned 18 the day before', () => {
    expect(codes(precheck(personalIn('430102', residentId('430102', '20070630')), personalCheck()))).not.toContain('UNDER_MINIMUM_AGE');
  });

  it('should not apply the age rule when the province has none', () => {
    expect(codes(precheck(personalIn('110105', residentId('110105', '20100101')), personalCheck()))).toEqual([]);
  });
});

describe('domains and websites per order', () => {
  const domains = (n: number) => Array.from({ length: n }, (_, i) => `site${i}.com`);

  it('should refuse a fourth domain when filing in 山西', () => {
    const draft = personalIn('140105');
    draft.websites = [{ ...draft.websites![0], domains: domains(4) }];
    expect(codes(precheck(draft, personalCheck()))).toContain('TOO_MANY_DOMAINS_PER_ORDER');
  });

  it('should accept three domains when filing in 山西', () => {
    const draft = personalIn('140105');
    draft.websites = [{ ...draft.websites![0], domains: domains(3) }];
    expect(codes(precheck(draft, personalCheck()))).toEqual([]);
  });

  it('should refuse a sixth domain but accept five when filing in 河南', () => {
    const sites = (n: number) => [website({ name: '示例科技官网', domains: domains(n), principal: principal({ emergencyPhone: '13900000001' }) })];
    const check = (n: number) => codes(precheck(unitIn('410102', { websites: sites(n) }), unitCheck()));
    expect(check(6)).toContain('TOO_MANY_DOMAINS_PER_ORDER');
    expect(check(5)).not.toContain('TOO_MANY_DOMAINS_PER_ORDER');
  });

  it('should refuse a second website but accept one when filing in 湖南', () => {
    const sites = (n: number) => Array.from({ length: n }, (_, i) => website({ name: '示例科技官网', domains: [`site${i}.com`] }));
    expect(codes(precheck(unitIn('430102', { websites: sites(2) }), unitCheck()))).toEqual(['TOO_MANY_WEBSITES_PER_ORDER']);
    expect(codes(precheck(unitIn('430102', { websites: sites(1) }), unitCheck()))).toEqual([]);
  });

  it('should refuse two domains on one site but accept one when filing in 新疆', () => {
    const findings = precheck(unitIn('650102', { websites: [website({ name: '示例科技官网', domains: domains(2) })] }), unitCheck());
    expect(findings).toEqual([expect.objectContaining({ path: 'websites.0.domains', code: 'TOO_MANY_DOMAINS_PER_WEBSITE' })]);
    expect(precheck(unitIn('650102'), unitCheck())).toEqual([]);
  });

  it('should cap access filings when a province rule says so', () => {
    const rules: ProvinceRule[] = [
      { province: '35', subjectType: 'any', key: 'maxAccessServicesPerOrder', value: 1, effectiveFrom: '2025-01-01', source: 'test' },
    ];
    const sites = (n: number) => Array.from({ length: n }, (_, i) => website({ name: '示例科技官网', domains: [`site${i}.com`] }));
    const ctx = unitCheck({ kind: 'access_filing', rules });
    expect(codes(precheck(unitIn('350102', { websites: sites(2) }), ctx))).toEqual(['TOO_MANY_ACCESS_SERVICES']);
    expect(codes(precheck(unitIn('350102', { websites: sites(1) }), ctx))).toEqual([]);
  });
});

describe('requiredDocuments', () => {
  it('should ask for the handwritten commitment letter when filing in 广东', () => {
    const findings = precheck(unitIn('440106'), unitCheck());
    expect(findings).toEqual([
      expect.objectContaining({ path: 'materials', code: 'DOCUMENT_REQUIRED_COMMITMENT_LETTER', message: expect.stringContaining('手写') }),
    ]);
  });

  it('should accept the 广东 order when the commitment letter is uploaded', () => {
    const draft = unitIn('440106');
    draft.materials = [...draft.materials!, { kind: 'commitment_letter', fileId: 'c', signedAt: '2025-06-20' }];
    expect(precheck(draft, unitCheck())).toEqual([]);
  });

  it('should ask for a site plan when a province rule lists it', () => {
    const rules: ProvinceRule[] = [
      {
        province: '35',
        subjectType: 'unit',
        key: 'requiredDocuments',
        value: [{ kind: 'site_plan', note: '请上传网站建设方案书' }],
        effectiveFrom: '2025-01-01',
        source: 'test',
      },
    ];
    expect(codes(precheck(unitIn('350102'), unitCheck({ rules })))).toEqual(['DOCUMENT_REQUIRED_SITE_PLAN']);
    const draft = unitIn('350102');
    draft.materials = [...draft.materials!, { kind: 'site_plan', fileId: 'p' }];
    expect(precheck(draft, unitCheck({ rules }))).toEqual([]);
  });
});

describe('emergencyPhones', () => {
  const distinctRule: ProvinceRule[] = [
    { province: '35', subjectType: 'any', key: 'emergencyPhones', value: 'distinct', effectiveFrom: '2025-01-01', source: 'test' },
  ];
  const withEmergency = (subject?: string, site?: string) =>
    unitIn('350102', {
      subjectPrincipal: principal({ phone2: '0591-87654321', emergencyPhone: subject }),
      websites: [website({ name: '示例科技官网', principal: siteManager({ emergencyPhone: site }) })],
    });
  const siteManager = (over: Partial<DraftPrincipal>) =>
    principal({ name: '李四', certificateNumber: OTHER_ID, mobile: '13800138001', email: 'lisi@example.com', ...over });

  it.each(['410102', '500103', '120101', '620102'])('should ask for emergency phones when filing in %s', (region) => {
    expect(codes(precheck(unitIn(region), unitCheck()))).toContain('EMERGENCY_PHONE_REQUIRED');
  });

  it('should refuse the same emergency phone for the subject and the site principal', () => {
    const findings = precheck(withEmergency('13900000001', '13900000001'), unitCheck({ rules: distinctRule }));
    expect(findings).toEqual([expect.objectContaining({ path: 'websites.0.principal.emergencyPhone', code: 'EMERGENCY_PHONES_NOT_DISTINCT' })]);
  });

  it('should accept different emergency phones', () => {
    expect(precheck(withEmergency('13900000001', '13900000002'), unitCheck({ rules: distinctRule }))).toEqual([]);
  });

  it('should count one emergency phone once when a lone personal filer is subject and website principal', () => {
    const draft = personalIn('410102');
    draft.subjectPrincipal = { ...draft.subjectPrincipal, emergencyPhone: '13900000001' };
    draft.websites = [website({ principal: { ...draft.websites![0]!.principal, emergencyPhone: '13900000001' } })];
    expect(codes(precheck(draft, personalCheck()))).toEqual([]);
  });

  it('should count one emergency phone once when the legal representative also runs the site', () => {
    const draft = withEmergency('13900000001', '13900000001');
    draft.websites = [website({ name: '示例科技官网', principal: principal({ emergencyPhone: '13900000001' }) })];
    expect(precheck(draft, unitCheck({ rules: distinctRule }))).toEqual([]);
  });
});
