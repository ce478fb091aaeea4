import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  clockAdvanceRequestSchema,
  mobileLookupRequestSchema,
  regulatorScriptRequestSchema,
  smsVerifyRequestSchema,
  type ClockAdvanceRequest,
  type ClockResponse,
  type MobileLookupRequest,
  type RegulatorScriptRequest,
  type SimulatedMiitSms,
  type SmsVerifyRequest,
  type SmsVerifyResponse,
} from '@beian/shared';
import { Public } from '../platform/http/public-route';
import { Roles } from '../auth/roles.guard';
import { Clock, isAdvanceable } from '../platform/clock/clock';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppException } from '../platform/errors/app-exception';
import { ApiZodBody, ZodBody } from '../platform/http/zod-body';
import { BureauReviewSimulator } from './bureau-review.simulator';
import { RegulatorSimulator } from './regulator.simulator';
import { RegulatorSms } from './regulator-sms.port';
import { SimulatorOutboxRegulatorSms } from './simulator-outbox.regulator-sms';
import { ORDER_ID } from '../order-core/order-id.pipe';

/** The simulated MIIT/管局 (embedded default): its public verification form and the controls tests and demos use. */
@ApiTags('regulator-sim')
@Controller('regulator-sim')
export class RegulatorSimController {
  constructor(
    private readonly simulator: RegulatorSimulator,
    private readonly bureau: BureauReviewSimulator,
    private readonly sms: RegulatorSms,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private requireSimulator(): void {
    if (!this.config.simulatorsEnabled) throw new AppException('SIMULATOR_ONLY');
  }

  /** Imitates MIIT's form at beian.miit.gov.cn: anyone holding the SMS may submit it. */
  @Public()
  @Post('sms-verify')
  @HttpCode(200)
  @ApiZodBody(smsVerifyRequestSchema)
  verify(@ZodBody(smsVerifyRequestSchema) body: SmsVerifyRequest): Promise<SmsVerifyResponse> {
    this.requireSimulator();
    return this.simulator.verify(body);
  }

  /** The verification SMS the simulator sent to a mobile, newest last (what the principal's phone would show). */
  @Post('sms/search')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiZodBody(mobileLookupRequestSchema)
  searchSent(@ZodBody(mobileLookupRequestSchema) body: MobileLookupRequest): Promise<SimulatedMiitSms[]> {
    return this.sentTo(body.mobile ?? '');
  }

  /** Kept for the mini-program's browser tests; prefer `POST sms/search` (the mobile stays out of the URL). */
  @Get('sms')
  @ApiBearerAuth()
  sent(@Query('mobile') mobile = ''): Promise<SimulatedMiitSms[]> {
    return this.sentTo(mobile);
  }

  private async sentTo(mobile: string): Promise<SimulatedMiitSms[]> {
    this.requireSimulator();
    if (!(this.sms instanceof SimulatorOutboxRegulatorSms)) throw new AppException('SIMULATOR_ONLY');
    return (await this.sms.to(mobile)).map((sms) => ({ mobile: sms.mobile, text: sms.text, sentAt: sms.sentAt.toISOString() }));
  }

  @Post('orders/:id/script')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('reviewer')
  @ApiZodBody(regulatorScriptRequestSchema)
  script(@Param('id', ORDER_ID) id: string, @ZodBody(regulatorScriptRequestSchema) body: RegulatorScriptRequest): Promise<{ dueAt: string | null }> {
    this.requireSimulator();
    return this.bureau.script(id, body);
  }
}

/** Fast-forwards simulated time (`CLOCK=controllable`, simulators only). */
@ApiTags('regulator-sim')
@ApiBearerAuth()
@Controller('dev/clock')
export class DevClockController {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('advance')
  @HttpCode(200)
  @ApiZodBody(clockAdvanceRequestSchema)
  async advance(@ZodBody(clockAdvanceRequestSchema) body: ClockAdvanceRequest): Promise<ClockResponse> {
    if (!this.config.simulatorsEnabled || !isAdvanceable(this.clock)) throw new AppException('SIMULATOR_ONLY');
    await this.clock.advance(body.ms);
    return { now: this.clock.now().toISOString() };
  }
}
