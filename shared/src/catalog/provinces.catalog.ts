import { withSource, type Sourced } from './catalog-source';

export interface Province {
  /** GB/T 2260 two-digit province code (the first two digits of every division code inside it). */
  code: string;
  name: string;
  /** Abbreviation that starts ICP and 公网安备 numbers. */
  abbr: string;
  /** Other abbreviations found on numbers issued by the same bureau (e.g. 黔 for 贵州). */
  aliases: readonly string[];
}

export const PROVINCES = withSource<Province>(
  { source: 'GB/T 2260-2007 行政区划代码 + 工信部 ICP/IP地址/域名信息备案管理系统 备案号省份简称 (DOMAIN.md §4)', date: '2025-06-27' },
  [
    { code: '11', name: '北京市', abbr: '京', aliases: [] },
    { code: '12', name: '天津市', abbr: '津', aliases: [] },
    { code: '13', name: '河北省', abbr: '冀', aliases: [] },
    { code: '14', name: '山西省', abbr: '晋', aliases: [] },
    { code: '15', name: '内蒙古自治区', abbr: '蒙', aliases: [] },
    { code: '21', name: '辽宁省', abbr: '辽', aliases: [] },
    { code: '22', name: '吉林省', abbr: '吉', aliases: [] },
    { code: '23', name: '黑龙江省', abbr: '黑', aliases: [] },
    { code: '31', name: '上海市', abbr: '沪', aliases: [] },
    { code: '32', name: '江苏省', abbr: '苏', aliases: [] },
    { code: '33', name: '浙江省', abbr: '浙', aliases: [] },
    { code: '34', name: '安徽省', abbr: '皖', aliases: [] },
    { code: '35', name: '福建省', abbr: '闽', aliases: [] },
    { code: '36', name: '江西省', abbr: '赣', aliases: [] },
    { code: '37', name: '山东省', abbr: '鲁', aliases: [] },
    { code: '41', name: '河南省', abbr: '豫', aliases: [] },
    { code: '42', name: '湖北省', abbr: '鄂', aliases: [] },
    { code: '43', name: '湖南省', abbr: '湘', aliases: [] },
    { code: '44', name: '广东省', abbr: '粤', aliases: [] },
    { code: '45', name: '广西壮族自治区', abbr: '桂', aliases: [] },
    { code: '46', name: '海南省', abbr: '琼', aliases: [] },
    { code: '50', name: '重庆市', abbr: '渝', aliases: [] },
    { code: '51', name: '四川省', abbr: '川', aliases: ['蜀'] },
    { code: '52', name: '贵州省', abbr: '贵', aliases: ['黔'] },
    { code: '53', name: '云南省', abbr: '云', aliases: ['滇'] },
    { code: '54', name: '西藏自治区', abbr: '藏', aliases: [] },
    { code: '61', name: '陕西省', abbr: '陕', aliases: [] },
    { code: '62', name: '甘肃省', abbr: '甘', aliases: ['陇'] },
    { code: '63', name: '青海省', abbr: '青', aliases: [] },
    { code: '64', name: '宁夏回族自治区', abbr: '宁', aliases: [] },
    { code: '65', name: '新疆维吾尔自治区', abbr: '新', aliases: [] },
  ],
);

export function provinceByCode(code: string): Sourced<Province> | undefined {
  const prefix = code.slice(0, 2);
  return PROVINCES.find((province) => province.code === prefix);
}

/** Province for an ICP/公网安备 abbreviation, aliases included. */
export function provinceByAbbr(abbr: string): Sourced<Province> | undefined {
  return PROVINCES.find((province) => province.abbr === abbr || province.aliases.includes(abbr));
}
