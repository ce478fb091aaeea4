/**
 * Top-level domains approved by the MIIT for use in mainland China (工信部 域名注册管理机构/顶级域名 批复公示).
 * Replaceable data: pass another list to `validateDomain(…, { tlds })` without changing code.
 * Unicode TLDs are stored as written; the validator compares their punycode form.
 */
export interface ApprovedTldList {
  source: string;
  date: string;
  tlds: readonly string[];
}

export const APPROVED_TLDS: ApprovedTldList = {
  source: '工信部 政务服务平台 “域名根服务器及域名注册管理机构审批” 公示的顶级域名（快照，参照 DOMAIN.md §6）',
  date: '2025-06-27',
  // .org is left out: providers disagree on whether it may be filed (DOMAIN.md §6).
  tlds: [
    'cn', '中国', '中國', '公益', '政务', '公司', '网络', '網絡',
    'com', 'net', 'top', 'xyz', 'vip', 'club', 'shop', 'wang', 'ren', 'site', 'online', 'tech', 'store',
    'fun', 'ltd', 'link', 'cloud', 'art', 'ink', 'kim', 'pub', 'red', 'xin', 'love', 'work', 'group',
    'design', 'run', 'center', 'show', 'city', 'team', 'social', 'life', 'world', 'company', 'email',
    'fit', 'fans', 'yoga', 'plus', 'zone', 'host', 'press', 'space', 'website', 'cyou', 'icu', 'bond',
    'biz', 'info', 'mobi', 'name', 'pro', 'tv', 'cc', 'beer', 'luxe', 'gold', 'fund', 'baidu', 'citic', 'sohu',
    '在线', '中文网', '我爱你', '集团', '商标', '商城', '网店', '网址', '信息', '手机', '移动', '联通', '广东', '佛山',
  ],
};
