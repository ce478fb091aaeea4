import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { footerSnippet } from '@beian/shared';
import { checkFooter, inspectFooter } from '../../src/filings/footer.inspector';
import { DEFAULT_SITE_FETCH_LIMITS, HttpSiteFetcher } from '../../src/filings/http.site-fetcher';
import { isReachableAddress } from '../../src/filings/public-address.policy';

const NUMBER = '粤ICP备2024286477号-1';
const page = (footer: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>示例</title></head><body><main>欢迎</main><footer>${footer}</footer></body></html>`;

/** A local stand-in for applicants' websites: one route per kind of home page. */
function startSites(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    switch (req.url) {
      case '/good':
        return void res.end(page(`©2025 示例 ${footerSnippet(NUMBER)}`));
      case '/gbk':
        res.setHeader('content-type', 'text/html; charset=gbk');
        return void res.end(new TextEncoder().encode(page('')));
      case '/no-link':
        return void res.end(page(`粤ICP备2024286477号-1`));
      case '/wrong-number':
        return void res.end(page('<a href="https://beian.miit.gov.cn/">京ICP备2019000001号-3</a>'));
      case '/wrong-host':
        return void res.end(page(`<a href="http://www.miitbeian.gov.cn/">${NUMBER}</a>`));
      case '/in-script':
        return void res.end(page(`<script>var f = '${footerSnippet(NUMBER)}';</script><!-- ${NUMBER} -->`));
      case '/subject-only':
        return void res.end(page('<a href="//beian.miit.gov.cn">粤ICP备2024286477号</a>'));
      case '/redirect':
        res.writeHead(302, { location: '/good' });
        return void res.end();
      case '/loop':
        res.writeHead(301, { location: '/loop' });
        return void res.end();
      case '/to-private':
        res.writeHead(302, { location: 'http://10.0.0.1/' });
        return void res.end();
      case '/huge':
        res.writeHead(200, { 'content-type': 'text/html' });
        for (let i = 0; i < 64; i++) res.write('x'.repeat(16 * 1024));
        return void res.end();
      case '/huge-declared':
        res.writeHead(200, { 'content-length': String(100 * 1024 * 1024) });
        return void res.write('<html>');
      case '/slow':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body>');
        return; // the body never ends
      case '/missing':
        res.writeHead(404);
        return void res.end();
      default:
        return void res.end(page(''));
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

describe('footer check', () => {
  let server: Server;
  let base: string;
  const fetcher = new HttpSiteFetcher({ timeoutMs: 1500, maxBytes: 256 * 1024, maxRedirects: 3, allowLoopback: true });

  beforeAll(async () => ({ server, base } = await startSites()));
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('should report the number displayed and linked when the footer is the snippet', async () => {
    const result = await checkFooter(fetcher, `${base}/good`, NUMBER);
    expect(result).toMatchObject({ numberDisplayed: true, linksToMiit: true, otherNumbers: [] });
    expect(result.problem).toBeUndefined();
    expect(result.summary).toContain('已正确展示');
  });

  it('should follow a redirect and report the final address when the home page moved', async () => {
    const result = await checkFooter(fetcher, `${base}/redirect`, NUMBER);
    expect(result).toMatchObject({ finalUrl: `${base}/good`, numberDisplayed: true, linksToMiit: true });
  });

  it('should report the number without a link when the footer is plain text', async () => {
    expect(await checkFooter(fetcher, `${base}/no-link`, NUMBER)).toMatchObject({ numberDisplayed: true, linksToMiit: false });
  });

  it('should name the foreign number when the footer was copied from another site', async () => {
    const result = await checkFooter(fetcher, `${base}/wrong-number`, NUMBER);
    expect(result).toMatchObject({ numberDisplayed: false, linksToMiit: false, otherNumbers: ['京ICP备2019000001号-3'] });
    expect(result.summary).toContain('京ICP备2019000001号-3');
  });

  it('should not count a link to the retired miitbeian host when the footer uses it', async () => {
    expect(await checkFooter(fetcher, `${base}/wrong-host`, NUMBER)).toMatchObject({ numberDisplayed: true, linksToMiit: false });
  });

  it('should ignore scripts and comments when the number is only there', async () => {
    expect(await checkFooter(fetcher, `${base}/in-script`, NUMBER)).toMatchObject({ numberDisplayed: false, linksToMiit: false });
  });

  it('should report a missing footer when the page has none', async () => {
    const result = await checkFooter(fetcher, `${base}/gbk`, NUMBER);
    expect(result).toMatchObject({ numberDisplayed: false, linksToMiit: false, otherNumbers: [] });
    expect(result.summary).toContain('未展示');
  });

  it('should accept the subject number in the link but not as the service number when only the subject number is shown', async () => {
    expect(await checkFooter(fetcher, `${base}/subject-only`, NUMBER)).toMatchObject({ numberDisplayed: false, linksToMiit: true, otherNumbers: [] });
  });

  it.each([
    ['/loop', 'too_many_redirects'],
    ['/to-private', 'private_address'],
    ['/huge', 'too_large'],
    ['/huge-declared', 'too_large'],
    ['/slow', 'timeout'],
    ['/missing', 'http_status'],
  ])('should report %s as %s when the site misbehaves', async (path, code) => {
    const result = await checkFooter(fetcher, `${base}${path}`, NUMBER);
    expect(result.problem?.code).toBe(code);
    expect(result).toMatchObject({ numberDisplayed: false, linksToMiit: false });
  });

  it('should refuse loopback when the switch is off', async () => {
    const production = new HttpSiteFetcher({ ...DEFAULT_SITE_FETCH_LIMITS, timeoutMs: 1500 });
    expect((await checkFooter(production, `${base}/good`, NUMBER)).problem?.code).toBe('private_address');
    expect((await checkFooter(production, `http://localhost:${new URL(base).port}/good`, NUMBER)).problem?.code).toBe('private_address');
  });

  it('should refuse a URL that is not http(s) when the applicant typed one', async () => {
    expect((await checkFooter(fetcher, 'file:///etc/passwd', NUMBER)).problem?.code).toBe('invalid_url');
  });

  it('should tell private, link-local and mapped addresses from public ones', () => {
    for (const address of [
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      'fe80::1',
      'fd00::1',
      '::ffff:10.0.0.1',
      '::',
    ]) {
      expect([address, isReachableAddress(address, true)]).toEqual([address, false]);
    }
    expect(isReachableAddress('127.0.0.1', false)).toBe(false);
    expect(isReachableAddress('::1', false)).toBe(false);
    expect(isReachableAddress('127.0.0.1', true)).toBe(true);
    expect(isReachableAddress('203.208.60.1', false)).toBe(true);
    expect(isReachableAddress('2402:4e00::1', false)).toBe(true);
  });

  it('should read entities and fullwidth forms in the footer when the page encodes them', () => {
    const html = page('<a href="https://beian.miit.gov.cn/#/Integrated/index">粤ICP备2024286477号&#8212;1</a>');
    expect(inspectFooter(html.replace('&#8212;', '－'), NUMBER)).toMatchObject({ numberDisplayed: true, linksToMiit: true });
  });
});
