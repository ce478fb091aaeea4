import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRejectionFacts1796026243177 implements MigrationInterface {
  name = 'AddRejectionFacts1796026243177';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`rejection_facts\` (\`id\` int NOT NULL AUTO_INCREMENT, \`province\` varchar(2) NULL, \`subject_type\` varchar(16) NOT NULL, \`nature\` varchar(32) NULL, \`kind\` varchar(32) NOT NULL, \`service_type\` varchar(16) NOT NULL, \`field\` varchar(120) NOT NULL, \`area\` varchar(32) NOT NULL, \`reason\` varchar(500) NOT NULL, \`suggestion\` varchar(500) NOT NULL, \`missed\` tinyint NOT NULL, \`rejected_at\` datetime(3) NOT NULL, INDEX \`IDX_82b0ae2703a047fbc0c292326c\` (\`kind\`, \`province\`, \`nature\`, \`rejected_at\`), INDEX \`IDX_62c72b7af72ee397a8cdea6e77\` (\`missed\`, \`rejected_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_62c72b7af72ee397a8cdea6e77\` ON \`rejection_facts\``);
    await queryRunner.query(`DROP INDEX \`IDX_82b0ae2703a047fbc0c292326c\` ON \`rejection_facts\``);
    await queryRunner.query(`DROP TABLE \`rejection_facts\``);
  }
}
