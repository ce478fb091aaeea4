/** Chinese names of draft fields, for rejection reasons and the review console: `websites.0.name` → `网站1 · 网站名称`. */
const SECTION_LABELS: Record<string, string> = {
  subject: '主办者',
  subjectPrincipal: '主体负责人',
  websites: '网站',
  apps: 'APP',
  principal: '负责人',
  materials: '材料',
  agreements: '协议',
};

const FIELD_LABELS: Record<string, string> = {
  nature: '主办者性质',
  certificateType: '证件类型',
  certificateNumber: '证件号码',
  name: '名称',
  certificateAddress: '证件住所',
  communicationAddress: '通信地址',
  regionCode: '所在地区',
  legalRepName: '法定代表人姓名',
  legalRepCertificateType: '法定代表人证件类型',
  legalRepCertificateNumber: '法定代表人证件号码',
  investor: '投资人或主管单位',
  remark: '备注',
  validFrom: '证件有效期起',
  validTo: '证件有效期止',
  longTerm: '长期有效',
  mobile: '手机号码',
  phone2: '办公电话',
  emergencyPhone: '应急联系电话',
  email: '电子邮箱',
  domains: '域名',
  homeUrl: '首页地址',
  serviceContent: '服务内容',
  languages: '语言',
  resource: '接入资源',
  packages: '安装包',
  packageName: '包名',
  publicKey: '公钥',
  fingerprint: '证书指纹',
};

export function fieldLabel(path: string): string {
  const parts = path.split('.');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i]!;
    const next = parts[i + 1];
    if (next !== undefined && /^\d+$/.test(next) && SECTION_LABELS[key]) {
      words.push(`${SECTION_LABELS[key]}${Number(next) + 1}`);
      i++;
    } else if (/^\d+$/.test(key)) {
      words.push(`第${Number(key) + 1}项`);
    } else {
      words.push(FIELD_LABELS[key] ?? SECTION_LABELS[key] ?? key);
    }
  }
  return words.join(' · ');
}
