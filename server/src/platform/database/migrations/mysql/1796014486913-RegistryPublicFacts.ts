import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RegistryPublicFacts1796014486913 implements MigrationInterface {
  name = 'RegistryPublicFacts1796014486913';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`registry_sim_filings\` ADD \`subject_name\` varchar(128) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE \`registry_sim_filings\` ADD \`subject_nature\` varchar(32) NOT NULL DEFAULT 'enterprise'`);
    await queryRunner.query(`ALTER TABLE \`registry_sim_filings\` ADD \`service_name\` varchar(128) NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_133b4adb02cdc1ce75dc4b664a\` ON \`registry_sim_filings\` (\`subject_icp_number\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_133b4adb02cdc1ce75dc4b664a\` ON \`registry_sim_filings\``);
    await queryRunner.query(`ALTER TABLE \`registry_sim_filings\` DROP COLUMN \`service_name\``);
    await queryRunner.query(`ALTER TABLE \`registry_sim_filings\` DROP COLUMN \`subject_nature\``);
    await queryRunner.query(`ALTER TABLE \`registry_sim_filings\` DROP COLUMN \`subject_name\``);
  }
}
