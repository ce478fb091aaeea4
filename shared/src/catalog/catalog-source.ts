/** Where a catalog entry comes from and the date the source was read or took effect (ISO yyyy-mm-dd). */
export interface CatalogSource {
  source: string;
  date: string;
}

export type Sourced<T> = T & CatalogSource;

/** Stamps one source on every entry of a list, so each entry can still say where it comes from. */
export function withSource<T extends object>(origin: CatalogSource, entries: readonly T[]): readonly Sourced<T>[] {
  return entries.map((entry) => ({ ...entry, source: origin.source, date: origin.date }));
}
