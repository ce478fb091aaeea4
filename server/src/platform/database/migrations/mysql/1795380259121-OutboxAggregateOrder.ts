import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxAggregateOrder1795380259121 implements MigrationInterface {
  name = 'OutboxAggregateOrder1795380259121';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`registry_sim_filings\` (\`id\` int NOT NULL AUTO_INCREMENT, \`subject_index\` varchar(64) NOT NULL, \`subject_icp_number\` varchar(40) NOT NULL, \`service_key\` varchar(270) NULL, \`service_icp_number\` varchar(40) NULL, \`provider\` varchar(64) NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_409b5560cd4d2f3be5a9b5eda3\` (\`service_key\`), INDEX \`IDX_ab2e4eaad1328b2006c1f1e72c\` (\`subject_index\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`filing_orders\` ADD \`subject_index\` varchar(64) NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_896ff7cfbca23a19d4b3d4a3f6\` ON \`filing_orders\` (\`subject_index\`, \`status\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_fdf08a0257b2256999b81e0991\` ON \`outbox_messages\` (\`aggregate_id\`, \`status\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_fdf08a0257b2256999b81e0991\` ON \`outbox_messages\``);
    await queryRunner.query(`DROP INDEX \`IDX_896ff7cfbca23a19d4b3d4a3f6\` ON \`filing_orders\``);
    await queryRunner.query(`ALTER TABLE \`filing_orders\` DROP COLUMN \`subject_index\``);
    await queryRunner.query(`DROP INDEX \`IDX_ab2e4eaad1328b2006c1f1e72c\` ON \`registry_sim_filings\``);
    await queryRunner.query(`DROP INDEX \`IDX_409b5560cd4d2f3be5a9b5eda3\` ON \`registry_sim_filings\``);
    await queryRunner.query(`DROP TABLE \`registry_sim_filings\``);
  }
}
