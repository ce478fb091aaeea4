/**
 * Chinese names of draft fields for every screen that names a field by its path (review page, conflicts,
 * rejection reasons, the review console): `websites.1.principal.mobile` → `网站2 · 负责人 · 手机号码`.
 * The wording follows the form labels; a key means different things under different parents (`name`).
 */
const PART_LABELS: Readonly<Record<string, string>> = {
  subject: '主办者',
  subjectPrincipal: '主体负责人',
  websites: '网站',
  apps: 'APP',
  materials: '材料',
  agreements: '协议',
  cancellation: '注销申请',
  serviceIds: '所选服务',
  declaration: '注销声明',
  migration: '迁移备案账号',
  targetAccountId: '迁入账号 ID',
  principalName: '主体负责人姓名',
  principals: '核验负责人',
  role: '负责人类型',
  principal: '负责人',
  resource: '云资源',
  preApprovals: '前置审批',
  domainHolders: '域名持有者',
  packages: 'APP特征',
  nature: '主办者性质',
  certificateType: '证件类型',
  certificateNumber: '证件号码',
  certificateAddress: '证件住所',
  communicationAddress: '通信地址',
  regionCode: '备案地区',
  legalRepName: '法定代表人姓名',
  legalRepCertificateType: '法定代表人证件类型',
  legalRepCertificateNumber: '法定代表人证件号码',
  investor: '投资人或主管单位',
  remark: '备注',
  icpNumber: '备案号',
  subjectIcpNumber: '主体备案号',
  filingPassword: '备案密码',
  validFrom: '证件有效期开始日期',
  validTo: '证件有效期结束日期',
  longTerm: '证件长期有效',
  mobile: '手机号码',
  phone2: '联系方式2',
  emergencyPhone: '应急联系电话',
  email: '电子邮箱',
  sameAs: '同一负责人',
  serviceContent: '服务内容',
  languages: '服务语言',
  approvalNumber: '审批文号',
  fileId: '文件',
  instanceId: '实例ID',
  authorizationCode: '备案授权码',
  serviceCode: 'ICP备案服务码',
  domain: '域名',
  holderName: '持有者名称',
  holderCertificateNumber: '持有者证件号码',
  expiresAt: '到期日期',
  verifiedAt: '实名认证日期',
  domains: '域名',
  homeUrl: '首页地址',
  providesSdk: '是否提供SDK给其他APP使用',
  usesExternalSdk: '是否使用了第三方SDK',
  platform: '平台',
  packageName: '包名',
  publicKey: '平台公钥',
  fingerprint: '签名指纹',
  kind: '材料类型',
  target: '所属对象',
  signedAt: '签署日期',
  privacy: '隐私声明',
  terms: '服务条款',
  commitment: '承诺书',
};

/** `<parent>.<key>` where the key alone would be ambiguous. */
const LABELS_UNDER_PARENT: Readonly<Record<string, string>> = {
  'subject.name': '主办者名称',
  'subjectPrincipal.name': '姓名',
  'principal.name': '姓名',
  'websites.name': '网站名称',
  'apps.name': 'APP名称',
  'websites.icpNumber': '网站备案号',
  'apps.icpNumber': 'APP备案号',
  'subject.subjectIcpNumber': '主体备案号',
  'preApprovals.type': '前置审批类型',
  'resource.type': '资源类型',
};

export function fieldLabel(path: string): string {
  const words: string[] = [];
  let parent = '';
  for (const part of path.split('.')) {
    if (/^\d+$/.test(part)) {
      words.push(`${words.pop() ?? ''}${Number(part) + 1}`);
      continue;
    }
    words.push(LABELS_UNDER_PARENT[`${parent}.${part}`] ?? PART_LABELS[part] ?? part);
    parent = part;
  }
  return words.join(' · ');
}

/** The label of a path pattern (`websites.*.name` → 网站 · 网站名称): list positions are left out. */
export function fieldPatternLabel(pattern: string): string {
  return fieldLabel(
    pattern
      .split('.')
      .filter((part) => part !== '*')
      .join('.'),
  );
}
