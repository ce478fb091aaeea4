import { Column, type ColumnOptions } from 'typeorm';

/**
 * Column types that mean the same on SQLite and MySQL/MariaDB. Times keep milliseconds so the history of an
 * order sorts in the order it happened, and are always set from the Clock port (no database defaults).
 */
export const TimeColumn = (options: ColumnOptions = {}) => Column({ type: 'datetime', precision: 3, ...options });
export const IdColumn = { type: 'varchar', length: 36 } as const;
