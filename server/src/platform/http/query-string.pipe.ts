import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { AppException } from '../errors/app-exception';

/**
 * Every query parameter a route reads is one string: a repeated key (`?mobile=a&mobile=b`, which the query
 * parser turns into an array) or anything else that is not a string is a 422 on that parameter, not a crash in
 * the handler. Applied globally; only `@Query(...)` arguments are looked at.
 */
export class QueryStringPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'query' || value === undefined) return value;
    if (metadata.data) {
      if (typeof value !== 'string') throw repeated(metadata.data);
      return value;
    }
    // The whole query object (`@Query()`): each of its values.
    for (const [key, item] of Object.entries((value ?? {}) as Record<string, unknown>)) {
      if (typeof item !== 'string') throw repeated(key);
    }
    return value;
  }
}

const repeated = (path: string) => AppException.validation([{ path, code: 'QUERY_PARAM_INVALID', message: '查询参数只能出现一次，且必须是文本' }]);
