import { tc3Sign } from '../../src/platform/tencent-cloud/tencent-cloud-api.client';

/**
 * The worked example of Tencent Cloud API 3.0 "Signature v3" (CVM DescribeInstances in ap-guangzhou), as published
 * at https://www.tencentcloud.com/document/product/267/37447 (the same text is on every product's "Signature v3"
 * page). The English page prints the example SecretKey in full; the current Chinese page
 * (cloud.tencent.com/document/api/213/30654) masks it, so only the English one gives a reproducible signature.
 */
const DOCUMENTED = {
  secretId: 'AKID**********************0123456789EXAMPLE',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
  service: 'cvm',
  timestamp: 1551113065,
  headers: { 'content-type': 'application/json; charset=utf-8', host: 'cvm.tencentcloudapi.com' },
  // The body exactly as the page sends it: the Chinese instance name 未命名 as \u escapes.
  body: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
};

describe("TC3-HMAC-SHA256 against Tencent Cloud's documented example", () => {
  it('should reproduce the documented canonical request, string to sign and Authorization header byte for byte', () => {
    const signed = tc3Sign(DOCUMENTED);

    expect(signed.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n' +
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(signed.stringToSign).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
    expect(signed.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKID**********************0123456789EXAMPLE/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });

  it('should lowercase the signed header values, so the action header is signed as the documentation says', () => {
    const upper = tc3Sign({ ...DOCUMENTED, headers: { ...DOCUMENTED.headers, 'x-tc-action': 'DescribeInstances' } });
    const lower = tc3Sign({ ...DOCUMENTED, headers: { ...DOCUMENTED.headers, 'x-tc-action': 'describeinstances' } });

    expect(upper.canonicalRequest).toContain('\nx-tc-action:describeinstances\n');
    expect(upper.authorization).toBe(lower.authorization);
    expect(upper.authorization).toContain('SignedHeaders=content-type;host;x-tc-action,');
  });
});
