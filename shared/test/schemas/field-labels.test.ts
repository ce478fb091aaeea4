import { draftSchema, fieldLabel } from '../../src/schemas';

type SchemaNode = { _zod: { def: { type: string; shape?: Record<string, SchemaNode>; innerType?: SchemaNode; element?: SchemaNode } } };

/** Every field path of the draft schema, with index 0 for list items. */
function draftPaths(node: SchemaNode, path = ''): string[] {
  const def = node._zod.def;
  if (def.innerType) return draftPaths(def.innerType, path);
  if (def.type === 'array' && def.element) return [path, ...draftPaths(def.element, `${path}.0`)];
  if (def.type === 'object' && def.shape) {
    return Object.entries(def.shape).flatMap(([key, child]) => draftPaths(child, path ? `${path}.${key}` : key));
  }
  return [path];
}

describe('fieldLabel', () => {
  it('should name every field of the draft in Chinese when given its path', () => {
    const paths = draftPaths(draftSchema as unknown as SchemaNode);
    expect(paths.length).toBeGreaterThan(60);
    const untranslated = paths.filter((path) => /[a-z]/.test(fieldLabel(path)));
    expect(untranslated).toEqual([]);
  });

  it('should number list items and tell names apart by their parent', () => {
    expect(fieldLabel('websites.1.principal.mobile')).toBe('网站2 · 负责人 · 手机号码');
    expect(fieldLabel('websites.0.name')).toBe('网站1 · 网站名称');
    expect(fieldLabel('subjectPrincipal.name')).toBe('主体负责人 · 姓名');
    expect(fieldLabel('apps.0.packages.1.fingerprint')).toBe('APP1 · APP特征2 · 签名指纹');
    expect(fieldLabel('websites.0.domains.2')).toBe('网站1 · 域名3');
  });
});
