import { Injectable, Logger } from '@nestjs/common';
import { PHOTO_ONLY_KINDS, type OcrRequest, type OcrResponse, type SessionUser } from '@beian/shared';
import { MaterialsService } from '../materials/materials.service';
import { OrderAccess } from '../order-core/order-access';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { OcrEngine } from './ocr-engine.port';

@Injectable()
export class OcrService {
  private readonly logger = new Logger('Ocr');

  constructor(
    private readonly db: DatabaseService,
    private readonly access: OrderAccess,
    private readonly materials: MaterialsService,
    private readonly engine: OcrEngine,
  ) {}

  /** Reads a confirmed photo of the caller's order. The result only pre-fills the form; the user checks it. */
  async recognize(user: SessionUser, orderId: string, request: OcrRequest): Promise<OcrResponse> {
    const file = await this.db.transaction(async (tx) => {
      await this.access.owned(tx, user, orderId);
      return this.materials.confirmedFile(tx, orderId, request.uploadId);
    });
    if (!file) throw AppException.validation([{ path: 'uploadId', code: 'UPLOAD_NOT_FOUND', message: '请先上传证件照片' }]);
    if (!PHOTO_ONLY_KINDS.includes(file.upload.kind) || !file.upload.contentType.startsWith('image/')) {
      throw AppException.validation([{ path: 'uploadId', code: 'PHOTO_REQUIRED', message: '请选择证件照片进行识别' }]);
    }
    try {
      return { fields: await this.engine.recognize(request.kind, file.bytes) };
    } catch (error) {
      this.logger.warn(`OCR failed: ${error instanceof Error ? error.message : String(error)}`);
      throw new AppException('OCR_UNAVAILABLE');
    }
  }
}
