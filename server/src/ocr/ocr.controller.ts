import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ocrRequestSchema, type OcrRequest, type OcrResponse, type SessionUser } from '@beian/shared';
import { CurrentUser } from '../auth/auth.guard';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { OcrService } from './ocr.service';
import { ORDER_ID } from '../order-core/order-id.pipe';

@ApiTags('ocr')
@ApiBearerAuth()
@Controller('orders/:id/ocr')
export class OcrController {
  constructor(private readonly ocr: OcrService) {}

  @Post()
  @HttpCode(200)
  @ApiZodBody(ocrRequestSchema)
  recognize(@CurrentUser() user: SessionUser, @Param('id', ORDER_ID) id: string, @ZodBody(ocrRequestSchema) body: OcrRequest): Promise<OcrResponse> {
    return this.ocr.recognize(user, id, body);
  }
}
