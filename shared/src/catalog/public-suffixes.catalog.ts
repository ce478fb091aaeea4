/**
 * The part of the Public Suffix List needed to find the registrable domain of a domain that can be filed:
 * Chinese second-level suffixes (generic and per province) and the IDN ones under `.cn`.
 * Every other approved TLD is a one-label suffix.
 */
export const PUBLIC_SUFFIXES = {
  source: 'Public Suffix List (publicsuffix.org), ICANN section, entries under cn; CNNIC 二级域名 (com.cn, 各省区域名)',
  date: '2025-06-27',
  suffixes: [
    'ac.cn',
    'com.cn',
    'edu.cn',
    'gov.cn',
    'mil.cn',
    'net.cn',
    'org.cn',
    '公司.cn',
    '网络.cn',
    '網絡.cn',
    'bj.cn',
    'tj.cn',
    'he.cn',
    'sx.cn',
    'nm.cn',
    'ln.cn',
    'jl.cn',
    'hl.cn',
    'sh.cn',
    'js.cn',
    'zj.cn',
    'ah.cn',
    'fj.cn',
    'jx.cn',
    'sd.cn',
    'ha.cn',
    'hb.cn',
    'hn.cn',
    'gd.cn',
    'gx.cn',
    'hi.cn',
    'cq.cn',
    'sc.cn',
    'gz.cn',
    'yn.cn',
    'xz.cn',
    'sn.cn',
    'gs.cn',
    'qh.cn',
    'nx.cn',
    'xj.cn',
    'tw.cn',
    'hk.cn',
    'mo.cn',
  ],
} as const;

/** 工信部 filing system accepts domains of up to four levels (shenzhen.beian.qcloud.com); seed 003, APP 特征信息. */
export const MAX_DOMAIN_LEVELS = 4;
