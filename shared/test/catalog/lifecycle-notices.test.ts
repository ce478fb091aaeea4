import * as shared from '../../src';

/**
 * Every notice and refusal LIFECYCLE.md (`shared/docs/LIFECYCLE.md`) asks the screens to show, with the seed line it
 * comes from. The seed's "腾讯云" is this platform ("本平台"); "…" separates the parts quoted from one sentence.
 */
const LIFECYCLE_NOTICES: { doc: number; seed: string; text: string }[] = [
  { doc: 17, seed: 'S003 3587', text: '说明您的备案未在腾讯云，请您联系对应服务商或管局注销主体' },
  { doc: 18, seed: 'S003 3773', text: '您可选择手机或邮件进行验证' },
  { doc: 44, seed: 'S003 2615', text: '请确认已备案的服务（网站/APP）为打开状态。备案归属地由主办单位通信地址决定。' },
  { doc: 45, seed: 'S003 2618', text: '网站底部必须注明网站备案号，否则会造成管局审核不通过。' },
  { doc: 45, seed: 'S003 2621', text: '企业备案无法变更为个人备案' },
  { doc: 55, seed: 'S003 3123', text: '个人备案时，服务负责人默认为主体负责人，因此网站/APP 变更办理不支持变更服务负责人' },
  { doc: 64, seed: 'S003 3610', text: '申请一旦提交至通信管局将无法撤回。如果您未进行短信核验操作，24小时后短信核验失败将会自动退回注销备案申请。' },
  { doc: 65, seed: 'S003 3618', text: '部分省份会立即注销成功，服务将不能访问。部分省份会在1 - 20个工作日内注销成功。' },
  {
    doc: 71,
    seed: 'S003 3768',
    text: '如果您的主体下只有一个备案成功网站/APP，注销该网站/APP 会导致您的主体成为空壳主体，可能影响您后续重新进行备案，建议您直接选择注销主体。',
  },
  { doc: 80, seed: 'S003 3928', text: '若您的服务在办理取消接入后没有对应的接入商，管局可能会注销您的备案号，导致您的域名无法继续访问。' },
  { doc: 81, seed: 'S003 3999', text: '若您批量取消接入全部服务，取消接入后，您的主体同时在腾讯云注销。' },
  {
    doc: 86,
    seed: 'S003 3647',
    text: '空壳主体指主体的备案号仍存在…但是该主体下没有任何网站信息和接入信息…无法通过腾讯云提交注销主体申请，需向备案所在地的通信管理局提交书面申请，进行线下注销',
  },
  { doc: 87, seed: 'S003 4217', text: '如需重新备案，您可注销成功后再提交备案' },
  { doc: 92, seed: 'S003 3673', text: '如果查不到对应省份的 ICP 备案注销申请表，请您联系当地管局' },
  { doc: 93, seed: 'S003 3663', text: '未经工信部批复的域名后缀注销成功后无法再次备案' },
  { doc: 94, seed: 'S003 4201', text: '该备案非您本人提交…可以先线下注销原备案后再提交备案' },
  { doc: 100, seed: 'S003 4067', text: '企业机构账号实名认证名称需要与备案主体名称或法定代表人保持一致' },
  { doc: 102, seed: 'S003 4059', text: '原账号将无法再管理该备案主体的信息' },
  { doc: 125, seed: 'S000 118', text: '请在APP开通后30日内自行前往全国互联网安全管理服务平台进行公安联网备案' },
  { doc: 127, seed: 'S000 39', text: '已完成授权，待通信管理局审核通过' },
  { doc: 127, seed: 'S000 42', text: '不授权，关闭此模块' },
  { doc: 129, seed: 'S000 121', text: '未获取到数据码' },
  { doc: 143, seed: 'S003 4175', text: '单击主体信息和服务信息中的查看/变更可查看对应详情' },
  { doc: 145, seed: 'S003 4233', text: '仅支持导出基础信息（备案号、负责人名称、备案域名、备案 APP 包名、服务名称等信息）' },
  { doc: 135, seed: 'S001 86', text: '您已完成短信核验，但还需其他负责人完成核验。' },
  { doc: 24, seed: 'S003 686', text: '原备案信息无需注销或变更，多个接入商可同时存在' },
  { doc: 27, seed: 'S003 943', text: '部分管局接入服务的数量不做限制…部分管局限制单次接入数量' },
  { doc: 44, seed: 'S003 2612', text: '不支持变更备案省份。' },
  { doc: 46, seed: 'S003 2745', text: '请就近选择地区并在备注中说明情况' },
  { doc: 135, seed: 'S001 89', text: '您的短信核验信息填写有误，或核验结果还未同步' },
  { doc: 116, seed: 'S004 35', text: '2024年02月01日起,只有认证类型为企业(不含个体、个体工商户)的账号,才可申请新的服务码并授权至其他账号' },
];

/** Punctuation and spacing differ between the seed's screenshots and a catalog (，/, ( /（): compare without them. */
const plain = (text: string) => text.replace(/腾讯云/g, '本平台').replace(/[\s,，.。:：;；()（）、“”"]/g, '');

/** Every string of every catalog the shared package exports (tables, notices, refusals, messages), however deep. */
function catalogTexts(): string[] {
  const found: string[] = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') found.push(plain(value));
    else if (value && typeof value === 'object' && !seen.has(value)) {
      seen.add(value);
      Object.values(value).forEach(walk);
    }
  };
  walk(shared);
  return found;
}

describe('LIFECYCLE.md notices and refusals in the catalogs the screens render', () => {
  const texts = catalogTexts();
  const shown = (quote: string) => quote.split('…').every((part) => texts.some((text) => text.includes(plain(part))));

  it.each(LIFECYCLE_NOTICES)('should show the notice of LIFECYCLE.md line $doc ($seed) when its screen renders: $text', ({ text }) => {
    expect(shown(text)).toBe(true);
  });
});
