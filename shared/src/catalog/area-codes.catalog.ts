import { withSource } from './catalog-source';

export interface AreaCode {
  /** Long-distance area code with its leading 0. */
  areaCode: string;
  city: string;
  /** GB/T 2260 code prefixes the area code serves (2 digits: a whole province or municipality; 4: one city). */
  regions: readonly string[];
}

/**
 * Area codes of every province capital and major cities. Each entry lists every city that shares the code,
 * so a known code used in any other city is a mismatch; codes not listed here are not judged.
 */
export const AREA_CODES = withSource<AreaCode>(
  { source: '工信部《电话网号码资源》长途区号表 (incl. 2007 长株潭 and 2006 西咸 code merges)', date: '2025-06-27' },
  [
    { areaCode: '010', city: '北京', regions: ['11'] },
    { areaCode: '022', city: '天津', regions: ['12'] },
    { areaCode: '021', city: '上海', regions: ['31'] },
    { areaCode: '023', city: '重庆', regions: ['50'] },
    { areaCode: '0311', city: '石家庄', regions: ['1301'] },
    { areaCode: '0315', city: '唐山', regions: ['1302'] },
    { areaCode: '0335', city: '秦皇岛', regions: ['1303'] },
    { areaCode: '0310', city: '邯郸', regions: ['1304'] },
    { areaCode: '0312', city: '保定', regions: ['1306'] },
    { areaCode: '0351', city: '太原', regions: ['1401'] },
    { areaCode: '0352', city: '大同', regions: ['1402'] },
    { areaCode: '0471', city: '呼和浩特', regions: ['1501'] },
    { areaCode: '0472', city: '包头', regions: ['1502'] },
    { areaCode: '024', city: '沈阳', regions: ['2101'] },
    { areaCode: '0411', city: '大连', regions: ['2102'] },
    { areaCode: '0431', city: '长春', regions: ['2201'] },
    { areaCode: '0432', city: '吉林', regions: ['2202'] },
    { areaCode: '0451', city: '哈尔滨', regions: ['2301'] },
    { areaCode: '0452', city: '齐齐哈尔', regions: ['2302'] },
    { areaCode: '025', city: '南京', regions: ['3201'] },
    { areaCode: '0510', city: '无锡', regions: ['3202'] },
    { areaCode: '0516', city: '徐州', regions: ['3203'] },
    { areaCode: '0519', city: '常州', regions: ['3204'] },
    { areaCode: '0512', city: '苏州', regions: ['3205'] },
    { areaCode: '0513', city: '南通', regions: ['3206'] },
    { areaCode: '0571', city: '杭州', regions: ['3301'] },
    { areaCode: '0574', city: '宁波', regions: ['3302'] },
    { areaCode: '0577', city: '温州', regions: ['3303'] },
    { areaCode: '0573', city: '嘉兴', regions: ['3304'] },
    { areaCode: '0575', city: '绍兴', regions: ['3306'] },
    { areaCode: '0579', city: '金华', regions: ['3307'] },
    { areaCode: '0551', city: '合肥', regions: ['3401'] },
    { areaCode: '0553', city: '芜湖', regions: ['3402'] },
    { areaCode: '0591', city: '福州', regions: ['3501'] },
    { areaCode: '0592', city: '厦门', regions: ['3502'] },
    { areaCode: '0595', city: '泉州', regions: ['3505'] },
    { areaCode: '0791', city: '南昌', regions: ['3601'] },
    { areaCode: '0792', city: '九江', regions: ['3604'] },
    { areaCode: '0531', city: '济南', regions: ['3701'] },
    { areaCode: '0532', city: '青岛', regions: ['3702'] },
    { areaCode: '0535', city: '烟台', regions: ['3706'] },
    { areaCode: '0536', city: '潍坊', regions: ['3707'] },
    { areaCode: '0371', city: '郑州', regions: ['4101'] },
    { areaCode: '0379', city: '洛阳', regions: ['4103'] },
    { areaCode: '027', city: '武汉', regions: ['4201'] },
    { areaCode: '0717', city: '宜昌', regions: ['4205'] },
    { areaCode: '0710', city: '襄阳', regions: ['4206'] },
    { areaCode: '0731', city: '长沙/株洲/湘潭', regions: ['4301', '4302', '4303'] },
    { areaCode: '020', city: '广州', regions: ['4401'] },
    { areaCode: '0755', city: '深圳', regions: ['4403'] },
    { areaCode: '0756', city: '珠海', regions: ['4404'] },
    { areaCode: '0754', city: '汕头', regions: ['4405'] },
    { areaCode: '0757', city: '佛山', regions: ['4406'] },
    { areaCode: '0752', city: '惠州', regions: ['4413'] },
    { areaCode: '0769', city: '东莞', regions: ['4419'] },
    { areaCode: '0760', city: '中山', regions: ['4420'] },
    { areaCode: '0771', city: '南宁', regions: ['4501'] },
    { areaCode: '0772', city: '柳州', regions: ['4502'] },
    { areaCode: '0773', city: '桂林', regions: ['4503'] },
    { areaCode: '0898', city: '海南', regions: ['46'] },
    { areaCode: '028', city: '成都', regions: ['5101'] },
    { areaCode: '0816', city: '绵阳', regions: ['5107'] },
    { areaCode: '0851', city: '贵阳', regions: ['5201'] },
    { areaCode: '0852', city: '遵义', regions: ['5203'] },
    { areaCode: '0871', city: '昆明', regions: ['5301'] },
    { areaCode: '0891', city: '拉萨', regions: ['5401'] },
    { areaCode: '029', city: '西安/咸阳', regions: ['6101', '6104'] },
    { areaCode: '0931', city: '兰州', regions: ['6201'] },
    { areaCode: '0971', city: '西宁', regions: ['6301'] },
    { areaCode: '0951', city: '银川', regions: ['6401'] },
    { areaCode: '0991', city: '乌鲁木齐', regions: ['6501'] },
  ],
);

export function areaCodeEntry(areaCode: string): (typeof AREA_CODES)[number] | undefined {
  return AREA_CODES.find((entry) => entry.areaCode === areaCode);
}

/** Area codes serving a GB/T 2260 city or district code, e.g. ['0755'] for 440305. */
export function areaCodesForRegion(regionCode: string): string[] {
  return AREA_CODES.filter((entry) => entry.regions.some((prefix) => regionCode.startsWith(prefix))).map((entry) => entry.areaCode);
}
