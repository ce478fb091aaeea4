import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/platform/config/app-config';
import { api, startTestApp } from '../support/test-app';

const key = `v1:${Buffer.alloc(32, 1).toString('base64')}`;
const production = { NODE_ENV: 'production', DATABASE_URL: 'mysql://root@127.0.0.1/x', FIELD_ENCRYPTION_KEYS: key, SIMULATORS_ENABLED: 'true' };
const dataDir = () => mkdtempSync(join(tmpdir(), 'beian-config-'));

describe('hardening: the API description is not served in production unless configured', () => {
  it('should turn the docs off in production and on elsewhere, unless API_DOCS_ENABLED says otherwise', () => {
    expect(loadConfig({ ...production, DATA_DIR: dataDir() }).apiDocsEnabled).toBe(false);
    expect(loadConfig({ ...production, DATA_DIR: dataDir(), API_DOCS_ENABLED: 'true' }).apiDocsEnabled).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir() }).apiDocsEnabled).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir(), API_DOCS_ENABLED: 'false' }).apiDocsEnabled).toBe(false);
  });

  it('should answer 404 on /api/docs and /api/docs-json when the docs are off', async () => {
    const t = await startTestApp({ API_DOCS_ENABLED: 'false' });
    try {
      const json = await api(t.url).get('/api/docs-json');
      const page = await fetch(`${t.url}/api/docs`);

      expect(json.status).toBe(404);
      expect(page.status).toBe(404);
      expect((await api(t.url).get('/api/health')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
