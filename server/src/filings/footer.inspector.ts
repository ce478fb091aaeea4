import { FOOTER_FETCH_PROBLEMS, type FooterCheckResult, validateIcpNumber } from '@beian/shared';
import { type SiteFetcher, SiteFetchError } from './site-fetcher.port';

const MIIT_HOSTS = new Set(['beian.miit.gov.cn']);
const ICP_IN_TEXT = /\p{Script=Han}ICP备\d{8,10}号(?:-\d{1,4})?/gu;

/** What a home page's HTML shows of one service's number. */
export function inspectFooter(html: string, serviceIcpNumber: string): Pick<FooterCheckResult, 'numberDisplayed' | 'linksToMiit' | 'otherNumbers'> {
  const parsed = validateIcpNumber(serviceIcpNumber);
  const subjectNumber = parsed.ok ? parsed.value.subjectNumber : serviceIcpNumber;
  const visible = visibleHtml(html);
  const text = compact(stripTags(visible));
  const ours = (found: string) => found === serviceIcpNumber || found === subjectNumber;
  const linksToMiit = anchors(visible).some(
    ({ href, inner }) => isMiitLink(href) && [...compact(stripTags(inner)).matchAll(ICP_IN_TEXT)].some((m) => ours(m[0])),
  );
  const found = new Set([...text.matchAll(ICP_IN_TEXT)].map((m) => m[0]));
  return {
    numberDisplayed: found.has(serviceIcpNumber),
    linksToMiit,
    otherNumbers: [...found].filter((n) => !ours(n) && !serviceIcpNumber.startsWith(`${n}-`)).slice(0, 5),
  };
}

/** Fetches the home page and inspects it; an unreadable page is a result with `problem`, not an error. */
export async function checkFooter(fetcher: SiteFetcher, url: string, serviceIcpNumber: string): Promise<FooterCheckResult> {
  try {
    const page = await fetcher.fetchHomePage(url);
    const found = inspectFooter(page.html, serviceIcpNumber);
    return { url, finalUrl: page.finalUrl, ...found, summary: summarize(found) };
  } catch (error) {
    if (!(error instanceof SiteFetchError)) throw error;
    const message = FOOTER_FETCH_PROBLEMS[error.problem];
    return { url, problem: { code: error.problem, message }, numberDisplayed: false, linksToMiit: false, otherNumbers: [], summary: message };
  }
}

function summarize({ numberDisplayed, linksToMiit, otherNumbers }: ReturnType<typeof inspectFooter>): string {
  if (otherNumbers.length && !numberDisplayed) return `网站底部显示的备案号（${otherNumbers.join('、')}）不是本网站的备案号，请改为本网站的备案号`;
  if (numberDisplayed && linksToMiit) return '网站底部已正确展示备案号并链接至工信部备案系统';
  if (numberDisplayed) return '网站底部已展示备案号，但未链接至 https://beian.miit.gov.cn/，请按备案号代码添加链接';
  if (linksToMiit) return '网站底部链接了工信部备案系统，但展示的是主体备案号，请展示本网站的备案号（带“-序号”）';
  return '网站首页未展示本网站的备案号，请在网站底部添加备案号代码';
}

/** Scripts, styles, comments and hidden templates never show on screen. */
function visibleHtml(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, '');
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '));
}

function compact(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[—–－]/g, '-');
}

function anchors(html: string): { href: string; inner: string }[] {
  return [...html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi)].map(([, attributes = '', inner = '']) => {
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
    return { href: decodeEntities(href?.[1] ?? href?.[2] ?? href?.[3] ?? '').trim(), inner };
  });
}

function isMiitLink(href: string): boolean {
  const absolute = href.startsWith('//') ? `https:${href}` : href;
  return URL.canParse(absolute) && /^https?:$/.test(new URL(absolute).protocol) && MIIT_HOSTS.has(new URL(absolute).hostname.toLowerCase());
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}
