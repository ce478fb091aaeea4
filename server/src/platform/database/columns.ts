import { Column, type ColumnOptions } from 'typeorm';

/**
 * Column types that mean the same on SQLite and MySQL/MariaDB. Times keep milliseconds so the history of an
 * order sorts in the order it happened, and are always set from the Clock port (no database defaults).
 */
export const TimeColumn = (options: ColumnOptions = {}) => Column({ type: 'datetime', precision: 3, ...options });
export const IdColumn = { type: 'varchar', length: 36 } as const;

type Dialect = 'sqlite' | 'mysql' | 'mariadb';
let largeTextType: 'text' | 'mediumtext' = 'mediumtext';

/** Set by `dataSourceOptions` for the data source about to be built: the type `LargeTextColumn` means there. */
export function useLargeTextFor(dialect: Dialect): void {
  largeTextType = dialect === 'sqlite' ? 'text' : 'mediumtext';
}

/**
 * Text that can outgrow MySQL's TEXT (64 KB): sealed drafts, snapshots, replayed answers. MEDIUMTEXT (16 MB) on
 * MySQL/MariaDB; SQLite's TEXT has no such limit. The type is read when the data source builds its metadata.
 */
export const LargeTextColumn = (options: Omit<ColumnOptions, 'type'> = {}) =>
  Column({
    ...options,
    get type() {
      return largeTextType;
    },
  });
