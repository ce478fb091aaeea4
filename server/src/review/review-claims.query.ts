import { In, type EntityManager } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { ReviewClaimEntity } from './review-claim.entity';

export interface RoundClaim {
  orderId: string;
  reviewerId: string;
  reviewerName: string;
  claimedAt: Date;
}

type SubmittedOrder = { id: string; submittedAt: Date | null };

/** The claims of the orders' current rounds (made at or after their latest submission), by order id, in two queries. */
export async function roundClaims(tx: EntityManager, orders: readonly SubmittedOrder[]): Promise<Map<string, RoundClaim>> {
  const claims = new Map<string, RoundClaim>();
  if (!orders.length) return claims;
  const rows = await tx.find(ReviewClaimEntity, {
    select: { orderId: true, reviewerId: true, claimedAt: true },
    where: { orderId: In(orders.map((o) => o.id)) },
    order: { id: 'ASC' },
  });
  const submitted = new Map(orders.map((o) => [o.id, o.submittedAt ? new Date(o.submittedAt).getTime() : 0]));
  const current = rows.filter((row) => new Date(row.claimedAt).getTime() >= (submitted.get(row.orderId) ?? 0));
  const reviewers = current.length
    ? await tx.find(UserEntity, { select: { id: true, nickname: true }, where: { id: In([...new Set(current.map((c) => c.reviewerId))]) } })
    : [];
  const names = new Map(reviewers.map((r) => [r.id, r.nickname]));
  for (const row of current) {
    if (!claims.has(row.orderId))
      claims.set(row.orderId, {
        orderId: row.orderId,
        reviewerId: row.reviewerId,
        reviewerName: names.get(row.reviewerId) ?? '',
        claimedAt: new Date(row.claimedAt),
      });
  }
  return claims;
}
