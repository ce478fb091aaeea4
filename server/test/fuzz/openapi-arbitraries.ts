import fc from 'fast-check';

/** The parts of a JSON Schema (2020-12, as the OpenAPI document holds them) the generator reads. */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  maxLength?: number;
  maxItems?: number;
}

export interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: 'path' | 'query' | 'header' }[];
  body: JsonSchema | null;
}

/** Strings a careless server trips on: empty, huge, control characters, injection, broken encodings, numbers as text. */
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '%', '%zz', '../..', "' OR 1=1 --", '<script>', '0', '-1', '1e309', 'null', '{}', '[]', '𠮷'.repeat(30)),
  fc.integer({ min: 1, max: 4000 }).map((n) => 'x'.repeat(n)),
);

const nastyNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, Number.MAX_VALUE, -Number.MAX_VALUE),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A value for `schema` that is often almost right and sometimes anything at all. */
export function nearly(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const anything = fc.jsonValue({ maxDepth: 2 });
  if (!schema || depth > 5) return anything;
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants?.length) return fc.oneof(...variants.map((variant) => nearly(variant, depth + 1)), anything);
  const right = ((): fc.Arbitrary<unknown> => {
    if (schema.enum) return fc.constantFrom(...schema.enum);
    switch (schema.type) {
      case 'string':
        return nastyString;
      case 'integer':
      case 'number':
        return nastyNumber;
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(nearly(schema.items, depth + 1), { maxLength: (schema.maxItems ?? 4) + 2 });
      case 'object': {
        const keys = Object.keys(schema.properties ?? {});
        const shape = Object.fromEntries(keys.map((key) => [key, nearly(schema.properties![key], depth + 1)]));
        return fc
          .tuple(fc.record(shape, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 8 }), anything, { maxKeys: 2 }))
          .map(([known, extra]) => ({ ...extra, ...known }));
      }
      default:
        return anything;
    }
  })();
  return fc.oneof({ weight: 4, arbitrary: right }, { weight: 1, arbitrary: anything });
}

export type Body = { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; contentType: string } | { kind: 'none' };

export function bodyFor(operation: Operation): fc.Arbitrary<Body> {
  const raw = fc.record({
    kind: fc.constant('raw' as const),
    text: fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('{', '{"a":', '[1,2', 'null', '"x"', '{"version":1e999}')),
    contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'),
  });
  const json = nearly(operation.body ?? undefined).map((value) => ({ kind: 'json' as const, value }));
  return fc.oneof({ weight: 6, arbitrary: json }, { weight: 2, arbitrary: raw }, { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) });
}

/** A path parameter: a real id the callers own some of the time, otherwise anything, encoded or not. */
export function pathValue(known: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...known) },
    { weight: 3, arbitrary: nastyString.map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%E0%A4%A', '..%2F..%2Fetc', 'a%00b') },
  );
}

/** A query string: the declared parameters (repeated at times) and stray ones, with nasty values. */
export function queryFor(operation: Operation): fc.Arbitrary<string> {
  const declared = operation.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const name = declared.length ? fc.oneof(fc.constantFrom(...declared), fc.string({ maxLength: 6 })) : fc.string({ maxLength: 6 });
  return fc
    .array(fc.tuple(name, nastyString), { maxLength: 4 })
    .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
}

export function headersFor(operation: Operation): fc.Arbitrary<Record<string, string>> {
  const declared = operation.parameters.filter((p) => p.in === 'header').map((p) => p.name);
  const printable = fc.string({ maxLength: 120 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));
  return fc.dictionary(declared.length ? fc.constantFrom(...declared) : fc.constant('x-fuzz'), printable, { maxKeys: declared.length ? 2 : 1 });
}
