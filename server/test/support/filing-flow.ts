import type { Draft } from '@beian/shared';

let mobileSerial = 0;
/** A mobile no other test has used in this process (codes are rate-limited per mobile). */
export function freshMobile(): string {
  mobileSerial += 1;
  return `139${String(process.pid % 10_000).padStart(4, '0')}${String(mobileSerial).padStart(4, '0')}`;
}

/** The draft with every principal's mobile replaced by one fresh mobile (the fixture's people are one person). */
export function withFreshMobile(draft: Draft): Draft {
  const mobile = freshMobile();
  return {
    ...draft,
    subjectPrincipal: { ...draft.subjectPrincipal, mobile },
    websites: draft.websites?.map((w) => ({ ...w, principal: w.principal ? { ...w.principal, mobile } : w.principal })),
  };
}
