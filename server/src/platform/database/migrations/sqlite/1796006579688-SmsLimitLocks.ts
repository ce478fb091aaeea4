import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SmsLimitLocks1796006579688 implements MigrationInterface {
  name = 'SmsLimitLocks1796006579688';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sms_limit_locks" ("lock_key" varchar(80) PRIMARY KEY NOT NULL, "touched" integer NOT NULL DEFAULT (0))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sms_limit_locks"`);
  }
}
