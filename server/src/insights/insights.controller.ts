import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { PrecheckMissesResponse, RejectionHintsResponse, SessionUser } from '@beian/shared';
import { CurrentUser } from '../auth/auth.guard';
import { Roles } from '../auth/roles.guard';
import { ORDER_ID } from '../order-core/order-id.pipe';
import { AppException } from '../platform/errors/app-exception';
import { RejectionFacts } from './rejection-facts.service';

const MONTHS_DEFAULT = 3;
const MONTHS_MAX = 12;

/** What 初审 rejections teach: the misses for staff, the common reasons for the applicant before submitting. */
@ApiTags('insights')
@ApiBearerAuth()
@Controller()
export class InsightsController {
  constructor(private readonly facts: RejectionFacts) {}

  @Get('review/precheck-misses')
  @Roles('reviewer')
  @ApiQuery({ name: 'months', required: false, description: `1–${MONTHS_MAX}, default ${MONTHS_DEFAULT}` })
  misses(@Query('months') months?: string): Promise<PrecheckMissesResponse> {
    const window = months === undefined ? MONTHS_DEFAULT : Number(months);
    if (!Number.isInteger(window) || window < 1 || window > MONTHS_MAX) {
      throw AppException.validation([{ path: 'months', code: 'OPTION_INVALID', message: `请选择1至${MONTHS_MAX}个月` }]);
    }
    return this.facts.misses(window);
  }

  @Get('orders/:id/rejection-hints')
  hints(@CurrentUser() user: SessionUser, @Param('id', ORDER_ID) id: string): Promise<RejectionHintsResponse> {
    return this.facts.hints(user, id);
  }
}
