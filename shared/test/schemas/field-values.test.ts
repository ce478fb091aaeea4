import { fieldValueText } from '../../src/schemas/field-values';

describe('fieldValueText', () => {
  it('should show catalog keys by their Chinese label when the field holds a catalog key', () => {
    expect(fieldValueText('subject.nature', 'personal')).toBe('个人');
    expect(fieldValueText('subject.certificateType', 'resident_id')).toBe('居民身份证');
    expect(fieldValueText('websites.0.languages', ['zh_hans'])).toBe('中文简体');
    expect(fieldValueText('websites.0.resource.type', 'instance')).toBe('云服务器实例');
    expect(fieldValueText('materials.0.kind', 'commitment_letter')).toBe('承诺书');
  });

  it('should name regions, targets and yes/no when given codes, paths and booleans', () => {
    expect(fieldValueText('subject.regionCode', '440305', (code) => (code === '440305' ? '广东省 深圳市 南山区' : code))).toBe('广东省 深圳市 南山区');
    expect(fieldValueText('materials.0.target', 'order')).toBe('整个订单');
    expect(fieldValueText('materials.0.target', 'websites.0.principal')).toBe('网站1 · 负责人');
    expect(fieldValueText('apps.0.providesSdk', false)).toBe('否');
    expect(fieldValueText('subject.remark', null)).toBe('—');
  });
});
