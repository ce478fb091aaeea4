import { Injectable } from '@nestjs/common';
import { validateIcpNumber } from '@beian/shared';
import { REGISTRY_NUMBERS, type RegistryNumbers } from '../filing-record/registry-numbers.port';
import { DatabaseService } from '../platform/database/database.service';
import { FilingRegistry } from '../filing-record/filing-registry.port';
import { RegistrySimFilingEntity } from '../filing-record/registry-sim-filing.entity';
import { DEMO_REGISTRY_FILINGS } from '../filing-record/simulated-filing.registry';

/** The simulated registry's numbers (demo filings and scripted ones), for the simulated 管局's numbering. */
@Injectable()
@REGISTRY_NUMBERS()
export class SimulatedRegistryNumbers implements RegistryNumbers {
  constructor(
    private readonly db: DatabaseService,
    private readonly registry: FilingRegistry,
  ) {}

  async subjectNumber(certificateNumber: string): Promise<string | null> {
    return (await this.registry.findSubject(certificateNumber))?.subjectIcpNumber ?? null;
  }

  async highestServiceSeq(subjectIcpNumber: string): Promise<number> {
    const rows = await this.db.ambient.find(RegistrySimFilingEntity, { select: { serviceIcpNumber: true }, where: { subjectIcpNumber } });
    const numbers = [
      ...DEMO_REGISTRY_FILINGS.filter((f) => f.subjectIcpNumber === subjectIcpNumber).map((f) => f.serviceIcpNumber),
      ...rows.map((r) => r.serviceIcpNumber),
    ];
    return Math.max(0, ...numbers.map((n) => (n ? validateIcpNumber(n) : null)).map((v) => (v?.ok ? (v.value.serviceIndex ?? 0) : 0)));
  }
}
