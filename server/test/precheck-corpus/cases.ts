import type { CreateOrderRequest, Draft, DraftPrincipal, DraftWebsite } from '@beian/shared';
import { app, asNewPerson, creditCode, OTHER_ID, personalDraft, residentId, unitDraft, website } from '@beian/shared/testing';

/**
 * The pre-check corpus: every rejection cause, 注意 / 须 / 不可 / 不支持 / 必须 sentence and per-province requirement
 * of the guides (seeds/000, 001, 003, 004) and DOMAIN.md that can be checked from an order's data, each as one
 * mutation of a valid order and the field the pre-check (field errors or findings) must flag. What cannot be
 * checked is listed in UNCHECKABLE with the reason.
 */

/** seeds/003: 腾讯云《ICP 备案操作指引（小程序端）》2025-06-27, by line. */
const guide = (line: number, says: string) => `seeds/003 L${line} ${says}`;

export type CorpusBase = 'personal_website' | 'unit_website' | 'personal_app' | 'unit_app';

export interface CorpusCase {
  name: string;
  source: string;
  base: CorpusBase;
  /** The valid order changed in one way; `today` is the server's date (ISO) for the date rules. */
  mutate: (draft: Draft, today: string) => Draft;
  /** The field that must be flagged, and with which code. */
  path: string;
  code: string;
}

const photos = (target: string) => [
  { kind: 'certificate_front' as const, fileId: `f-${target}`, target },
  { kind: 'certificate_back' as const, fileId: `b-${target}`, target },
];

/** The valid orders the cases start from; personal ones are new people (one order in flight per subject). */
export const CORPUS_BASES: Record<CorpusBase, { request: CreateOrderRequest; draft: () => Draft }> = {
  personal_website: {
    request: { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' },
    draft: () => asNewPerson(personalDraft()),
  },
  unit_website: { request: { kind: 'first_filing', subjectType: 'unit', serviceType: 'website' }, draft: () => unitDraft() },
  personal_app: {
    request: { kind: 'first_filing', subjectType: 'personal', serviceType: 'app' },
    draft: () =>
      asNewPerson(
        personalDraft({
          websites: undefined,
          apps: [app()],
          materials: [...photos('subjectPrincipal'), ...photos('apps.0.principal'), { kind: 'app_icon', fileId: 'i', target: 'apps.0' }],
        }),
      ),
  },
  unit_app: {
    request: { kind: 'first_filing', subjectType: 'unit', serviceType: 'app' },
    draft: () =>
      unitDraft({
        websites: undefined,
        apps: [app({ name: '示例科技' })],
        materials: [
          { kind: 'subject_certificate', fileId: 's', target: 'subject' },
          ...photos('subjectPrincipal'),
          ...photos('apps.0.principal'),
          { kind: 'app_icon', fileId: 'i', target: 'apps.0' },
        ],
      }),
  },
};

const LISI: Partial<DraftPrincipal> = { name: '李四', certificateNumber: OTHER_ID, mobile: '13700137001', email: 'lisi@example.com' };

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const withSubject = (draft: Draft, subject: Partial<NonNullable<Draft['subject']>>): Draft => ({ ...draft, subject: { ...draft.subject, ...subject } });
const withSite = (draft: Draft, site: Partial<DraftWebsite>): Draft => ({
  ...draft,
  websites: [{ ...draft.websites![0]!, ...site }, ...draft.websites!.slice(1)],
});
const withSitePrincipal = (draft: Draft, over: Partial<DraftPrincipal>): Draft => withSite(draft, { principal: { ...draft.websites![0]!.principal, ...over } });
const withSubjectPrincipal = (draft: Draft, over: Partial<DraftPrincipal>): Draft => ({ ...draft, subjectPrincipal: { ...draft.subjectPrincipal, ...over } });
/** A personal filer of `id` (subject and site principal), filing in `regionCode` with an address there. */
const personalFiler = (draft: Draft, id: string, regionCode: string): Draft =>
  withSitePrincipal(withSubject(draft, { certificateNumber: id, regionCode, communicationAddress: '示例路1号101室' }), { certificateNumber: id });
/** A unit filing in `regionCode` with a licence from the same district. */
const unitIn = (draft: Draft, regionCode: string): Draft =>
  withSubject(draft, { regionCode, certificateNumber: creditCode(regionCode), communicationAddress: '示例路1号8楼' });
const domains = (count: number) => Array.from({ length: count }, (_, i) => `site${i + 1}.example.com`);
const letter = (kind: 'authorization_letter' | 'commitment_letter', signedAt: string) => ({ kind, fileId: `l-${kind}`, target: 'subject', signedAt });

export const CORPUS: readonly CorpusCase[] = [
  // 主体信息: certificates (GB 11643, GB 32100) and regions.
  {
    name: '居民身份证校验位错误',
    source: 'DOMAIN.md §8 GB 11643-1999',
    base: 'personal_website',
    mutate: (d) => withSubject(d, { certificateNumber: '11010519491231002Y' }),
    path: 'subject.certificateNumber',
    code: 'ID_FORMAT',
  },
  {
    name: '15位旧版身份证',
    source: 'DOMAIN.md §8 the 15-digit legacy form is not accepted',
    base: 'personal_website',
    mutate: (d) => withSubject(d, { certificateNumber: '110105491231002' }),
    path: 'subject.certificateNumber',
    code: 'ID_LEGACY_15',
  },
  {
    name: '身份证出生日期无效',
    source: 'DOMAIN.md §8 8-digit birth date (real)',
    base: 'personal_website',
    mutate: (d) => withSubject(d, { certificateNumber: residentId('110105', '19491331') }),
    path: 'subject.certificateNumber',
    code: 'ID_BIRTH_DATE',
  },
  {
    name: '统一社会信用代码校验位错误',
    source: 'DOMAIN.md §8 GB 32100-2015',
    base: 'unit_website',
    mutate: (d) => withSubject(d, { certificateNumber: '91350100M000100Y44' }),
    path: 'subject.certificateNumber',
    code: 'USCC_CHECKSUM',
  },
  {
    name: '统一社会信用代码含字母I',
    source: 'DOMAIN.md §8 GB 32100-2015 字符集',
    base: 'unit_website',
    mutate: (d) => withSubject(d, { certificateNumber: '91350100M000100I43' }),
    path: 'subject.certificateNumber',
    code: 'USCC_CHARSET',
  },
  {
    name: '备案地区只选到省',
    source: guide(47, '备案地区'),
    base: 'personal_website',
    mutate: (d) => withSubject(d, { regionCode: '110000' }),
    path: 'subject.regionCode',
    code: 'REGION_REQUIRED_DISTRICT',
  },
  {
    name: '主办者名称未填',
    source: guide(58, '主办者名称'),
    base: 'personal_website',
    mutate: (d) => withSubject(d, { name: '' }),
    path: 'subject.name',
    code: 'REQUIRED',
  },
  {
    name: '单位未填法定代表人',
    source: guide(124, '法定代表人 请输入法定代表人姓名'),
    base: 'unit_website',
    mutate: (d) => withSubject(d, { legalRepName: '' }),
    path: 'subject.legalRepName',
    code: 'REQUIRED',
  },
  {
    name: '证件类型与主办者性质不符',
    source: 'DOMAIN.md §7 Unit certificate types depend on the nature',
    base: 'unit_website',
    mutate: (d) => withSubject(d, { nature: 'institution' }),
    path: 'subject.certificateType',
    code: 'CERTIFICATE_TYPE_NATURE_MISMATCH',
  },
  {
    name: '通信地址未精确到门牌号',
    source: guide(185, '通信地址 请输入通信地址，精确到门牌号或房间号'),
    base: 'personal_website',
    mutate: (d) => withSubject(d, { communicationAddress: '北京市朝阳区某街道' }),
    path: 'subject.communicationAddress',
    code: 'ADDRESS_NOT_PRECISE',
  },
  {
    name: '通信地址在备案地区以外',
    source: guide(1423, '地域信息选择与实际通信地址一致即可'),
    base: 'personal_website',
    mutate: (d) => withSubject(d, { communicationAddress: '上海市浦东新区某路1号101室' }),
    path: 'subject.communicationAddress',
    code: 'ADDRESS_OUTSIDE_REGION',
  },
  {
    name: '通信地址以外省简称开头',
    source: guide(2617, '备案归属地由主办单位通信地址决定'),
    base: 'personal_website',
    mutate: (d) => withSubject(d, { communicationAddress: '广东广州市天河区某路1号' }),
    path: 'subject.communicationAddress',
    code: 'ADDRESS_OUTSIDE_REGION',
  },
  {
    name: '单位备案省份与证件不一致',
    source: guide(47, '单位备案：省份与单位证件一致即可'),
    base: 'unit_website',
    mutate: (d) => withSubject(d, { regionCode: '440103', communicationAddress: '广州市荔湾区示例路1号' }),
    path: 'subject.regionCode',
    code: 'UNIT_PROVINCE_NOT_CERTIFICATE',
  },
  {
    name: '备案地区与证件城市不同且未在备注说明',
    source: guide(2742, '如没有您可选择的区域，请就近选择地区并在备注中说明情况'),
    base: 'personal_website',
    mutate: (d) => personalFiler(d, residentId('440103', '19900101'), '440303'),
    path: 'subject.remark',
    code: 'REGION_DIFFERENCE_UNEXPLAINED',
  },
  // 各省管局要求 (DOMAIN.md §6, from the guide's 各省管局要求 pages).
  ...['150102', '140105', '650102', '630102', '450102', '640104'].map((region): CorpusCase => ({
    name: `外省身份证在${region.slice(0, 2)}个人备案`,
    source: 'DOMAIN.md §6 personal filing outside the ID province refused in 内蒙古/山西/新疆/青海/广西/宁夏',
    base: 'personal_website',
    mutate: (d) => personalFiler(d, residentId('110105', '19900101'), region),
    path: 'subject.regionCode',
    code: 'CROSS_PROVINCE_REFUSED',
  })),
  ...['310101', '330102', '370102'].map((region): CorpusCase => ({
    name: `外省身份证在${region.slice(0, 2)}个人备案未上传居住证`,
    source: 'DOMAIN.md §6 allowed with a residence permit in 上海/浙江/山东',
    base: 'personal_website',
    mutate: (d) => personalFiler(d, residentId('110105', '19900101'), region),
    path: 'materials',
    code: 'RESIDENCE_PERMIT_REQUIRED',
  })),
  {
    name: '外省身份证在未公布规则的省份备案',
    source: guide(49, '若进行备案的省管局允许，您可以选择与证件上不同的省份进行备案'),
    base: 'personal_website',
    mutate: (d) => personalFiler(d, residentId('110105', '19900101'), '510104'),
    path: 'subject.regionCode',
    code: 'CROSS_PROVINCE_UNCONFIRMED',
  },
  ...[
    ['130102', '130602'],
    ['410102', '410302'],
    ['520102', '520302'],
  ].map(([region, idCity]): CorpusCase => ({
    name: `跨市备案（${region!.slice(0, 2)}）`,
    source: 'DOMAIN.md §6 cross-city addresses refused in 河北/河南/贵州',
    base: 'personal_website',
    mutate: (d) => personalFiler(d, residentId(idCity!, '19900101'), region!),
    path: 'subject.regionCode',
    code: 'CROSS_CITY_ADDRESS_REFUSED',
  })),
  ...['130102', '150102', '430102'].map((region): CorpusCase => ({
    name: `未满18周岁个人备案（${region.slice(0, 2)}）`,
    source: 'DOMAIN.md §6 personal filers ≥ 18 in 河北/内蒙古/湖南',
    base: 'personal_website',
    mutate: (d) => personalFiler(d, residentId(region, '20120101'), region),
    path: 'subject.certificateNumber',
    code: 'UNDER_MINIMUM_AGE',
  })),
  {
    name: '主体负责人不是法定代表人',
    source: 'DOMAIN.md §6 subject principal must be the legal representative in most provinces',
    base: 'unit_website',
    mutate: (d) => withSubjectPrincipal(d, LISI),
    path: 'subjectPrincipal.name',
    code: 'SUBJECT_PRINCIPAL_NOT_LEGAL_REP',
  },
  ...['340102', '460105'].map((region): CorpusCase => ({
    name: `非法定代表人未上传授权书（${region.slice(0, 2)}）`,
    source: 'DOMAIN.md §6 authorization letter allowed in 安徽, 海南',
    base: 'unit_website',
    mutate: (d) => withSubjectPrincipal(unitIn(d, region), LISI),
    path: 'materials',
    code: 'AUTHORIZATION_LETTER_REQUIRED',
  })),
  {
    name: '山西每单超过3个域名',
    source: 'DOMAIN.md §6 domains per order: 山西 ≤ 3',
    base: 'unit_website',
    mutate: (d) => withSite(unitIn(d, '140105'), { domains: domains(4) }),
    path: 'websites',
    code: 'TOO_MANY_DOMAINS_PER_ORDER',
  },
  {
    name: '河南每单超过5个域名',
    source: 'DOMAIN.md §6 domains per order: 河南 ≤ 5',
    base: 'unit_website',
    mutate: (d) => withSite(unitIn(d, '410102'), { domains: domains(6) }),
    path: 'websites',
    code: 'TOO_MANY_DOMAINS_PER_ORDER',
  },
  {
    name: '湖南每单超过1个网站',
    source: 'DOMAIN.md §6 湖南 1 site',
    base: 'unit_website',
    mutate: (d) => ({ ...unitIn(d, '430102'), websites: [d.websites![0]!, website({ name: '示例科技商城', domains: ['shop.example.com'] })] }),
    path: 'websites',
    code: 'TOO_MANY_WEBSITES_PER_ORDER',
  },
  {
    name: '新疆每个网站超过1个域名',
    source: 'DOMAIN.md §6 新疆 one domain per site',
    base: 'unit_website',
    mutate: (d) => withSite(unitIn(d, '650102'), { domains: domains(2) }),
    path: 'websites.0.domains',
    code: 'TOO_MANY_DOMAINS_PER_WEBSITE',
  },
  {
    name: '广东未上传手写承诺书',
    source: 'DOMAIN.md §6 广东 requires the handwritten 承诺书',
    base: 'unit_website',
    mutate: (d) => unitIn(d, '440103'),
    path: 'materials',
    code: 'DOCUMENT_REQUIRED_COMMITMENT_LETTER',
  },
  ...['410102', '500103', '120101', '620102'].map((region): CorpusCase => ({
    name: `未填应急联系电话（${region.slice(0, 2)}）`,
    source: `DOMAIN.md §6 emergency phones; ${guide(234, '部分省份需要输入应急联系方式')}`,
    base: 'unit_website',
    mutate: (d) => unitIn(d, region),
    path: 'subjectPrincipal.emergencyPhone',
    code: 'EMERGENCY_PHONE_REQUIRED',
  })),
  {
    name: '不同负责人应急电话相同（重庆）',
    source: 'DOMAIN.md §6 emergency phones of subject and site principal must differ in 河南/重庆/天津/甘肃',
    base: 'unit_website',
    mutate: (d) => withSitePrincipal(withSubjectPrincipal(unitIn(d, '500103'), { emergencyPhone: '13900000001' }), { ...LISI, emergencyPhone: '13900000001' }),
    path: 'websites.0.principal.emergencyPhone',
    code: 'EMERGENCY_PHONES_NOT_DISTINCT',
  },
  // 负责人 and 联系方式.
  {
    name: '手机号格式错误',
    source: guide(366, '请使用中国大陆(+86) 手机号'),
    base: 'personal_website',
    mutate: (d) => withSubjectPrincipal(d, { mobile: '12345' }),
    path: 'subjectPrincipal.mobile',
    code: 'MOBILE_FORMAT',
  },
  {
    name: '邮箱格式错误',
    source: guide(236, '电子邮箱'),
    base: 'personal_website',
    mutate: (d) => withSubjectPrincipal(d, { email: 'zhangsan-at-example' }),
    path: 'subjectPrincipal.email',
    code: 'EMAIL_FORMAT',
  },
  {
    name: '单位主体负责人固定电话格式错误',
    source: 'DOMAIN.md §8 landline: area code + number',
    base: 'unit_website',
    mutate: (d) => withSubjectPrincipal(d, { phone2: '87654321' }),
    path: 'subjectPrincipal.phone2',
    code: 'LANDLINE_FORMAT',
  },
  {
    name: '个人备案主体负责人不是本人',
    source: guide(228, '个人备案：请输入主办者的手机号码'),
    base: 'personal_website',
    mutate: (d) => withSubjectPrincipal(d, { name: '李四' }),
    path: 'subjectPrincipal.name',
    code: 'PERSONAL_PRINCIPAL_NOT_SUBJECT',
  },
  {
    name: '个人备案网站负责人不是本人',
    source: guide(3123, '个人备案时，服务负责人默认为主体负责人'),
    base: 'personal_website',
    mutate: (d) => withSitePrincipal(d, LISI),
    path: 'websites.0.principal.certificateNumber',
    code: 'PERSONAL_SERVICE_PRINCIPAL_NOT_FILER',
  },
  {
    name: '不同负责人手机号相同',
    source: 'DOMAIN.md §6 when principals differ, their mobiles and emails differ',
    base: 'unit_website',
    mutate: (d) => withSitePrincipal(d, { ...LISI, mobile: d.subjectPrincipal!.mobile }),
    path: 'websites.0.principal.mobile',
    code: 'MOBILE_SHARED_BY_DIFFERENT_PEOPLE',
  },
  {
    name: '不同负责人邮箱相同',
    source: 'DOMAIN.md §6 when principals differ, their mobiles and emails differ',
    base: 'unit_website',
    mutate: (d) => withSitePrincipal(d, { ...LISI, email: d.subjectPrincipal!.email }),
    path: 'websites.0.principal.email',
    code: 'EMAIL_SHARED_BY_DIFFERENT_PEOPLE',
  },
  {
    name: '应急电话与本人手机号相同',
    source: 'DOMAIN.md §6 a principal’s emergency number ≠ their mobile',
    base: 'personal_website',
    mutate: (d) => withSubjectPrincipal(d, { emergencyPhone: d.subjectPrincipal!.mobile }),
    path: 'subjectPrincipal.emergencyPhone',
    code: 'EMERGENCY_EQUALS_MOBILE',
  },
  {
    name: '证件有效期不足3个月',
    source: `DOMAIN.md §6 certificates valid ≥ 3 months after submission; ${guide(225, '证件有效期')}`,
    base: 'unit_website',
    mutate: (d, today) => withSubjectPrincipal(d, { validTo: addDays(today, 30) }),
    path: 'subjectPrincipal.validTo',
    code: 'VALIDITY_TOO_SHORT',
  },
  {
    name: '证件有效期截止早于起始',
    source: guide(225, '证件有效期 请输入证件的有效期起止日期'),
    base: 'unit_website',
    mutate: (d) => withSubjectPrincipal(d, { validFrom: '2020-01-01', validTo: '2019-01-01' }),
    path: 'subjectPrincipal.validTo',
    code: 'VALIDITY_END_BEFORE_START',
  },
  // 网站: domains.
  {
    name: '域名带协议头',
    source: guide(80, '网站域名 请输入需要进行备案的域名'),
    base: 'personal_website',
    mutate: (d) => withSite(d, { domains: ['http://example.com'] }),
    path: 'websites.0.domains.0',
    code: 'DOMAIN_HAS_PROTOCOL',
  },
  {
    name: '域名后缀不可备案',
    source: guide(2637, 'ICP 备案域名为通过国家批复的域名'),
    base: 'personal_website',
    mutate: (d) => withSite(d, { domains: ['example.io'] }),
    path: 'websites.0.domains.0',
    code: 'DOMAIN_TLD_NOT_APPROVED',
  },
  {
    name: '事业单位使用.com域名',
    source: 'DOMAIN.md §6 事业单位 .cn/.公益',
    base: 'unit_website',
    mutate: (d) => withSubject(d, { nature: 'institution', certificateType: 'public_institution_certificate' }),
    path: 'websites.0.domains.0',
    code: 'DOMAIN_INSTITUTION_SUFFIX',
  },
  {
    name: '重复的域名',
    source: 'DOMAIN.md §6 域名',
    base: 'unit_website',
    mutate: (d) => withSite(d, { domains: ['example.com', 'EXAMPLE.com'] }),
    path: 'websites.0.domains.1',
    code: 'DOMAIN_DUPLICATE',
  },
  {
    name: '域名持有者与主办者不一致',
    source: `${guide(473, '域名实名信息需要与备案主体一致')}; ${guide(2647, '备案主体信息应与域名注册人实名认证信息相符')}`,
    base: 'personal_website',
    mutate: (d) => withSite(d, { domainHolders: [{ domain: 'example.com', holderName: '王五' }] }),
    path: 'websites.0.domains.0',
    code: 'DOMAIN_HOLDER_NOT_SUBJECT',
  },
  {
    name: '域名已过期',
    source: guide(2643, 'ICP 备案域名在域名注册有效期内'),
    base: 'personal_website',
    mutate: (d, today) => withSite(d, { domainHolders: [{ domain: 'example.com', expiresAt: addDays(today, -1) }] }),
    path: 'websites.0.domains.0',
    code: 'DOMAIN_EXPIRED',
  },
  {
    name: '域名有效期不足3个月',
    source: 'DOMAIN.md §6 some provinces: ≥ 3 months left',
    base: 'personal_website',
    mutate: (d, today) => withSite(d, { domainHolders: [{ domain: 'example.com', expiresAt: addDays(today, 30) }] }),
    path: 'websites.0.domains.0',
    code: 'DOMAIN_EXPIRES_SOON',
  },
  {
    name: '域名实名认证不足3个工作日',
    source: `${guide(2645, 'ICP 备案域名为已通过实名认证的域名')}; DOMAIN.md §6 real-name verified ≥ 3 working days ago`,
    base: 'personal_website',
    mutate: (d, today) => withSite(d, { domainHolders: [{ domain: 'example.com', verifiedAt: addDays(today, -1) }] }),
    path: 'websites.0.domains.0',
    code: 'DOMAIN_REAL_NAME_TOO_RECENT',
  },
  // 网站: name (网站命名建议, DOMAIN.md §6).
  ...(
    [
      ['笔记', 'WEBSITE_NAME_TOO_SHORT'],
      ['abcnotes', 'WEBSITE_NAME_DIGITS_OR_LATIN'],
      ['example.com', 'WEBSITE_NAME_IS_DOMAIN'],
      ['中国读书笔记', 'WEBSITE_NAME_FORBIDDEN_PREFIX'],
      ['张三的读书★笔记', 'WEBSITE_NAME_SPECIAL_SYMBOLS'],
      ['张三的读书论坛', 'WEBSITE_NAME_PERSONAL_ORGANIZATION'],
    ] as const
  ).map(([name, code]): CorpusCase => ({
    name: `网站名称：${name}`,
    source: 'DOMAIN.md §6 Website name (腾讯云 网站命名建议)',
    base: 'personal_website',
    mutate: (d) => withSite(d, { name }),
    path: 'websites.0.name',
    code,
  })),
  {
    name: '单位网站名称与单位无关',
    source: 'DOMAIN.md §6 unit sites: related to the unit’s name',
    base: 'unit_website',
    mutate: (d) => withSite(d, { name: '美食菜谱大全' }),
    path: 'websites.0.name',
    code: 'WEBSITE_NAME_SUBJECT_UNRELATED',
  },
  {
    name: '网站名称含需前置审批的词',
    source: 'DOMAIN.md §6 金融, 理财, 基金, 投资, 支付, 众筹 trigger 前置审批 questions',
    base: 'unit_website',
    mutate: (d) => withSite(d, { name: '示例科技理财' }),
    path: 'websites.0.name',
    code: 'PRE_APPROVAL_KEYWORD',
  },
  // 服务内容, 前置审批, 备注.
  {
    name: '个人备案选择网络新闻',
    source: guide(318, '仅单位备案有前置审批类型选择，个人备案无该选项'),
    base: 'personal_website',
    mutate: (d) => withSite(d, { serviceContent: ['news'] }),
    path: 'websites.0.serviceContent',
    code: 'PERSONAL_CONTENT_NEEDS_APPROVAL',
  },
  {
    name: '个人APP选择网上支付',
    source: guide(451, '仅单位备案有前置审批类型选择，个人备案无该选项'),
    base: 'personal_app',
    mutate: (d) => ({ ...d, apps: [{ ...d.apps![0]!, serviceContent: ['payment'] }] }),
    path: 'apps.0.serviceContent',
    code: 'PERSONAL_CONTENT_NEEDS_APPROVAL',
  },
  {
    name: '个人备案选择单位门户网站',
    source: 'DOMAIN.md §7 Personal filings usually 其他; companies usually 单位门户网站',
    base: 'personal_website',
    mutate: (d) => withSite(d, { serviceContent: ['unit_portal'] }),
    path: 'websites.0.serviceContent',
    code: 'PERSONAL_CONTENT_UNIT_PORTAL',
  },
  {
    name: '个人备案选择网络购物',
    source: 'DOMAIN.md §7 Personal filings usually 其他 (or 博客/个人空间)',
    base: 'personal_website',
    mutate: (d) => withSite(d, { serviceContent: ['shopping'] }),
    path: 'websites.0.serviceContent',
    code: 'PERSONAL_CONTENT_UNUSUAL',
  },
  ...(['news', 'payment', 'banking', 'securities', 'games'] as const).map((content): CorpusCase => ({
    name: `单位网站选择需前置审批的服务内容 ${content}`,
    source: guide(312, '若服务内容中涉及出版、新闻等相关领域，需到相关主管部门办理前置审批文件'),
    base: 'unit_website',
    mutate: (d) => withSite(d, { serviceContent: [content] }),
    path: 'websites.0.serviceContent',
    code: 'CONTENT_NEEDS_PRE_APPROVAL',
  })),
  {
    name: '单位APP选择网络游戏未声明前置审批',
    source: guide(445, '若服务内容中涉及出版、新闻等相关领域，需到相关主管部门办理前置审批文件'),
    base: 'unit_app',
    mutate: (d) => ({ ...d, apps: [{ ...d.apps![0]!, serviceContent: ['games'] }] }),
    path: 'apps.0.serviceContent',
    code: 'CONTENT_NEEDS_PRE_APPROVAL',
  },
  {
    name: '个人备案填写前置审批',
    source: guide(318, '仅单位备案有前置审批类型选择，个人备案无该选项'),
    base: 'personal_website',
    mutate: (d) => withSite(d, { preApprovals: [{ type: 'news', approvalNumber: 'X', fileId: 'f' }] }),
    path: 'websites.0.preApprovals',
    code: 'PRE_APPROVAL_UNIT_ONLY',
  },
  {
    name: '前置审批缺审批号',
    source: 'DOMAIN.md §7 前置审批: each needs an approval number and the scanned document',
    base: 'unit_website',
    mutate: (d) => withSite(d, { preApprovals: [{ type: 'news', fileId: 'f' }] }),
    path: 'websites.0.preApprovals.0.approvalNumber',
    code: 'REQUIRED',
  },
  {
    name: '备注不足20字',
    source: `DOMAIN.md §6 Remark 20–200; ${guide(308, '备注 可添加相关服务备注信息')}`,
    base: 'personal_website',
    mutate: (d) => withSite(d, { remark: '读书笔记' }),
    path: 'websites.0.remark',
    code: 'REMARK_SHORT',
  },
  {
    name: '备注超过200字',
    source: 'DOMAIN.md §6 Remark 20–200',
    base: 'personal_website',
    mutate: (d) => withSite(d, { remark: '介'.repeat(201) }),
    path: 'websites.0.remark',
    code: 'REMARK_TOO_LONG',
  },
  {
    name: '云资源未选择实例',
    source: guide(300, '资源类型'),
    base: 'personal_website',
    mutate: (d) => withSite(d, { resource: { type: 'instance' } }),
    path: 'websites.0.resource.instanceId',
    code: 'RESOURCE_ID_REQUIRED',
  },
  {
    name: '两个网站使用同一个备案授权码',
    source: 'seeds/004 L21 成功备案一个互联网信息服务需使用一个备案服务码',
    base: 'unit_website',
    mutate: (d) => {
      const coded = { type: 'authorization_code' as const, authorizationCode: 'AUTH-0001' };
      return {
        ...d,
        websites: [
          { ...d.websites![0]!, resource: coded },
          { ...d.websites![0]!, name: '示例科技商城', domains: ['shop.example.com'], resource: coded },
        ],
      };
    },
    path: 'websites.1.resource.authorizationCode',
    code: 'AUTHORIZATION_CODE_REUSED',
  },
  {
    name: '个人备案一单多个网站',
    source: guide(258, '个人备案新增类型一个订单最多备案1个互联网信息服务'),
    base: 'personal_website',
    mutate: (d) => ({ ...d, websites: [d.websites![0]!, { ...d.websites![0]!, name: '张三的旅行笔记', domains: ['travel.example.com'] }] }),
    path: 'websites',
    code: 'TOO_MANY_SERVICES',
  },
  // APP 特征信息.
  {
    name: 'APP包名格式错误',
    source: guide(505, 'APP 包名'),
    base: 'personal_app',
    mutate: (d) => ({ ...d, apps: [{ ...d.apps![0]!, packages: [{ ...d.apps![0]!.packages![0]!, packageName: 'notes' }] }] }),
    path: 'apps.0.packages.0.packageName',
    code: 'PACKAGE_NAME_FORMAT',
  },
  {
    name: '安卓MD5签名格式错误',
    source: guide(519, '安卓版 APP，请填写证书的 MD5 值 (以16进制形式填写)'),
    base: 'personal_app',
    mutate: (d) => ({ ...d, apps: [{ ...d.apps![0]!, packages: [{ ...d.apps![0]!.packages![0]!, fingerprint: 'XYZ' }] }] }),
    path: 'apps.0.packages.0.fingerprint',
    code: 'FINGERPRINT_MD5_FORMAT',
  },
  {
    name: '同一APP同一平台包名重复',
    source: guide(505, '同一主体下，同一 APP 的同一个运行平台，使用的 APP 包名不可相同'),
    base: 'unit_app',
    mutate: (d) => ({ ...d, apps: [{ ...d.apps![0]!, packages: [d.apps![0]!.packages![0]!, d.apps![0]!.packages![0]!] }] }),
    path: 'apps.0.packages.1.packageName',
    code: 'PACKAGE_NAME_DUPLICATE_ON_PLATFORM',
  },
  {
    name: '不同APP包名相同',
    source: guide(509, '同一主体下，不同 APP 的 APP 包名不可相同'),
    base: 'unit_app',
    mutate: (d) => ({ ...d, apps: [d.apps![0]!, { ...d.apps![0]!, name: '示例科技助手' }] }),
    path: 'apps.1.packages.0.packageName',
    code: 'PACKAGE_NAME_USED_BY_OTHER_APP',
  },
  // 材料 and 承诺.
  {
    name: '未上传域名实名认证截图',
    source: guide(383, '需提供 “域名实名认证信息” 截图'),
    base: 'personal_website',
    mutate: (d) => ({ ...d, materials: d.materials!.filter((material) => material.kind !== 'domain_real_name') }),
    path: 'materials',
    code: 'MATERIAL_REQUIRED',
  },
  {
    name: '授权书签署超过3个月',
    source: 'DOMAIN.md §6 授权书/承诺书 signed ≤ 3 months before submission',
    base: 'unit_website',
    mutate: (d, today) => ({ ...d, materials: [...d.materials!, letter('authorization_letter', addDays(today, -120))] }),
    path: 'materials.6.signedAt',
    code: 'LETTER_TOO_OLD',
  },
  {
    name: '承诺书签署日期晚于今天',
    source: 'DOMAIN.md §6 授权书/承诺书 signed ≤ 3 months before submission',
    base: 'unit_website',
    mutate: (d, today) => ({ ...d, materials: [...d.materials!, letter('commitment_letter', addDays(today, 2))] }),
    path: 'materials.6.signedAt',
    code: 'LETTER_SIGNED_IN_FUTURE',
  },
  {
    name: '未勾选同意条款',
    source: guide(1270, '阅读和勾选我已阅读并同意《腾讯云隐私声明》和《相关条款》'),
    base: 'personal_website',
    mutate: (d) => ({ ...d, agreements: { ...d.agreements, privacy: false } }),
    path: 'agreements.privacy',
    code: 'AGREEMENT_REQUIRED',
  },
];

/** Sentences of the guides that no order data can check, and why (kept with the corpus so the list stays honest). */
export const UNCHECKABLE: readonly { source: string; why: string }[] = [
  {
    source: guide(59, '主办者名称需与单位证件上的名称及账号实名认证名称一致'),
    why: '账号实名认证名称尚无来源（accounts 分支建成后可由 PrecheckContext 提供）',
  },
  { source: guide(240, '审核专员会通过您的手机号码联系您…若仍未能与您取得联系，您的备案申请将被驳回'), why: '能否接通只有电话拨打时才知道' },
  { source: guide(362, '核验人实际定位要和备案主体所在的省份一致'), why: '定位在人脸核验时由核验服务判断，订单数据中没有' },
  { source: guide(364, '请在安静的环境下进行核验，部分省份需要您根据提示朗读文字'), why: '核验过程的环境与动作不在订单数据中' },
  { source: guide(40, '部分证件需要拍摄原件上传'), why: '照片是否为原件需要看图（人工或图像识别），订单数据只有文件' },
  { source: guide(2619, '网站底部必须注明网站备案号，否则会造成管局审核不通过'), why: '备案号在审核通过后才下发；通过后由 filings 模块的网站底部检查负责' },
  { source: guide(2639, '境外注册商所注册的域名不能直接备案'), why: '订单数据中没有注册商（需 WHOIS 查询，外部系统）' },
  {
    source: guide(2663, '云服务器…购买包月3个月及以上且备案期间剩余有效期需大于（含）1个月'),
    why: '云资源的计费与到期属于资源模块（issue 14，resources 分支）',
  },
  { source: guide(688, '若未在对应接入商处完成备案，会被识别为未备案域名'), why: '接入商的备案状态在工信部系统中，不在订单里' },
  { source: guide(2621, '企业备案无法变更为个人备案'), why: '变更订单不允许更改主体类型，已由订单类型与表单保证，预检无字段可报' },
  { source: 'seeds/004 L13 仅指定类型的阿里云服务器可提供ICP备案服务码', why: '云资源类型与授权码的真伪、是否已被其他订单使用属于资源模块（issue 14）' },
  {
    source: 'seeds/000 L79–81 公安联网备案绑定数据码：证件号码与负责人必须完全相同，使用主要联系手机号而非应急电话',
    why: '发生在管局审核通过之后的公安备案平台，不是备案订单的字段',
  },
  { source: 'seeds/001 L65 须在收到核验短信的24小时内完成短信核验', why: '提交之后的时限，由工信部短信核验流程（regulator 模块）处理' },
  { source: 'DOMAIN.md §6 an unfiled domain must not resolve during review', why: '域名解析状态需在审核期间向 DNS 查询，外部系统' },
  { source: 'DOMAIN.md §6 photos: colour, full border, no screenshots or photocopies', why: '需要看图判断；上传时只检查格式、大小与尺寸' },
];
