import { RegulatorGateway, type RegulatorSubmission } from './regulator-gateway.port';

/**
 * Placeholder for the real adapter. MIIT offers no public API: an access provider (接入商) reaches the
 * 工信部备案管理系统 through the provider interface the 部/省管局 grant to licensed IDC/ISP operators. A real
 * adapter would need:
 * - the operator's 接入商 account, its client certificate and the interface spec of the provincial 管局 system;
 * - a mapping of our draft to the 备案 data format (主体/网站/APP/负责人 fields, catalog codes, material files
 *   converted to the required image formats and sizes, face-check video results);
 * - submission per order with the returned 流水号 stored, and polling (or the 管局's push) for progress: SMS
 *   verification sent/verified/failed/timed out, review approved (主体/服务备案号) or rejected (原因);
 * - each result applied through RegulatorEventsService in one transaction, deduplicated by the 流水号 and status.
 * Until then, production runs refuse to submit (the job goes dead and staff see it) unless simulators are on.
 */
export class MiitProviderGateway extends RegulatorGateway {
  submit(_tx: unknown, submission: RegulatorSubmission): Promise<void> {
    return Promise.reject(new Error(`No MIIT provider interface is configured; order ${submission.orderId} cannot be submitted`));
  }

  withdraw(_tx: unknown, submission: { orderId: string }): Promise<void> {
    return Promise.reject(new Error(`No MIIT provider interface is configured; order ${submission.orderId} cannot be withdrawn`));
  }
}
