import fc from 'fast-check';
import { mergeSections } from '../../src/utils/draft-merge.util';
import { getAt, setAt, type DraftTree } from '../../src/utils/draft-path.util';

/** The fields the generated drafts use: a few leaves in two sections, lists included. */
const PATHS = ['subject.name', 'subject.communicationAddress', 'subject.remark', 'websites.0.name', 'websites.0.domains.0'] as const;
const SECTIONS = ['subject', 'websites'] as const;

type Value = string | undefined;
/** One generated field: its value in the base copy, on this device and on the server. */
interface FieldSides {
  base: Value;
  mine: Value;
  server: Value;
}

const value = fc.option(fc.constantFrom('甲', '乙', '丙'), { nil: undefined });
const sides = fc.record({ base: value, mine: value, server: value });
const scenario = fc.record(Object.fromEntries(PATHS.map((path) => [path, sides])) as Record<(typeof PATHS)[number], typeof sides>);

function tree(fields: Record<string, FieldSides>, side: keyof FieldSides): DraftTree {
  let draft: DraftTree = {};
  for (const [path, values] of Object.entries(fields)) if (values[side] !== undefined) draft = setAt(draft, path, values[side]);
  return draft;
}

function drafts(fields: Record<string, FieldSides>) {
  return { mine: tree(fields, 'mine'), base: tree(fields, 'base'), server: tree(fields, 'server') };
}

describe('mergeSections', () => {
  it("should keep this device's edit when the server left that field as it was", () => {
    fc.assert(
      fc.property(scenario, (fields) => {
        const { mine, base, server } = drafts(fields);
        const { merged, fields: conflicts } = mergeSections(mine, base, server, SECTIONS);
        for (const [path, f] of Object.entries(fields)) {
          if (f.server !== f.base || f.mine === undefined || f.mine === f.base) continue;
          expect(getAt(merged, path)).toBe(f.mine);
          expect(conflicts.map((c) => c.path)).not.toContain(path);
        }
      }),
    );
  });

  it("should take the server's value when this device left the field as it was", () => {
    fc.assert(
      fc.property(scenario, (fields) => {
        const { mine, base, server } = drafts(fields);
        const { merged } = mergeSections(mine, base, server, SECTIONS);
        for (const [path, f] of Object.entries(fields)) if (f.mine === f.base) expect(getAt(merged, path)).toBe(f.server);
      }),
    );
  });

  it('should report exactly the fields changed on both sides to different values, with both values', () => {
    fc.assert(
      fc.property(scenario, (fields) => {
        const { mine, base, server } = drafts(fields);
        const expected = Object.entries(fields)
          .filter(([, f]) => f.mine !== f.base && f.server !== f.base && f.mine !== f.server)
          .map(([path, f]) => ({ path, mine: f.mine, server: f.server }));
        const { fields: conflicts } = mergeSections(mine, base, server, SECTIONS);
        expect(conflicts).toEqual(expect.arrayContaining(expected));
        expect(conflicts).toHaveLength(expected.length);
      }),
    );
  });

  it('should change nothing when a merged draft is merged again against the same server copy', () => {
    fc.assert(
      fc.property(scenario, (fields) => {
        const { mine, base, server } = drafts(fields);
        const once = mergeSections(mine, base, server, SECTIONS);
        const twice = mergeSections(once.merged, server, server, SECTIONS);
        expect(twice.fields).toEqual([]);
        expect(twice.merged).toEqual(once.merged);
      }),
    );
  });

  it("should answer the server's copy with no conflict when this device changed nothing", () => {
    fc.assert(
      fc.property(scenario, (fields) => {
        const { base, server } = drafts(fields);
        expect(mergeSections(base, base, server, SECTIONS)).toEqual({ merged: server, fields: [] });
      }),
    );
  });

  it('should take sections not listed as changed from the server as they are', () => {
    const mine = { subject: { name: '本机' }, websites: [{ name: '本机的网站' }] };
    const server = { subject: { name: '服务器' }, websites: [{ name: '服务器的网站' }] };

    const { merged, fields } = mergeSections(mine, {}, server, ['subject']);

    expect(merged.websites).toEqual([{ name: '服务器的网站' }]);
    expect(fields).toEqual([{ path: 'subject.name', mine: '本机', server: '服务器' }]);
  });

  it('should keep edits on both sides of one list item when they touch different fields', () => {
    const base = { websites: [{ name: '旧名称', domains: ['old.example.com'] }] };
    const mine = { websites: [{ name: '新名称', domains: ['old.example.com'] }] };
    const server = { websites: [{ name: '旧名称', domains: ['new.example.com'] }] };

    expect(mergeSections(mine, base, server, ['websites'])).toEqual({ merged: { websites: [{ name: '新名称', domains: ['new.example.com'] }] }, fields: [] });
  });
});
