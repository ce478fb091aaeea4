import { isTableKey } from './table-key';

/** Who may fire a transition or whose move it is. */
export const WORKFLOW_ACTORS = {
  applicant: '申请人',
  principal: '负责人',
  reviewer: '审核专员',
  regulator: '工信部/管局',
  system: '系统',
} as const;

export type WorkflowActor = keyof typeof WORKFLOW_ACTORS;

export function isWorkflowActor(value: string): value is WorkflowActor {
  return isTableKey(WORKFLOW_ACTORS, value);
}
