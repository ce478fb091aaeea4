import { Injectable } from '@nestjs/common';
import { serviceKey, type RegistryFilingRequest } from '@beian/shared';
import { Clock } from '../platform/clock/clock';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { DatabaseService } from '../platform/database/database.service';
import { FilingRegistry, type RegistryEntry } from './filing-registry.port';
import { RegistrySimFilingEntity } from './registry-sim-filing.entity';

const OTHER_PROVIDER = '其他接入商';

/**
 * Demo filings at other providers, always known to the simulator (the certificate numbers have valid check digits):
 * a person filed elsewhere (→ 新增服务，原备案不在本平台) and a company whose website `filed-elsewhere.cn` has a
 * number elsewhere (→ 接入备案).
 */
export const DEMO_REGISTRY_FILINGS: readonly RegistryFilingRequest[] = [
  { certificateNumber: '440305198808081234', subjectIcpNumber: '粤ICP备2019000001号', provider: OTHER_PROVIDER },
  {
    certificateNumber: '91440300715267260N',
    subjectIcpNumber: '粤ICP备2018000002号',
    serviceType: 'website',
    service: 'filed-elsewhere.cn',
    serviceIcpNumber: '粤ICP备2018000002号-1',
    provider: OTHER_PROVIDER,
  },
];

/** The embedded registry: the demo filings plus those scripted through `POST /api/regulator-sim/registry`. */
@Injectable()
export class SimulatedFilingRegistry extends FilingRegistry {
  constructor(
    private readonly db: DatabaseService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {
    super();
  }

  async add(request: RegistryFilingRequest): Promise<void> {
    await this.db.manager.insert(RegistrySimFilingEntity, this.row(request));
  }

  async findSubject(certificateNumber: string): Promise<RegistryEntry | null> {
    const subjectIndex = this.cipher.blindIndex(certificateNumber);
    const demo = DEMO_REGISTRY_FILINGS.find((f) => this.cipher.blindIndex(f.certificateNumber) === subjectIndex);
    if (demo) return { subjectIcpNumber: demo.subjectIcpNumber, provider: demo.provider ?? OTHER_PROVIDER };
    const row = await this.db.manager.findOne(RegistrySimFilingEntity, { where: { subjectIndex }, order: { id: 'ASC' } });
    return row ? { subjectIcpNumber: row.subjectIcpNumber, provider: row.provider } : null;
  }

  async findService(serviceType: 'website' | 'app', name: string): Promise<RegistryEntry | null> {
    const key = serviceKey(serviceType, name);
    const demo = DEMO_REGISTRY_FILINGS.find((f) => f.service && f.serviceType && serviceKey(f.serviceType, f.service) === key);
    if (demo) return { subjectIcpNumber: demo.subjectIcpNumber, serviceIcpNumber: demo.serviceIcpNumber, provider: demo.provider ?? OTHER_PROVIDER };
    const row = await this.db.manager.findOne(RegistrySimFilingEntity, { where: { serviceKey: key }, order: { id: 'ASC' } });
    return row ? { subjectIcpNumber: row.subjectIcpNumber, serviceIcpNumber: row.serviceIcpNumber ?? undefined, provider: row.provider } : null;
  }

  private row(request: RegistryFilingRequest): Omit<RegistrySimFilingEntity, 'id'> {
    const service = request.service ? serviceKey(request.serviceType ?? 'website', request.service) : null;
    return {
      subjectIndex: this.cipher.blindIndex(request.certificateNumber),
      subjectIcpNumber: request.subjectIcpNumber,
      serviceKey: service,
      serviceIcpNumber: service ? (request.serviceIcpNumber ?? `${request.subjectIcpNumber}-1`) : null,
      provider: request.provider ?? OTHER_PROVIDER,
      createdAt: this.clock.now(),
    };
  }
}
