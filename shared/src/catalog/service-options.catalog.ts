import { withSource } from './catalog-source';

export interface CatalogOption {
  key: string;
  label: string;
}

/** 网站服务内容. Personal filings usually 其他 (or 博客/个人空间 in some provinces); companies 单位门户网站. */
export const SERVICE_CONTENTS = withSource<CatalogOption>(
  { source: '工信部备案系统 网站服务内容（腾讯云 ICP备案 seed 003）+ DOMAIN.md §7', date: '2025-06-27' },
  [
    { key: 'instant_messaging', label: '即时通信' },
    { key: 'search_engine', label: '搜索引擎' },
    { key: 'portal', label: '综合门户' },
    { key: 'webmail', label: '网上邮局' },
    { key: 'news', label: '网络新闻' },
    { key: 'blog', label: '博客/个人空间' },
    { key: 'advertising', label: '网络广告/信息' },
    { key: 'unit_portal', label: '单位门户网站' },
    { key: 'shopping', label: '网络购物' },
    { key: 'payment', label: '网上支付' },
    { key: 'banking', label: '网上银行' },
    { key: 'securities', label: '网上炒股/股票基金' },
    { key: 'games', label: '网络游戏' },
    { key: 'music', label: '网络音乐' },
    { key: 'video', label: '网络影视' },
    { key: 'images', label: '网络图片' },
    { key: 'software_download', label: '网络软件/下载' },
    { key: 'jobs', label: '网上求职' },
    { key: 'dating', label: '网上交友/婚介' },
    { key: 'real_estate', label: '网上房产' },
    { key: 'education', label: '网络教育' },
    { key: 'web_building', label: '网站建设' },
    { key: 'wap', label: 'WAP' },
    { key: 'other', label: '其他' },
  ],
);

/** Languages a website or APP may declare. */
export const LANGUAGES = withSource<CatalogOption>({ source: '工信部备案系统 网站语言（腾讯云 ICP备案 seed 003）+ DOMAIN.md §7', date: '2025-06-27' }, [
  { key: 'zh_hans', label: '中文简体' },
  { key: 'zh_hant', label: '中文繁体' },
  { key: 'ug', label: '维吾尔语' },
  { key: 'kk', label: '哈萨克语' },
  { key: 'ky', label: '柯尔克孜语' },
  { key: 'mn', label: '蒙古语' },
  { key: 'bo', label: '藏语' },
  { key: 'za', label: '壮语' },
  { key: 'ko', label: '朝鲜语' },
  { key: 'ii', label: '彝文' },
  { key: 'hmn', label: '苗语' },
  { key: 'en', label: '英语' },
  { key: 'ja', label: '日语' },
  { key: 'fr', label: '法语' },
  { key: 'ru', label: '俄罗斯语' },
  { key: 'es', label: '西班牙语' },
  { key: 'ar', label: '阿拉伯语' },
]);

export interface AppPlatform extends CatalogOption {
  /** Signature fingerprint the platform's package carries. */
  fingerprint: 'md5' | 'sha1';
}

/** APP 运行平台 with the fingerprint kind each asks for (Android MD5, Apple SHA-1). */
export const APP_PLATFORMS = withSource<AppPlatform>(
  { source: '腾讯云 APP 特征信息填写参考规范（seed 003: iOS 苹果、安卓、鸿蒙、黑莓、Linux 等）+ DOMAIN.md §3', date: '2025-06-27' },
  [
    { key: 'android', label: '安卓', fingerprint: 'md5' },
    { key: 'ios', label: 'iOS 苹果', fingerprint: 'sha1' },
    { key: 'harmonyos', label: '鸿蒙', fingerprint: 'md5' },
    { key: 'blackberry', label: '黑莓', fingerprint: 'md5' },
    { key: 'linux', label: 'Linux', fingerprint: 'md5' },
    { key: 'other', label: '其他', fingerprint: 'md5' },
  ],
);
