import { Module } from '@nestjs/common';
import { MaterialsModule } from '../materials/materials.module';
import { OrderCoreModule } from '../order-core/order-core.module';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { requireTencentCloud, TencentCloudApiClient } from '../platform/tencent-cloud/tencent-cloud-api.client';
import { NoOcrEngine, OcrEngine } from './ocr-engine.port';
import { OcrController } from './ocr.controller';
import { OcrService } from './ocr.service';
import { TencentOcrEngine } from './tencent.ocr-engine';

/** OCR autofill. `OCR_PROVIDER=none` (embedded default): NoOcrEngine recognises nothing; `tencent`: Tencent Cloud OCR. */
@Module({
  imports: [OrderCoreModule, MaterialsModule],
  controllers: [OcrController],
  providers: [
    {
      provide: OcrEngine,
      inject: [APP_CONFIG, TencentCloudApiClient],
      useFactory: (config: AppConfig, tencentCloud: TencentCloudApiClient | null): OcrEngine =>
        config.ocr.provider === 'tencent' ? new TencentOcrEngine(requireTencentCloud(tencentCloud, 'OCR_PROVIDER')) : new NoOcrEngine(),
    },
    OcrService,
  ],
})
export class OcrModule {}
