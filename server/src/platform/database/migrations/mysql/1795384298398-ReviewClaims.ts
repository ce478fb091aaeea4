import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReviewClaims1795384298398 implements MigrationInterface {
  name = 'ReviewClaims1795384298398';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`review_claims\` (\`id\` int NOT NULL AUTO_INCREMENT, \`order_id\` varchar(36) NOT NULL, \`reviewer_id\` varchar(36) NOT NULL, \`claimed_at\` datetime(3) NOT NULL, INDEX \`IDX_f95a58ffecb1d69b9aa24b06d7\` (\`order_id\`, \`claimed_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_f95a58ffecb1d69b9aa24b06d7\` ON \`review_claims\``);
    await queryRunner.query(`DROP TABLE \`review_claims\``);
  }
}
