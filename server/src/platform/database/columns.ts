import { Column, CreateDateColumn, UpdateDateColumn, type ColumnOptions } from 'typeorm';

/**
 * Column types that mean the same on SQLite and MySQL/MariaDB. Times keep milliseconds so the history of an
 * order sorts in the order it happened.
 */
export const TimeColumn = (options: ColumnOptions = {}) => Column({ type: 'datetime', precision: 3, ...options });
export const CreatedAtColumn = () => CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 });
export const UpdatedAtColumn = () => UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 });
export const IdColumn = { type: 'varchar', length: 36 } as const;
