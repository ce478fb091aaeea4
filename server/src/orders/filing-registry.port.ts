/** A filing the registry knows at another provider. */
export interface RegistryEntry {
  subjectIcpNumber: string;
  /** The service's own number (`…号-n`) when the lookup was for a service. */
  serviceIcpNumber?: string;
  provider: string;
}

/**
 * The national filing registry (工信部备案系统) as seen from an access provider: is this subject, or this website
 * domain / APP name, already filed with another provider? Embedded default: SimulatedFilingRegistry (a scripted
 * list); otherwise MiitFilingRegistry.
 */
export abstract class FilingRegistry {
  abstract findSubject(certificateNumber: string): Promise<RegistryEntry | null>;
  abstract findService(serviceType: 'website' | 'app', name: string): Promise<RegistryEntry | null>;
}
