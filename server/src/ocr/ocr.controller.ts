import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ocrRequestSchema, type OcrRequest, type OcrResponse, type SessionUser } from '@beian/shared';
import { CurrentUser } from '../auth/auth.guard';
import { AppException } from '../platform/errors/app-exception';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { OcrService } from './ocr.service';

const orderId = new ParseUUIDPipe({ exceptionFactory: () => new AppException('ORDER_NOT_FOUND') });

@ApiTags('ocr')
@ApiBearerAuth()
@Controller('orders/:id/ocr')
export class OcrController {
  constructor(private readonly ocr: OcrService) {}

  @Post()
  @HttpCode(200)
  @ApiZodBody(ocrRequestSchema)
  recognize(@CurrentUser() user: SessionUser, @Param('id', orderId) id: string, @ZodBody(ocrRequestSchema) body: OcrRequest): Promise<OcrResponse> {
    return this.ocr.recognize(user, id, body);
  }
}
