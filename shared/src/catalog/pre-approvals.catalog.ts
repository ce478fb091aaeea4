import { withSource } from './catalog-source';

export interface PreApprovalType {
  key: string;
  label: string;
  approvingBody: string;
  documentName: string;
  /** Cancelled by the State Council nationally; some bureaus still ask for the document. */
  cancelledNationally: boolean;
  /** Words in a website/APP name or remark that suggest this approval is needed (a warning, never an error). */
  keywords: readonly string[];
}

/** Label of the choice "no pre-approval needed"; the only choice for personal filings. */
export const PRE_APPROVAL_NONE_LABEL = '以上都不涉及';

/** 前置审批: units only, each with an approval number and the scanned document (DOMAIN.md §7). */
export const PRE_APPROVAL_TYPES = withSource<PreApprovalType>(
  { source: '腾讯云 ICP备案 前置审批相关（seed 003）+ 《互联网信息服务管理办法》第五条 + DOMAIN.md §6–7', date: '2025-06-27' },
  [
    {
      key: 'news',
      label: '新闻',
      approvingBody: '国家或省级互联网信息办公室',
      documentName: '互联网新闻信息服务许可证',
      cancelledNationally: false,
      keywords: ['新闻', '时政'],
    },
    {
      key: 'publishing',
      label: '出版',
      approvingBody: '国家新闻出版署或省级出版主管部门',
      documentName: '网络出版服务许可证',
      cancelledNationally: false,
      keywords: ['出版', '书城', '小说'],
    },
    {
      key: 'drugs_medical_devices',
      label: '药品和医疗器械',
      approvingBody: '省级药品监督管理部门',
      documentName: '互联网药品信息服务资格证书',
      cancelledNationally: false,
      keywords: ['药品', '医药', '药店', '医疗器械'],
    },
    {
      key: 'culture',
      label: '文化',
      approvingBody: '省级文化和旅游主管部门',
      documentName: '网络文化经营许可证',
      cancelledNationally: false,
      keywords: ['演出', '动漫', '艺术品'],
    },
    {
      key: 'broadcasting',
      label: '广播电影电视节目',
      approvingBody: '国家或省级广播电视主管部门',
      documentName: '信息网络传播视听节目许可证',
      cancelledNationally: false,
      keywords: ['视频', '影视', '电影', '电视', '直播', '广播'],
    },
    {
      key: 'ride_hailing',
      label: '网络预约车',
      approvingBody: '服务所在城市的交通运输主管部门',
      documentName: '网络预约出租汽车经营许可证',
      cancelledNationally: false,
      keywords: ['网约车', '约车', '打车', '专车'],
    },
    {
      key: 'internet_finance',
      label: '互联网金融',
      approvingBody: '中国人民银行、国家金融监督管理总局或地方金融管理部门',
      documentName: '金融业务许可证或主管部门批准文件',
      cancelledNationally: false,
      keywords: ['金融', '理财', '基金', '投资', '支付', '众筹', '贷款', '借贷', '证券', '保险'],
    },
    {
      key: 'off_campus_training',
      label: '校外培训',
      approvingBody: '县级以上教育行政部门',
      documentName: '校外培训机构办学许可证（线上）',
      cancelledNationally: false,
      keywords: ['培训', '辅导', '补习', '家教'],
    },
    {
      key: 'religion',
      label: '宗教',
      approvingBody: '省级人民政府宗教事务部门',
      documentName: '互联网宗教信息服务许可证',
      cancelledNationally: false,
      keywords: ['宗教', '佛教', '道教', '基督教', '天主教', '伊斯兰教'],
    },
    {
      key: 'games',
      label: '游戏',
      approvingBody: '国家新闻出版署',
      documentName: '网络游戏出版物号（版号）批准文件',
      cancelledNationally: false,
      keywords: ['游戏', '手游', '页游'],
    },
    {
      key: 'education',
      label: '教育',
      approvingBody: '省级教育行政部门',
      documentName: '教育网站和网校审批文件',
      cancelledNationally: true,
      keywords: ['教育', '网校'],
    },
    {
      key: 'medical_health',
      label: '医疗保健',
      approvingBody: '省级卫生健康主管部门',
      documentName: '互联网医疗保健信息服务审核同意书',
      cancelledNationally: true,
      keywords: ['医疗', '医院', '诊所', '保健'],
    },
    {
      key: 'electronic_bulletin',
      label: '电子公告',
      approvingBody: '省级通信管理局',
      documentName: '电子公告服务专项备案',
      cancelledNationally: true,
      keywords: ['留言板', '贴吧'],
    },
  ],
);

export interface PreApprovalHit {
  preApproval: string;
  keyword: string;
}

/** Every 前置审批 type whose keywords occur in the text, with the word that matched. */
export function preApprovalKeywordHits(text: string): PreApprovalHit[] {
  return PRE_APPROVAL_TYPES.flatMap((type) => type.keywords.filter((keyword) => text.includes(keyword)).map((keyword) => ({ preApproval: type.key, keyword })));
}
