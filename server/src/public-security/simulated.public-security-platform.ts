import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PublicSecurityPlatform, type PublicSecuritySync } from './public-security-platform.port';

/** Simulation of the 公安 platform: a website whose domain starts with `nocode-` gets no data code (the failure path). */
const NO_CODE_PREFIX = 'nocode-';

@Injectable()
export class SimulatedPublicSecurityPlatform extends PublicSecurityPlatform {
  syncWebsites(sync: PublicSecuritySync): Promise<string | null> {
    if (sync.domains.some((domain) => domain.startsWith(NO_CODE_PREFIX))) return Promise.resolve(null);
    return Promise.resolve(`GA${randomBytes(9).toString('hex').toUpperCase()}`);
  }
}
