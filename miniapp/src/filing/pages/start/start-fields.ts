import type { CreateOrderRequest, FilingContext } from '@beian/shared';
import type { DraftFieldSpec } from '../../components/draft-field';

/** The skeleton's personal first filing of one website. */
export const FIRST_WEBSITE_FILING = {
  kind: 'first_filing',
  subjectType: 'personal',
  serviceType: 'website',
} as const satisfies CreateOrderRequest & FilingContext;

export const START_FIELDS: readonly DraftFieldSpec[] = [
  { id: 'subject-name', path: 'subject.name', label: '主办者名称（姓名）', placeholder: '请输入身份证上的姓名' },
  {
    id: 'subject-certificate-number',
    path: 'subject.certificateNumber',
    label: '身份证号码',
    placeholder: '请输入18位居民身份证号码',
    type: 'idcard',
    maxlength: 18,
  },
  {
    id: 'principal-mobile',
    path: 'subjectPrincipal.mobile',
    label: '手机号码',
    placeholder: '请输入11位手机号码',
    type: 'number',
    maxlength: 11,
  },
  {
    id: 'website-domain',
    path: 'websites.0.domains.0',
    label: '网站域名',
    placeholder: '如 example.com，不含 http:// 和路径',
  },
  { id: 'website-name', path: 'websites.0.name', label: '网站名称', placeholder: '至少3个汉字，与网站内容相关' },
];

/** Draft values this page sets without asking: a personal subject here always files with a 居民身份证. */
export const START_FIXED_VALUES = { 'subject.certificateType': 'resident_id' } as const;

export const START_FORM = {
  paths: START_FIELDS.map((field) => field.path),
  fixedValues: START_FIXED_VALUES,
};
