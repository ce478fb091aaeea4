import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestIds1796005125692 implements MigrationInterface {
  name = 'RequestIds1796005125692';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`jobs\` ADD \`request_id\` varchar(64) NULL`);
    await queryRunner.query(`ALTER TABLE \`outbox_messages\` ADD \`request_id\` varchar(64) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`outbox_messages\` DROP COLUMN \`request_id\``);
    await queryRunner.query(`ALTER TABLE \`jobs\` DROP COLUMN \`request_id\``);
  }
}
