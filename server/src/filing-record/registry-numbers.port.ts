import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { discoverOne } from '../platform/discovered-port';

/** What the national registry knows of a subject filed at other providers, as the 管局 numbering needs it. */
export interface RegistryNumbers {
  /** The subject number of a certificate filed elsewhere, if any. */
  subjectNumber(certificateNumber: string): Promise<string | null>;
  /** The highest `-n` known under a subject number at other providers (0 when none). */
  highestServiceSeq(subjectIcpNumber: string): Promise<number>;
}

/** `@REGISTRY_NUMBERS()` on the one provider answering RegistryNumbers (the module owning the registry). */
export const REGISTRY_NUMBERS = DiscoveryService.createDecorator();

/** Finds the registered RegistryNumbers at boot. */
@Injectable()
export class RegistryNumbersPort implements OnModuleInit, RegistryNumbers {
  private registry: RegistryNumbers | null = null;

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.registry = discoverOne<RegistryNumbers>(this.discovery, REGISTRY_NUMBERS, 'RegistryNumbers');
  }

  subjectNumber(certificateNumber: string): Promise<string | null> {
    return this.port().subjectNumber(certificateNumber);
  }

  highestServiceSeq(subjectIcpNumber: string): Promise<number> {
    return this.port().highestServiceSeq(subjectIcpNumber);
  }

  private port(): RegistryNumbers {
    if (!this.registry) throw new Error('RegistryNumbers asked before boot');
    return this.registry;
  }
}
