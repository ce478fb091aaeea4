import { randomBytes } from 'node:crypto';
import { FieldCipher } from '../../src/platform/crypto/field-cipher';
import { mapPersonalData, maskPersonalValue } from '../../src/platform/crypto/personal-data';

const v1 = { version: 'v1', key: randomBytes(32) };
const v2 = { version: 'v2', key: randomBytes(32) };

describe('FieldCipher', () => {
  it('should round-trip a value and never store it in clear', () => {
    const cipher = new FieldCipher([v1]);
    const stored = cipher.encrypt('110101199003078515');

    expect(stored).toMatch(/^enc:v1:/);
    expect(stored).not.toContain('110101199003078515');
    expect(cipher.decrypt(stored)).toBe('110101199003078515');
  });

  it('should encrypt with the newest key and still read values of an older key after rotation', () => {
    const old = new FieldCipher([v1]).encrypt('13800138000');
    const rotated = new FieldCipher([v1, v2]);

    expect(rotated.decrypt(old)).toBe('13800138000');
    expect(rotated.encrypt('x')).toMatch(/^enc:v2:/);
  });

  it('should re-encrypt under the newest key every older value inside sealed JSON, nested ones too, and leave look-alikes', () => {
    const before = new FieldCipher([v1]);
    const sealed = JSON.stringify({
      name: before.encrypt('张三'),
      answer: before.encrypt(JSON.stringify({ mobile: before.encrypt('13800138000') })),
      note: 'enc:v1:AAAA',
    });
    const rotated = new FieldCipher([v1, v2]);

    const renewed = rotated.reencryptWithin(sealed);
    const afterwards = new FieldCipher([v2]);
    const parsed = JSON.parse(renewed) as { name: string; answer: string; note: string };

    expect(renewed).not.toMatch(/enc:v1:(?!AAAA)/);
    expect(afterwards.decrypt(parsed.name)).toBe('张三');
    expect(afterwards.decrypt((JSON.parse(afterwards.decrypt(parsed.answer)) as { mobile: string }).mobile)).toBe('13800138000');
    expect(parsed.note).toBe('enc:v1:AAAA');
    expect(rotated.reencryptWithin(renewed)).toBe(renewed);
  });

  it('should keep blind indexes when the first key is removed, given the pinned index key', () => {
    const pinned = FieldCipher.derivedIndexKey(v1.key);

    expect(new FieldCipher([v2], pinned).blindIndex('13800138000')).toBe(new FieldCipher([v1]).blindIndex('13800138000'));
    expect(new FieldCipher([v2]).blindIndex('13800138000')).not.toBe(new FieldCipher([v1]).blindIndex('13800138000'));
  });

  it('should refuse a tampered value', () => {
    const cipher = new FieldCipher([v1]);
    const stored = cipher.encrypt('13800138000');
    const raw = Buffer.from(stored.split(':')[2]!, 'base64');
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);

    expect(() => cipher.decrypt(`enc:v1:${raw.toString('base64')}`)).toThrow();
  });

  it('should give the same blind index for the same value whatever its case and spaces', () => {
    const cipher = new FieldCipher([v1]);

    expect(cipher.blindIndex(' 11010119900307851x')).toBe(cipher.blindIndex('11010119900307851X'));
    expect(cipher.blindIndex('a')).not.toBe(cipher.blindIndex('b'));
  });
});

describe('personal data masking', () => {
  it('should mask ID numbers, mobiles, emails and passwords, and show names and addresses', () => {
    expect(maskPersonalValue('certificate_number', '110101199003078515')).toBe('1101**********8515');
    expect(maskPersonalValue('password', 'Abc12345')).toBe('******');
    expect(maskPersonalValue('person_name', '张三')).toBe('张三');
    expect(maskPersonalValue('mobile', '13800138000')).toBe('138****8000');
    expect(maskPersonalValue('email', 'zhangsan@example.com')).toBe('z***@example.com');
  });

  it('should hide the whole MIIT filing password, its length included, when masking', () => {
    expect(maskPersonalValue('password', 'Miit-8812')).toBe('******');
    expect(mapPersonalData({ subject: { filingPassword: 'ab' } }, maskPersonalValue)).toEqual({ subject: { filingPassword: '******' } });
  });

  it('should reach every marked field at any depth by its path, and leave unmarked fields alone', () => {
    const tree = {
      subject: { name: '张三', certificateNumber: 'ID', regionCode: '110101' },
      websites: [{ name: '我的网站', principal: { mobile: 'M', name: '李四' }, domainHolders: [{ holderCertificateNumber: 'H' }] }],
    };

    expect(mapPersonalData(tree, (k, v) => `<${k}:${v}>`)).toEqual({
      subject: { name: '<person_name:张三>', certificateNumber: '<certificate_number:ID>', regionCode: '110101' },
      websites: [
        {
          name: '我的网站',
          principal: { mobile: '<mobile:M>', name: '<person_name:李四>' },
          domainHolders: [{ holderCertificateNumber: '<certificate_number:H>' }],
        },
      ],
    });
  });

  it('should find the marks of one section when given its name', () => {
    expect(mapPersonalData({ mobile: 'M', validTo: '2030-01-01' }, (k, v) => `<${k}:${v}>`, 'subjectPrincipal')).toEqual({
      mobile: '<mobile:M>',
      validTo: '2030-01-01',
    });
  });
});
