/**
 * 网站底部备案号: every website filed with us must show its number at the bottom of its home page, linked to the MIIT
 * system; missing footers are a top reason changes are rejected.
 *   `POST /api/filings/services/:serviceId/footer-check` → {@link FooterCheckResult}
 */
export const MIIT_BEIAN_URL = 'https://beian.miit.gov.cn/';

/** The exact snippet a website puts in its footer, e.g. `<a href="https://beian.miit.gov.cn/" target="_blank">粤ICP备2024286477号-1</a>`. */
export function footerSnippet(serviceIcpNumber: string): string {
  return `<a href="${MIIT_BEIAN_URL}" target="_blank">${serviceIcpNumber}</a>`;
}

export const FOOTER_FETCH_PROBLEMS = {
  invalid_url: '网站首页地址无效',
  private_address: '网站域名解析到内网或本机地址，无法检查',
  dns: '网站域名无法解析，请确认域名解析已生效',
  unreachable: '无法连接网站，请确认网站已开通并可从公网访问',
  timeout: '网站响应超时，请稍后重试',
  too_many_redirects: '网站首页跳转次数过多',
  too_large: '网站首页内容过大，无法检查',
  http_status: '网站首页返回了错误状态码',
} as const;
export type FooterFetchProblem = keyof typeof FOOTER_FETCH_PROBLEMS;

export interface FooterCheckResult {
  /** The address fetched first (the service's home URL, or its first domain). */
  url: string;
  /** Where the redirects ended. */
  finalUrl?: string;
  /** Set when the home page could not be read; the rest is then false/empty. */
  problem?: { code: FooterFetchProblem; message: string };
  /** The service's number (`…号-n`) appears in the page's text. */
  numberDisplayed: boolean;
  /** A link to beian.miit.gov.cn carries the service's number (or its subject's number). */
  linksToMiit: boolean;
  /** ICP numbers the page shows that are not this service's nor its subject's (a copied footer). */
  otherNumbers: string[];
  /** Chinese verdict for the applicant. */
  summary: string;
}
