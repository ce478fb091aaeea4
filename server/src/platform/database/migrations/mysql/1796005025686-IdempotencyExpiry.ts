import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyExpiry1796005025686 implements MigrationInterface {
  name = 'IdempotencyExpiry1796005025686';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`IDX_idempotency_records_created_at\` ON \`idempotency_records\` (\`created_at\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_idempotency_records_created_at\` ON \`idempotency_records\``);
  }
}
