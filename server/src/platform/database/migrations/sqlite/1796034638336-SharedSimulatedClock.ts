import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SharedSimulatedClock1796034638336 implements MigrationInterface {
  name = 'SharedSimulatedClock1796034638336';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "clock_offsets" ("name" varchar(32) PRIMARY KEY NOT NULL, "offset_ms" bigint NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "clock_offsets"`);
  }
}
