import { Controller, Get, Injectable, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ORDER_STEPS, type ContinueCode, type ContinueTarget, type OrderStepKey, type SessionUser } from '@beian/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser } from '../auth/auth.guard';
import { MiniProgramCodes } from '../auth/mini-program-code.port';
import { WechatApiError } from '../auth/wechat-gateway.port';
import { OrderAccess } from '../order-core/order-access';
import { ORDER_ID } from '../order-core/order-id.pipe';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { PublicOrigin } from '../platform/http/public-origin';

/** The wizard's page in the mini-program and the H5 build (the wxacode `page`, without a leading `/`). */
const WIZARD_PAGE = 'filing/pages/start/index';
const STEPS = Object.keys(ORDER_STEPS) as OrderStepKey[];
const ID_CHARS = 22;
const MAC_CHARS = 8;

function stepOf(value: string | undefined): OrderStepKey {
  const step = STEPS.find((key) => key === value);
  if (!step) throw AppException.validation([{ path: 'step', code: 'STEP_UNKNOWN', message: '请指定备案流程中的步骤' }]);
  return step;
}

/**
 * 扫码继续. Scene (31 characters, within WeChat's 32): the step's index (1), the order id's 16 bytes in base64url (22)
 * and a keyed check of both (8), so a scene cannot be altered to name another order or step; the owner check stays.
 */
@Injectable()
export class ContinueCodes {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: OrderAccess,
    private readonly cipher: FieldCipher,
    private readonly codes: MiniProgramCodes,
  ) {}

  async code(user: SessionUser, orderId: string, step: OrderStepKey): Promise<ContinueCode> {
    await this.access.owned(this.db.manager, user, orderId);
    const scene = `${STEPS.indexOf(step).toString(36)}${Buffer.from(orderId.replace(/-/g, ''), 'hex').toString('base64url')}${this.mac(orderId, step)}`;
    return { scene, link: `/${WIZARD_PAGE}?scene=${scene}` };
  }

  async image(user: SessionUser, orderId: string, step: OrderStepKey, origin: string): Promise<Buffer> {
    const { scene, link } = await this.code(user, orderId, step);
    try {
      return await this.codes.pageCode({ page: WIZARD_PAGE, scene, h5Url: `${origin}/#${link}` });
    } catch (error) {
      if (error instanceof WechatApiError) throw new AppException('WXACODE_UNAVAILABLE', undefined, { errcode: error.errcode });
      throw error;
    }
  }

  async resolve(user: SessionUser, scene: string): Promise<ContinueTarget> {
    const step = STEPS[parseInt(scene.slice(0, 1), 36)];
    const id = Buffer.from(scene.slice(1, 1 + ID_CHARS), 'base64url').toString('hex');
    const orderId = id.length === 32 ? `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}` : '';
    if (!step || !orderId || scene.length !== 1 + ID_CHARS + MAC_CHARS || scene.slice(1 + ID_CHARS) !== this.mac(orderId, step)) {
      throw new AppException('ORDER_NOT_FOUND');
    }
    await this.access.owned(this.db.manager, user, orderId);
    return { orderId, step };
  }

  private mac(orderId: string, step: OrderStepKey): string {
    return Buffer.from(this.cipher.blindIndex(`continue:${orderId}:${step}`), 'hex')
      .subarray(0, 6)
      .toString('base64url');
  }
}

@ApiTags('orders')
@ApiBearerAuth()
@Controller()
export class ContinueCodesController {
  constructor(
    private readonly continueCodes: ContinueCodes,
    private readonly origin: PublicOrigin,
  ) {}

  @Get('orders/:id/continue-code')
  @ApiQuery({ name: 'step', required: true })
  code(@CurrentUser() user: SessionUser, @Param('id', ORDER_ID) id: string, @Query('step') step?: string): Promise<ContinueCode> {
    return this.continueCodes.code(user, id, stepOf(step));
  }

  @Get('orders/:id/continue-code/wxacode')
  @ApiQuery({ name: 'step', required: true })
  @ApiProduces('image/png')
  async wxacode(
    @CurrentUser() user: SessionUser,
    @Param('id', ORDER_ID) id: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('step') step?: string,
  ): Promise<Buffer> {
    const png = await this.continueCodes.image(user, id, stepOf(step), this.origin.of(request));
    void reply.header('content-type', 'image/png').header('cache-control', 'private, no-store');
    return png;
  }

  @Get('continue-codes/:scene')
  resolve(@CurrentUser() user: SessionUser, @Param('scene') scene: string): Promise<ContinueTarget> {
    return this.continueCodes.resolve(user, scene);
  }
}
