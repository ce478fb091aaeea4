import type { MigrationInterface, QueryRunner } from 'typeorm';

/** MODIFY, not the generator's DROP and ADD: the rows keep their values. */
export class LargeTextColumns1796025746328 implements MigrationInterface {
  name = 'LargeTextColumns1796025746328';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`order_draft_sections\` MODIFY \`data\` mediumtext NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`idempotency_records\` MODIFY \`response\` mediumtext NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`review_decisions\` MODIFY \`snapshot\` mediumtext NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`filing_versions\` MODIFY \`before\` mediumtext NULL`);
    await queryRunner.query(`ALTER TABLE \`filing_versions\` MODIFY \`after\` mediumtext NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`filing_versions\` MODIFY \`after\` text NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`filing_versions\` MODIFY \`before\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`review_decisions\` MODIFY \`snapshot\` text NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`idempotency_records\` MODIFY \`response\` text NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`order_draft_sections\` MODIFY \`data\` text NOT NULL`);
  }
}
