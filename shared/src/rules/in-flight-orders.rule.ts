import type { Finding } from './finding';

const IN_FLIGHT_SOURCE = 'DOMAIN.md §2 每个账号（及每个主体）同时只能有一个进行中的备案订单';

export interface InFlightOrders {
  /** Orders of the account that are neither finished nor abandoned, excluding the one being checked. */
  openOrdersOfAccount: number;
  /** Open orders, of any account, for the same subject certificate number, excluding the one being checked. */
  openOrdersOfSubject: number;
}

/** One in-flight order per account and per subject; the server counts with its own data. */
export function inFlightOrderFindings(orders: InFlightOrders): Finding[] {
  const findings: Finding[] = [];
  if (orders.openOrdersOfAccount > 0) {
    findings.push({
      path: '',
      code: 'ACCOUNT_HAS_ORDER_IN_FLIGHT',
      severity: 'error',
      message: '您已有进行中的备案订单，请先完成或撤销该订单后再提交',
      source: IN_FLIGHT_SOURCE,
    });
  }
  if (orders.openOrdersOfSubject > 0) {
    findings.push({
      path: 'subject.certificateNumber',
      code: 'SUBJECT_HAS_ORDER_IN_FLIGHT',
      severity: 'error',
      message: '该主办者已有进行中的备案订单，请等待该订单完成或撤销后再提交',
      source: IN_FLIGHT_SOURCE,
    });
  }
  return findings;
}
