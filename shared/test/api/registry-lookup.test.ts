import { registryQueryOf } from '../../src/api/registry-lookup';

describe('registryQueryOf', () => {
  it('should ask a service number by its subject number when the query is a 备案号', () => {
    expect(registryQueryOf(' 粤icp备２０２４１２３４５６号－３ ')).toEqual({ by: 'icp_number', value: '粤ICP备2024123456号' });
  });

  it('should ask a domain in its ASCII form when the query is a domain', () => {
    expect(registryQueryOf('Example。CN')).toEqual({ by: 'domain', value: 'example.cn' });
  });

  it('should ask a unit name without stray spaces when the query is neither', () => {
    expect(registryQueryOf('  深圳市示例科技　有限公司 ')).toEqual({ by: 'unit_name', value: '深圳市示例科技 有限公司' });
  });
});
