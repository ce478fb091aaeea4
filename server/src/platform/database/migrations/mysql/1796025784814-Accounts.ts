import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1796025784814 implements MigrationInterface {
  name = 'Accounts1796025784814';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`accounts\` (\`user_id\` varchar(36) NOT NULL, \`account_number\` varchar(12) NOT NULL, \`account_type\` varchar(8) NOT NULL, \`parent_user_id\` varchar(36) NULL, \`real_name_type\` varchar(16) NULL, \`real_name_name\` varchar(512) NULL, \`real_name_certificate\` varchar(255) NULL, \`real_name_index\` varchar(64) NULL, \`real_name_verified_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_688f562fb9e2514d8cdf99ccf2\` (\`real_name_index\`), UNIQUE INDEX \`IDX_ffd1ae96513bfb2c6eada0f7d3\` (\`account_number\`), PRIMARY KEY (\`user_id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_ffd1ae96513bfb2c6eada0f7d3\` ON \`accounts\``);
    await queryRunner.query(`DROP INDEX \`IDX_688f562fb9e2514d8cdf99ccf2\` ON \`accounts\``);
    await queryRunner.query(`DROP TABLE \`accounts\``);
  }
}
