import type { OfflineProvinceGuidance } from '../api/cancellations';

/**
 * 注销空壳主体 offline, by province, as the seed gives it and in its order (S003 3644–3744, 2024-11-04), each with the
 * two-digit code of the province. Provinces not listed: the 管局's own 注销申请表 (OFFLINE_GUIDANCE).
 */
export const SHELL_CANCELLATION_PROVINCES: readonly OfflineProvinceGuidance[] = [
  { provinceCode: '45', province: '广西', formUrl: 'https://gxca.miit.gov.cn/bsfw/bszn/art/2020/art_734bf90cfc6b4514b3edb7c7bd94e8ed.html' },
  { provinceCode: '41', province: '河南', formUrl: 'https://hca.miit.gov.cn/bsfw/bszn/art/2020/art_05888ffafa654491b0dfa1312c264b7b.html' },
  { provinceCode: '33', province: '浙江', formUrl: 'https://zjca.miit.gov.cn/zwgk/tzgg/art/2020/art_a59dc1da19a14a7c8d9acd5ce0d8fff9.html' },
  {
    provinceCode: '37',
    province: '山东',
    note: '请将备案主体证件复印件、注销申请书、域名证书邮寄到管局，两个工作日后可致电山东通信管理局询问注销结果。',
    byPost: {
      unit: '备案主体单位/企业证件复印件并加盖公章；注销申请书（无固定模板，写明备案单位全称、备案号和申请注销备案的原因并加盖公章）；域名证书',
      person: '备案主体负责人身份证件复印件；注销申请书（无固定模板，写明备案主体负责人姓名、备案号和申请注销备案的原因并手写签字）；域名证书',
      address: '山东省济南市经十一路40号一楼备案办公室（签收人：备案办公室）',
      phone: '0531-82092828',
    },
  },
];

export const SHELL_CANCELLATION_TEXT = {
  text: '空壳主体指主体的备案号仍存在，且在工信部备案系统中可查询到该主体，但是该主体下没有任何网站信息和接入信息。这种情况下您无法通过本平台提交注销主体申请，需向备案所在地的通信管理局提交书面申请，进行线下注销，或等待空壳主体自动注销。',
  refile: '如需重新备案，您可注销成功后再提交备案。',
  unapprovedSuffix: '未经工信部批复的域名后缀注销成功后无法再次备案。',
  noForm: '如果查不到对应省份的 ICP 备案注销申请表，请您联系当地管局。',
  formSearch: '在工信部域名信息备案管理系统的通知公告中，按备案省份和“注销”关键字查找并下载 ICP 备案注销申请表，填写后连同证件材料递交至备案所在地通信管理局。',
  formSearchUrl: 'https://beian.miit.gov.cn/#/Integrated/notice_list',
} as const;
