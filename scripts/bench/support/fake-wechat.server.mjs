// A minimal api.weixin.qq.com on loopback for the outbox benchmark, answering as documented (the full fake with
// error scripting is server/test/support/fake-wechat.server.ts): POST /cgi-bin/stable_token → {access_token,
// expires_in}; POST /cgi-bin/message/subscribe/send?access_token=… → {errcode: 0} (40001 for another token).
// Records when each accepted send arrived.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

export async function startFakeWechat() {
  const appId = 'wx0123456789abcdef';
  const appSecret = randomBytes(16).toString('hex');
  const token = randomBytes(24).toString('hex');
  const sends = [];
  const counts = { tokenCalls: 0, rejected: 0 };
  const answer = (path, query, body) => {
    if (path === '/cgi-bin/stable_token') {
      if (body.grant_type !== 'client_credential' || body.appid !== appId || body.secret !== appSecret) return { errcode: 40125, errmsg: 'invalid appsecret' };
      counts.tokenCalls++;
      return { access_token: token, expires_in: 7200 };
    }
    if (path === '/cgi-bin/message/subscribe/send') {
      if (query.get('access_token') !== token) return { errcode: 40001, errmsg: 'invalid credential' };
      if (!body.touser || !body.template_id || !body.data) return { errcode: 47003, errmsg: 'argument invalid' };
      sends.push({ at: Date.now(), body });
      return { errcode: 0, errmsg: 'ok' };
    }
    return { errcode: 40066, errmsg: 'invalid url' };
  };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://local');
      let body = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        body = {};
      }
      const result = answer(url.pathname, url.searchParams, body);
      if (result.errcode) counts.rejected++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(result));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    appId,
    appSecret,
    sends,
    counts,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
