/** Word lists behind the website-name rules of DOMAIN.md §6 (Tencent/Aliyun naming guidance, collected 2025). */
export const WEBSITE_NAME_WORDS = {
  source: 'DOMAIN.md §6 网站名称规范（腾讯云/阿里云 备案网站名称填写规范汇总）',
  date: '2025-06-27',
  /** Reserved for national bodies. */
  forbiddenPrefixes: ['中国', '中华', '中央', '人民', '人大', '国家'],
  sensitiveWords: ['赌博', '博彩', '彩票', '赌场', '色情', '成人', '裸聊', '反腐', '廉政', '私服', '外挂', '代孕', '枪支', '毒品'],
  /** Company, industry or organisation words that a personal site's name may not carry. */
  personalForbiddenWords: [
    '公司', '企业', '集团', '官网', '官方', '论坛', '社区', '商城', '网店', '商店', '平台', '服务', '中心', '工作室',
    '导航', '在线', '交流', '门户', '协会', '联盟', '俱乐部', '研究院', '学校', '医院', '政府',
  ],
} as const;
