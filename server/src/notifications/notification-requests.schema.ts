import { z } from 'zod/mini';

const templateId = z.string().check(z.minLength(1), z.maxLength(64));

/** POST /api/notifications/grants: the result of `wx.requestSubscribeMessage` (at most 3 templates per call). */
export const grantsRequestSchema = z.object({
  templateIds: z.array(templateId).check(z.minLength(1), z.maxLength(3)),
  results: z.record(templateId, z.enum(['accept', 'reject', 'ban', 'filter'])),
});

export type GrantsRequest = z.infer<typeof grantsRequestSchema>;
