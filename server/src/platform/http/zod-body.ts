import { Body, applyDecorators, type PipeTransform } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { fieldErrorsFromZod } from '@beian/shared';
import { toJSONSchema, type z } from 'zod/mini';
import { AppException } from '../errors/app-exception';

class ZodBodyPipe<S extends z.ZodMiniType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value ?? {});
    if (!result.success) throw AppException.validation(fieldErrorsFromZod(result.error));
    return result.data;
  }
}

/** Parameter decorator: the request body parsed by a shared schema (422 with field errors otherwise). */
export const ZodBody = (schema: z.ZodMiniType) => Body(new ZodBodyPipe(schema));

/** Method decorator: documents the same schema in the OpenAPI document. */
export const ApiZodBody = (schema: z.ZodMiniType) =>
  applyDecorators(ApiBody({ schema: toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as object }));
