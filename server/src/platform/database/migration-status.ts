import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Which of the migrations this build ships are not applied to the database yet. Read from TypeORM's `migrations`
 * table without creating it (a database nobody migrated is simply not ready). Once everything is applied the
 * answer is kept: migrations are never un-applied under a running server.
 */
@Injectable()
export class MigrationStatus {
  private allApplied = false;

  constructor(private readonly dataSource: DataSource) {}

  async pending(): Promise<string[]> {
    if (this.allApplied) return [];
    const shipped = this.dataSource.migrations.map((m) => m.name ?? m.constructor.name);
    const table = this.dataSource.options.migrationsTableName ?? 'migrations';
    let applied: Set<string>;
    try {
      const rows = (await this.dataSource.query(`SELECT name FROM ${table}`)) as { name: string }[];
      applied = new Set(rows.map((r) => r.name));
    } catch {
      return shipped;
    }
    const pending = shipped.filter((name) => !applied.has(name));
    this.allApplied = pending.length === 0;
    return pending;
  }
}
