import { randomBytes } from 'node:crypto';
import { LinkSigner } from '../../src/platform/crypto/link-signer';

describe('LinkSigner', () => {
  const secret = randomBytes(32);

  it('should accept the signature of the same parts', () => {
    const signer = new LinkSigner(secret, 'storage');

    expect(signer.matches(signer.sign('get', 'files/a', '1000'), 'get', 'files/a', '1000')).toBe(true);
  });

  it('should refuse the signature when a part changed', () => {
    const signer = new LinkSigner(secret, 'storage');

    expect(signer.matches(signer.sign('get', 'files/a', '1000'), 'put', 'files/a', '1000')).toBe(false);
  });

  it('should refuse a signature made for another purpose with the same secret', () => {
    const storage = new LinkSigner(secret, 'storage');
    const access = new LinkSigner(secret, 'access links');

    expect(access.matches(storage.sign('1', '1000'), '1', '1000')).toBe(false);
  });
});
