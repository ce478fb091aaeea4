import { registryQueryOf } from '@beian/shared';
import { FilingRegistry } from '../../src/filing-record/filing-registry.port';
import { fileHere } from '../support/filing-record.fixtures';
import { devLogin, useTestApp } from '../support/test-app';

const ID_UNIT_HOLDER = '110105199506066781';
const USCC_HERE = '91350100M000100Y43';

describe('registry public lookup (备案查询 through the regulator port)', () => {
  const t = useTestApp();
  let registry: FilingRegistry;

  beforeAll(async () => {
    registry = t.app.get(FilingRegistry);
    const { user } = await devLogin(t.url, 'lookup-holder');
    await fileHere(t, {
      ownerId: user.id,
      certificateNumber: USCC_HERE,
      subjectIcpNumber: '闽ICP备2024000201号',
      name: '福州查询示例有限公司',
      nature: 'enterprise',
      services: [{ name: 'lookup-one.cn' }, { name: 'lookup-gone.cn', state: 'cancelled' }, { type: 'app', name: '查询示例APP' }],
    });
    await fileHere(t, { ownerId: user.id, certificateNumber: ID_UNIT_HOLDER, subjectIcpNumber: '闽ICP备2024000202号', name: '王五', state: 'shell' });
  });

  const lookup = (query: string) => registry.lookup(registryQueryOf(query));

  it('should show the subject with every service MIIT still holds when the query is a service number', async () => {
    const subjects = await lookup('闽ICP备2024000201号-1');
    expect(subjects).toEqual([
      {
        unitName: '福州查询示例有限公司',
        nature: 'enterprise',
        natureLabel: '企业',
        subjectIcpNumber: '闽ICP备2024000201号',
        approvedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        services: [
          expect.objectContaining({ serviceType: 'website', serviceIcpNumber: '闽ICP备2024000201号-1', domains: ['lookup-one.cn'] }),
          expect.objectContaining({ serviceType: 'app', serviceIcpNumber: '闽ICP备2024000201号-3', name: '查询示例APP', domains: [] }),
        ],
      },
    ]);
  });

  it('should show only the matching service when the query is a domain typed in full width', async () => {
    const [subject] = await lookup('ＬＯＯＫＵＰ－ＯＮＥ。cn');
    expect(subject?.services.map((s) => s.serviceIcpNumber)).toEqual(['闽ICP备2024000201号-1']);
    expect(await lookup('lookup-gone.cn')).toEqual([]);
  });

  it('should find a filing at another provider by domain and by unit name without naming the provider', async () => {
    const byDomain = await lookup('filed-elsewhere.cn');
    expect(byDomain).toEqual([expect.objectContaining({ unitName: '深圳市示例科技有限公司', subjectIcpNumber: '粤ICP备2018000002号' })]);
    expect(byDomain[0]?.services).toEqual([
      { serviceType: 'website', serviceIcpNumber: '粤ICP备2018000002号-1', name: '示例科技官网', domains: ['filed-elsewhere.cn'], approvedOn: '2019-03-01' },
    ]);
    expect(await lookup('深圳市示例科技有限公司')).toEqual(byDomain);
    const shown = JSON.stringify([...byDomain, ...(await lookup('福州查询示例有限公司'))]);
    expect(shown).not.toMatch(/接入商|本平台|provider|certificate|mobile|91440300715267260N|91350100M000100Y43/);
  });

  it('should show a 空壳 subject without services when it has none', async () => {
    expect(await lookup('闽ICP备2024000202号')).toEqual([expect.objectContaining({ unitName: '王五', natureLabel: '个人', services: [] })]);
  });

  it('should find nothing when nobody filed the domain', async () => {
    expect(await lookup('nobody-filed.cn')).toEqual([]);
  });
});
