import { domainToAscii, punycodeEncode } from '../../src/validate/punycode';

describe('punycodeEncode', () => {
  it.each([
    ['中国', 'fiqs8s'],
    ['例子', 'fsqu00a'],
    ['测试', '0zwm56d'],
    ['中文', 'fiq228c'],
    ['公益', '55qw42g'],
    ['政务', 'zfr164b'],
    ['bücher', 'bcher-kva'],
    ['他们为什么不说中文', 'ihqwcrb4cv8a8dqg056pqjye'],
  ])('should encode %s as %s when given a Unicode label', (label, expected) => {
    expect(punycodeEncode(label)).toBe(expected);
  });
});

describe('domainToAscii', () => {
  it('should convert every non-ASCII label and keep ASCII ones when the domain mixes both', () => {
    expect(domainToAscii('www.例子.中国')).toBe('www.xn--fsqu00a.xn--fiqs8s');
  });

  it('should map full-width letters and ideographic dots when typed with a Chinese keyboard', () => {
    expect(domainToAscii('ＷＷＷ。Example．com')).toBe('www.example.com');
  });
});
