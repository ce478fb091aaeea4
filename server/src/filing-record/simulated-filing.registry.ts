import { Injectable } from '@nestjs/common';
import {
  chinaDate,
  normalizeCode,
  serviceKey,
  subjectNatureByKey,
  type FilingServiceType,
  type PublicFilingService,
  type PublicFilingSubject,
  type RegistryFilingRequest,
  type RegistryQuery,
} from '@beian/shared';
import { In, Not, type FindOptionsWhere } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { DatabaseService } from '../platform/database/database.service';
import { SUBJECT_STATES_WITH_US } from './filing-record.store';
import { FilingRegistry, type RegistryEntry } from './filing-registry.port';
import { FilingServiceEntity, FilingServiceKeyEntity } from './filing-service.entity';
import { FilingSubjectEntity } from './filing-subject.entity';
import { RegistrySimFilingEntity } from './registry-sim-filing.entity';

const OTHER_PROVIDER = '其他接入商';
const OUR_PLATFORM = '本平台';
const WITH_US: readonly string[] = SUBJECT_STATES_WITH_US;
/** MIIT keeps a subject until it is cancelled, and a service until it is cancelled (取消接入 leaves it filed). */
const UNKNOWN_TO_MIIT_SUBJECT = 'cancelled';
const KNOWN_TO_MIIT_SERVICE = ['active', 'access_cancelled'] as const;

/**
 * Demo filings at other providers, always known to the simulator (the certificate numbers have valid check digits):
 * a person filed elsewhere (→ 新增服务，原备案不在本平台) and a company whose website `filed-elsewhere.cn` has a
 * number elsewhere (→ 接入备案 for that company, "该备案非您本人提交" for anyone else).
 */
export const DEMO_REGISTRY_FILINGS: readonly RegistryFilingRequest[] = [
  {
    certificateNumber: '440305198808081234',
    subjectIcpNumber: '粤ICP备2019000001号',
    subjectName: '林晓明',
    subjectNature: 'personal',
    provider: OTHER_PROVIDER,
  },
  {
    certificateNumber: '91440300715267260N',
    subjectIcpNumber: '粤ICP备2018000002号',
    subjectName: '深圳市示例科技有限公司',
    subjectNature: 'enterprise',
    serviceType: 'website',
    service: 'filed-elsewhere.cn',
    serviceIcpNumber: '粤ICP备2018000002号-1',
    serviceName: '示例科技官网',
    provider: OTHER_PROVIDER,
  },
];
const DEMO_FILED_AT = new Date('2019-03-01T02:00:00Z');

type ScriptedFiling = Omit<RegistrySimFilingEntity, 'id'>;

/**
 * The embedded registry. Like MIIT it knows every filing: the demo filings, those scripted through
 * `POST /api/regulator-sim/registry`, and the approved filings of our own record.
 */
@Injectable()
export class SimulatedFilingRegistry extends FilingRegistry {
  private readonly demo: readonly ScriptedFiling[];

  constructor(
    private readonly db: DatabaseService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {
    super();
    this.demo = DEMO_REGISTRY_FILINGS.map((request) => this.row(request, DEMO_FILED_AT));
  }

  async add(request: RegistryFilingRequest): Promise<void> {
    await this.db.ambient.insert(RegistrySimFilingEntity, this.row(request, this.clock.now()));
  }

  async findSubject(certificateNumber: string): Promise<RegistryEntry | null> {
    const certificateIndex = this.cipher.blindIndex(normalizeCode(certificateNumber));
    const scripted = (await this.scripted({ subjectIndex: certificateIndex }))[0];
    if (scripted) return { subjectIcpNumber: scripted.subjectIcpNumber, certificateIndex, provider: scripted.provider };
    const ours = await this.db.ambient.findOne(FilingSubjectEntity, {
      select: { subjectIcpNumber: true, state: true },
      where: { certificateIndex, state: Not(UNKNOWN_TO_MIIT_SUBJECT) },
      order: { approvedAt: 'DESC' },
    });
    return ours ? { subjectIcpNumber: ours.subjectIcpNumber, certificateIndex, provider: WITH_US.includes(ours.state) ? OUR_PLATFORM : OTHER_PROVIDER } : null;
  }

  async findService(serviceType: FilingServiceType, name: string): Promise<RegistryEntry | null> {
    const key = serviceKey(serviceType, name);
    const scripted = (await this.scripted({ serviceKey: key }))[0];
    if (scripted) {
      return {
        subjectIcpNumber: scripted.subjectIcpNumber,
        serviceIcpNumber: scripted.serviceIcpNumber ?? undefined,
        certificateIndex: scripted.subjectIndex,
        provider: scripted.provider,
      };
    }
    const [ours] = await this.ourFilings(await this.ourServiceIds(key));
    const service = ours?.services[0];
    return ours && service
      ? {
          subjectIcpNumber: ours.subject.subjectIcpNumber,
          serviceIcpNumber: service.serviceIcpNumber,
          certificateIndex: ours.subject.certificateIndex,
          // A service we no longer access is, for MIIT, with whichever provider took it over.
          provider: service.state === 'active' && WITH_US.includes(ours.subject.state) ? OUR_PLATFORM : OTHER_PROVIDER,
        }
      : null;
  }

  async lookup(query: RegistryQuery): Promise<PublicFilingSubject[]> {
    if (query.by === 'domain') {
      const key = serviceKey('website', query.value);
      const scripted = this.publicScripted(await this.scripted({ serviceKey: key }));
      const ours = await this.ourFilings(await this.ourServiceIds(key));
      return [...scripted, ...ours.map(({ subject, services }) => this.publicOurs(subject, services))];
    }
    const scriptedWhere = query.by === 'icp_number' ? { subjectIcpNumber: query.value } : { subjectName: query.value };
    // A personal subject's name is encrypted at rest: a name query finds units, as MIIT's does by 主办单位名称.
    const subjectWhere = query.by === 'icp_number' ? { subjectIcpNumber: query.value } : { name: query.value };
    const scripted = this.publicScripted(await this.scripted(scriptedWhere));
    const subjects = await this.db.ambient.find(FilingSubjectEntity, {
      select: { id: true, subjectIcpNumber: true, name: true, nature: true, approvedAt: true },
      where: { ...subjectWhere, state: Not(UNKNOWN_TO_MIIT_SUBJECT) },
      order: { approvedAt: 'ASC' },
    });
    const services = subjects.length
      ? await this.db.ambient.find(FilingServiceEntity, {
          select: PUBLIC_SERVICE_COLUMNS,
          where: { subjectId: In(subjects.map((s) => s.id)), state: In([...KNOWN_TO_MIIT_SERVICE]) },
          order: { seq: 'ASC' },
        })
      : [];
    return [
      ...scripted,
      ...subjects.map((subject) =>
        this.publicOurs(
          subject,
          services.filter((s) => s.subjectId === subject.id),
        ),
      ),
    ];
  }

  /** Demo and scripted filings matching `where` (one field), demo first. */
  private async scripted(where: FindOptionsWhere<RegistrySimFilingEntity>): Promise<ScriptedFiling[]> {
    const [[field, value]] = Object.entries(where) as [[keyof ScriptedFiling, unknown]];
    const demo = this.demo.filter((row) => row[field] === value);
    const rows = await this.db.ambient.find(RegistrySimFilingEntity, { where, order: { id: 'ASC' } });
    return [...demo, ...rows];
  }

  private async ourServiceIds(key: string): Promise<string[]> {
    const keys = await this.db.ambient.find(FilingServiceKeyEntity, { select: { serviceId: true }, where: { serviceKey: key } });
    return keys.map((k) => k.serviceId);
  }

  /** Our services (known to MIIT) among `serviceIds`, grouped under their subjects (known to MIIT). */
  private async ourFilings(serviceIds: string[]): Promise<{ subject: FilingSubjectEntity; services: FilingServiceEntity[] }[]> {
    if (!serviceIds.length) return [];
    const services = await this.db.ambient.find(FilingServiceEntity, {
      select: PUBLIC_SERVICE_COLUMNS,
      where: { id: In(serviceIds), state: In([...KNOWN_TO_MIIT_SERVICE]) },
      order: { seq: 'ASC' },
    });
    if (!services.length) return [];
    const subjects = await this.db.ambient.find(FilingSubjectEntity, {
      select: { id: true, subjectIcpNumber: true, certificateIndex: true, name: true, nature: true, state: true, approvedAt: true },
      where: { id: In([...new Set(services.map((s) => s.subjectId))]), state: Not(UNKNOWN_TO_MIIT_SUBJECT) },
    });
    return subjects.map((subject) => ({ subject, services: services.filter((s) => s.subjectId === subject.id) }));
  }

  private publicOurs(
    subject: Pick<FilingSubjectEntity, 'subjectIcpNumber' | 'name' | 'nature' | 'approvedAt'>,
    services: FilingServiceEntity[],
  ): PublicFilingSubject {
    return {
      ...publicSubject(this.cipher.open(subject.name), subject.nature, subject.subjectIcpNumber, subject.approvedAt),
      services: services.map((service) => ({
        serviceType: service.serviceType,
        serviceIcpNumber: service.serviceIcpNumber,
        name: service.name,
        domains: service.serviceType === 'website' ? (JSON.parse(service.domains) as string[]) : [],
        approvedOn: chinaDate(service.approvedAt),
      })),
    };
  }

  /** Scripted rows grouped by subject number: one public subject each, with the services some rows carry. */
  private publicScripted(rows: ScriptedFiling[]): PublicFilingSubject[] {
    const bySubject = new Map<string, PublicFilingSubject>();
    for (const row of rows) {
      const subject = bySubject.get(row.subjectIcpNumber) ?? publicSubject(row.subjectName, row.subjectNature, row.subjectIcpNumber, row.createdAt);
      bySubject.set(row.subjectIcpNumber, subject);
      if (row.serviceKey && row.serviceIcpNumber) subject.services.push(scriptedService(row, row.serviceKey, row.serviceIcpNumber));
    }
    return [...bySubject.values()];
  }

  private row(request: RegistryFilingRequest, at: Date): ScriptedFiling {
    const service = request.service ? serviceKey(request.serviceType ?? 'website', request.service) : null;
    return {
      subjectIndex: this.cipher.blindIndex(normalizeCode(request.certificateNumber)),
      subjectIcpNumber: request.subjectIcpNumber,
      subjectName: request.subjectName ?? '',
      subjectNature: request.subjectNature ?? 'enterprise',
      serviceKey: service,
      serviceIcpNumber: service ? (request.serviceIcpNumber ?? `${request.subjectIcpNumber}-1`) : null,
      serviceName: service ? (request.serviceName ?? request.service ?? null) : null,
      provider: request.provider ?? OTHER_PROVIDER,
      createdAt: at,
    };
  }
}

const PUBLIC_SERVICE_COLUMNS = {
  id: true,
  subjectId: true,
  serviceType: true,
  serviceIcpNumber: true,
  name: true,
  domains: true,
  state: true,
  approvedAt: true,
} as const;

function publicSubject(name: string, nature: string, subjectIcpNumber: string, approvedAt: Date): PublicFilingSubject {
  return {
    unitName: name,
    nature,
    natureLabel: subjectNatureByKey(nature)?.label ?? nature,
    subjectIcpNumber,
    approvedOn: chinaDate(approvedAt),
    services: [],
  };
}

function scriptedService(row: ScriptedFiling, key: string, serviceIcpNumber: string): PublicFilingService {
  const [type, ...rest] = key.split(':');
  const serviceType: FilingServiceType = type === 'app' ? 'app' : 'website';
  const name = rest.join(':');
  return {
    serviceType,
    serviceIcpNumber,
    name: row.serviceName ?? name,
    domains: serviceType === 'website' ? [name] : [],
    approvedOn: chinaDate(row.createdAt),
  };
}
