/** Chinese names of draft fields, to say which field a conflict or finding is about. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  regionCode: '备案地区',
  nature: '主办者性质',
  certificateType: '证件类型',
  certificateNumber: '证件号码',
  name: '名称',
  certificateAddress: '证件住所',
  communicationAddress: '通信地址',
  legalRepName: '法定代表人',
  legalRepCertificateType: '法定代表人证件类型',
  legalRepCertificateNumber: '法定代表人证件号码',
  investor: '投资人或主管单位',
  remark: '备注',
  validFrom: '证件有效期开始',
  validTo: '证件有效期结束',
  longTerm: '证件长期有效',
  mobile: '手机号码',
  phone2: '联系方式2',
  emergencyPhone: '应急联系电话',
  email: '电子邮箱',
  sameAs: '同一负责人',
  domains: '域名',
  homeUrl: '首页地址',
  serviceContent: '服务内容',
  languages: '服务语言',
  type: '类型',
  instanceId: '实例ID',
  authorizationCode: '备案授权码',
  packageName: '包名',
  publicKey: '平台公钥',
  fingerprint: '签名指纹',
  platform: '平台',
  approvalNumber: '审批文号',
  fileId: '文件',
  signedAt: '签署日期',
  privacy: '隐私声明',
  terms: '服务条款',
  commitment: '承诺书',
};

const SECTION_LABELS: Readonly<Record<string, string>> = {
  subject: '主体',
  subjectPrincipal: '主体负责人',
  websites: '网站',
  apps: 'APP',
  materials: '材料',
  agreements: '协议',
};

/** `websites.1.principal.mobile` → `网站2 · 负责人 · 手机号码`. */
export function fieldLabel(path: string): string {
  const parts = path.split('.');
  const words: string[] = [];
  parts.forEach((part, i) => {
    if (/^\d+$/.test(part)) {
      const previous = words.pop() ?? '';
      words.push(`${previous}${Number(part) + 1}`);
    } else if (i === 0) words.push(SECTION_LABELS[part] ?? part);
    else if (part === 'principal') words.push('负责人');
    else if (part === 'resource') words.push('云资源');
    else if (part === 'preApprovals') words.push('前置审批');
    else if (part === 'packages') words.push('APP特征');
    else words.push(FIELD_LABELS[part] ?? part);
  });
  return words.join(' · ');
}
