import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG } from '../platform/config/config.module';
import type { AppConfig } from '../platform/config/app-config';
import { Clock } from '../platform/clock/clock';
import { LocalFolderStorage } from './local-folder.storage';
import { LocalStorageRoutes } from './local-storage.routes';
import { MaterialsController } from './materials.controller';
import { MaterialsService } from './materials.service';
import { ObjectStorage } from './object-storage.port';

@Module({
  controllers: [MaterialsController],
  providers: [
    {
      provide: ObjectStorage,
      inject: [APP_CONFIG, Clock],
      // The URL-signing secret is derived from the first field key, so no extra secret needs configuring.
      useFactory: (config: AppConfig, clock: Clock) => new LocalFolderStorage(join(config.dataDir, 'objects'), config.fieldEncryptionKeys[0]!.key, clock),
    },
    LocalStorageRoutes,
    MaterialsService,
  ],
  exports: [MaterialsService, ObjectStorage],
})
export class MaterialsModule {}
