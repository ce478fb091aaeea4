import { Module } from '@nestjs/common';
import { MaterialsModule } from '../materials/materials.module';
import { NoOcrEngine, OcrEngine } from './ocr-engine.port';
import { OcrController } from './ocr.controller';
import { OcrService } from './ocr.service';

/** OCR autofill. Embedded default: NoOcrEngine (recognises nothing); TencentOcrEngine once credentials are configured. */
@Module({
  imports: [MaterialsModule],
  controllers: [OcrController],
  providers: [{ provide: OcrEngine, useClass: NoOcrEngine }, OcrService],
})
export class OcrModule {}
