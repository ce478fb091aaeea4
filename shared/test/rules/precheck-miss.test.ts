import { anonymiseReviewText, precheckFlagged, rejectionArea } from '../../src/rules';
import { fieldPatternLabel } from '../../src/schemas';

describe('anonymiseReviewText', () => {
  it('should mask the order’s personal values and number-shaped text when the reviewer quotes them', () => {
    const text = '张三的身份证号11010519491231002X与照片不符，请联系13800138000或zhangsan@example.com核实，地址北京市朝阳区某街道1号';
    const out = anonymiseReviewText(text, ['张三', '北京市朝阳区某街道1号']);
    expect(out).not.toMatch(/张三|11010519491231002X|13800138000|zhangsan@example\.com|某街道/);
    expect(out).toContain('与照片不符');
  });

  it('should keep a reason as it is when it holds no personal value', () => {
    expect(anonymiseReviewText('网站名称与备案内容不符，请修改为3个汉字以上', ['张三'])).toBe('网站名称与备案内容不符，请修改为3个汉字以上');
  });
});

describe('precheckFlagged', () => {
  it('should count a finding on the field, inside it or around it as flagged', () => {
    expect(precheckFlagged('websites.0.domains', [{ path: 'websites.0.domains.1' }])).toBe(true);
    expect(precheckFlagged('materials.3', [{ path: 'materials' }])).toBe(true);
    expect(precheckFlagged('websites.0.name', [{ path: 'websites.0.name' }])).toBe(true);
  });

  it('should not count findings on other fields or on the whole order', () => {
    expect(precheckFlagged('websites.0.name', [{ path: 'websites.0.remark' }, { path: '' }, { path: 'websites.1' }])).toBe(false);
  });
});

describe('rejection areas and labels', () => {
  it('should name the area and the field pattern when a rejection is on a list item', () => {
    expect(rejectionArea('websites.0.principal.mobile')).toBe('网站负责人');
    expect(rejectionArea('websites.0.name')).toBe('网站');
    expect(rejectionArea('subject.communicationAddress')).toBe('主办者');
    expect(fieldPatternLabel('websites.*.name')).not.toContain('*');
  });
});
