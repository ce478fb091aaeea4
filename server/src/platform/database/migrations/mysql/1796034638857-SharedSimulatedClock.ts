import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SharedSimulatedClock1796034638857 implements MigrationInterface {
  name = 'SharedSimulatedClock1796034638857';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`clock_offsets\` (\`name\` varchar(32) NOT NULL, \`offset_ms\` bigint NOT NULL, PRIMARY KEY (\`name\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`clock_offsets\``);
  }
}
