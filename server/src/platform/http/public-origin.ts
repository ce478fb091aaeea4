import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/**
 * The address people open from a link we send them (invitation SMS, mini-program and QR codes). With PUBLIC_ORIGIN set it
 * is that, whatever Host a caller sends; without it the request's own address (behind a balancer: only with TRUST_PROXY).
 */
@Injectable()
export class PublicOrigin {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  of(request: FastifyRequest): string {
    return this.config.publicOrigin ?? `${request.protocol}://${request.host}`;
  }
}
