/** One status change of an order, as the applicant's progress page and the review console show it. */
export interface TimelineEntry {
  at: string;
  from: string | null;
  to: string;
  toLabel: string;
  actor: string;
  actorLabel: string;
  reason: string | null;
}
