import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RateLimitWindows1796013910117 implements MigrationInterface {
  name = 'RateLimitWindows1796013910117';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`rate_limit_windows\` (\`bucket\` varchar(64) NOT NULL, \`window_index\` int NOT NULL, \`hits\` int NOT NULL, \`expires_at\` datetime(3) NOT NULL, INDEX \`IDX_rate_limit_windows_expires_at\` (\`expires_at\`), PRIMARY KEY (\`bucket\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_rate_limit_windows_expires_at\` ON \`rate_limit_windows\``);
    await queryRunner.query(`DROP TABLE \`rate_limit_windows\``);
  }
}
