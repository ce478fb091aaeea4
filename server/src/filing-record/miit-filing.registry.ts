import { AppException } from '../platform/errors/app-exception';
import { FilingRegistry, type RegistryEntry } from './filing-registry.port';

/**
 * Placeholder for the real registry. MIIT's public query (beian.miit.gov.cn) is captcha-protected and not meant for
 * machines; an access provider queries subjects and services through the provider interface the 管局 grants to
 * licensed operators (by certificate type + number for a subject, by domain or APP name for a service, by number or
 * name for the public facts). Until that interface is configured every lookup answers 503
 * FILING_REGISTRY_UNAVAILABLE rather than guess "never filed", which would send an access filing in as a first filing.
 */
export class MiitFilingRegistry extends FilingRegistry {
  findSubject(): Promise<RegistryEntry | null> {
    return Promise.reject(new AppException('FILING_REGISTRY_UNAVAILABLE'));
  }

  findService(): Promise<RegistryEntry | null> {
    return Promise.reject(new AppException('FILING_REGISTRY_UNAVAILABLE'));
  }

  lookup(): Promise<never[]> {
    return Promise.reject(new AppException('FILING_REGISTRY_UNAVAILABLE'));
  }
}
