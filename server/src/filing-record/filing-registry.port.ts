import type { FilingServiceType, PublicFilingSubject, RegistryQuery } from '@beian/shared';

/** A filing the national registry knows, with any provider (ours included). */
export interface RegistryEntry {
  subjectIcpNumber: string;
  /** The service's own number (`…号-n`) when the lookup was for a service. */
  serviceIcpNumber?: string;
  /** Blind index (FieldCipher) of the subject's certificate number: tells whether the applicant is that subject. */
  certificateIndex: string;
  /** Shown to the applicant only when it is not us; MIIT's public query never shows it. */
  provider: string;
}

/**
 * The national filing registry (工信部备案系统), which knows every filing whatever its provider: who holds a
 * certificate's subject number, who filed a website domain / APP name, and MIIT's public query (备案查询).
 * Embedded default: SimulatedFilingRegistry (scripted filings plus ours); otherwise MiitFilingRegistry.
 */
export abstract class FilingRegistry {
  abstract findSubject(certificateNumber: string): Promise<RegistryEntry | null>;
  abstract findService(serviceType: FilingServiceType, name: string): Promise<RegistryEntry | null>;
  /** What MIIT's public query shows for a number, domain or unit name: never the provider, ID numbers or phones. */
  abstract lookup(query: RegistryQuery): Promise<PublicFilingSubject[]>;
}
