import { Global, Module } from '@nestjs/common';
import { AccessLinkSigner } from './access-link.signer';
import { AuditLogService } from './audit-log.service';

/** The staff access audit log and the signed short-lived links it guards. */
@Global()
@Module({ providers: [AuditLogService, AccessLinkSigner], exports: [AuditLogService, AccessLinkSigner] })
export class AuditModule {}
