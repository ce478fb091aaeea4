import { ParseUUIDPipe } from '@nestjs/common';
import { AppException } from '../platform/errors/app-exception';

/** `@Param('id', ORDER_ID)`: an id that is not a UUID answers 404 ORDER_NOT_FOUND like an unknown order. */
export const ORDER_ID = new ParseUUIDPipe({ exceptionFactory: () => new AppException('ORDER_NOT_FOUND') });
