import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createUploadRequestSchema, type CreateUploadRequest, type MaterialFile, type SessionUser, type UploadTicket } from '@beian/shared';
import { CurrentUser } from '../auth/auth.guard';
import { AppException } from '../platform/errors/app-exception';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { MaterialsService } from './materials.service';
import { ORDER_ID } from '../order-core/order-id.pipe';

const uploadId = new ParseUUIDPipe({ exceptionFactory: () => new AppException('UPLOAD_NOT_FOUND') });

@ApiTags('materials')
@ApiBearerAuth()
@Controller()
export class MaterialsController {
  constructor(private readonly materials: MaterialsService) {}

  @Post('orders/:id/uploads')
  @ApiZodBody(createUploadRequestSchema)
  createTicket(
    @CurrentUser() user: SessionUser,
    @Param('id', ORDER_ID) id: string,
    @ZodBody(createUploadRequestSchema) body: CreateUploadRequest,
  ): Promise<UploadTicket> {
    return this.materials.createTicket(user, id, body);
  }

  @Post('uploads/:uploadId/confirm')
  @HttpCode(200)
  confirm(@CurrentUser() user: SessionUser, @Param('uploadId', uploadId) id: string): Promise<MaterialFile> {
    return this.materials.confirm(user, id);
  }

  @Get('orders/:id/materials')
  list(@CurrentUser() user: SessionUser, @Param('id', ORDER_ID) id: string): Promise<MaterialFile[]> {
    return this.materials.list(user, id);
  }

  @Delete('orders/:id/materials/:fileId')
  @HttpCode(204)
  remove(@CurrentUser() user: SessionUser, @Param('id', ORDER_ID) id: string, @Param('fileId', uploadId) fileId: string): Promise<void> {
    return this.materials.remove(user, id, fileId);
  }
}
