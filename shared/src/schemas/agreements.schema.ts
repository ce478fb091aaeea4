import { z } from 'zod/mini';
import { addFieldIssue } from './field.schema';
import { typeError } from './zod-field-errors';

const ticked = () =>
  z.boolean({ error: typeError }).check(
    z.superRefine((value, ctx) => {
      if (!value) addFieldIssue(ctx, 'AGREEMENT_REQUIRED');
    }),
  );

/** 确认并提交: the privacy statement, the terms and the 互联网信息服务备案承诺书 must all be ticked. */
export const agreementsSchema = z.object({ privacy: ticked(), terms: ticked(), commitment: ticked() }, { error: typeError });
