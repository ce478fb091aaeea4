import { Inject, Injectable } from '@nestjs/common';
import { UploadEntity } from '../materials/upload.entity';
import { ObjectStorage } from '../materials/object-storage.port';
import { Clock } from '../platform/clock/clock';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';

/** Where a reviewer's audited link to a material or face video leads: the storage's own short-lived URL. */
@Injectable()
export class ReviewFiles {
  constructor(
    private readonly db: DatabaseService,
    private readonly storage: ObjectStorage,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signedUrl(orderId: string, fileId: string): Promise<string> {
    const upload = await this.db.manager.findOneBy(UploadEntity, { id: fileId, orderId, status: 'confirmed' });
    if (!upload) throw new AppException('ACCESS_TARGET_NOT_FOUND');
    return this.storage.signedGetUrl(upload.storageKey, upload.contentType, new Date(this.clock.now().getTime() + this.config.accessLinkTtlMs));
  }
}
