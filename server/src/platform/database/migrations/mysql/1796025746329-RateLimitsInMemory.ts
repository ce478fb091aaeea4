import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (the generator does not compare engines): rate-limit counters in a MEMORY table, so counting a
 * request costs no durable commit (InnoDB flushes its log on every commit). Counters are lost when the database
 * restarts, which only reopens the windows. The table may grow to 256 MB here (the global max_heap_table_size after
 * a restart); a full table leaves requests uncounted, never refused.
 */
export class RateLimitsInMemory1796025746329 implements MigrationInterface {
  name = 'RateLimitsInMemory1796025746329';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('SET SESSION max_heap_table_size = 268435456');
    await queryRunner.query('ALTER TABLE `rate_limit_windows` ENGINE = MEMORY');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `rate_limit_windows` ENGINE = InnoDB');
  }
}
