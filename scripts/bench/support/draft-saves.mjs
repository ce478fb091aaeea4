// A draft save as the mini-program sends it (PATCH the `subject` section with the version of the last answer).
import { sharedRequire } from './bench-kit.mjs';

const { unitDraft } = sharedRequire('./dist/testing/index.js');
const baseSubject = unitDraft().subject;

/** The next save of an applicant: a changed address and the version of its last answer. */
export function saveRequest(applicant, path) {
  applicant.edits = (applicant.edits ?? 0) + 1;
  return {
    method: 'PATCH',
    path,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${applicant.token}` },
    body: JSON.stringify({
      version: applicant.version,
      draft: { subject: { ...baseSubject, communicationAddress: `福州市鼓楼区示例路1号${applicant.edits}室` } },
    }),
  };
}

/** A 409 carries the stored version; the applicant resyncs to it (a cut-off answer leaves it one behind). */
export function onSaveAnswer(applicant, status, body, counts) {
  if (status === 200) applicant.version = JSON.parse(body).version;
  else if (status === 409) {
    counts.conflicts++;
    applicant.version = JSON.parse(body).details?.version ?? applicant.version;
  }
}
