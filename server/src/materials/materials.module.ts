import { LetterTemplatesController } from './letter-templates.controller';
import { Module } from '@nestjs/common';
import { OrderCoreModule } from '../order-core/order-core.module';
import { APP_CONFIG } from '../platform/config/config.module';
import type { AppConfig } from '../platform/config/app-config';
import { Clock } from '../platform/clock/clock';
import { localFolderStorage } from './local-folder.storage';
import { LocalStorageRoutes } from './local-storage.routes';
import { MaterialsController } from './materials.controller';
import { MaterialsService } from './materials.service';
import { ObjectStorage } from './object-storage.port';
import { S3CompatibleStorage } from './s3-compatible.storage';
import { UploadedFilesCheck } from './uploaded-files.check';

/**
 * Two-phase uploads. `STORAGE=local` (embedded default): a private folder under DATA_DIR served by the API's signed
 * storage routes; `STORAGE=s3`: a private Tencent COS / S3-compatible bucket with presigned URLs.
 */
@Module({
  imports: [OrderCoreModule],
  controllers: [MaterialsController, LetterTemplatesController],
  providers: [
    {
      provide: ObjectStorage,
      inject: [APP_CONFIG, Clock],
      useFactory: (config: AppConfig, clock: Clock): ObjectStorage => {
        // The bucket checks presigned URLs against its own clock, so they are signed with real time.
        if (config.storage.provider === 's3') return new S3CompatibleStorage(config.storage, clock, () => new Date());
        return localFolderStorage(config, clock);
      },
    },
    LocalStorageRoutes,
    MaterialsService,
    UploadedFilesCheck,
  ],
  exports: [MaterialsService, ObjectStorage],
})
export class MaterialsModule {}
