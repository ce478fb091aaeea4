import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FilingOrdersByStatus1796017656822 implements MigrationInterface {
  name = 'FilingOrdersByStatus1796017656822';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_2817143691cc81067971c52d74" ON "filing_orders" ("status", "submitted_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_2817143691cc81067971c52d74"`);
  }
}
