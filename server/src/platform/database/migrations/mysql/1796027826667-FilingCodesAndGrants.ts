import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FilingCodesAndGrants1796027826667 implements MigrationInterface {
  name = 'FilingCodesAndGrants1796027826667';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`filing_codes\` (\`id\` varchar(36) NOT NULL, \`kind\` varchar(16) NOT NULL, \`code\` varchar(32) NOT NULL, \`instance_id\` varchar(64) NULL, \`public_ip\` varchar(45) NULL, \`owner_user_id\` varchar(36) NOT NULL, \`holder_user_id\` varchar(36) NOT NULL, \`state\` varchar(16) NOT NULL, \`order_id\` varchar(36) NULL, \`remark\` varchar(100) NULL, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, INDEX \`IDX_a40b101cc5a0135c5c8c7fd926\` (\`order_id\`), INDEX \`IDX_5ce994f10d26b3da123f960a97\` (\`instance_id\`), INDEX \`IDX_2236fcacff58fcc15ad21ebd00\` (\`holder_user_id\`, \`kind\`), INDEX \`IDX_e013f8e06b83aecb5269babb36\` (\`owner_user_id\`, \`kind\`), UNIQUE INDEX \`IDX_527365a8bf7aa954ba74c56a71\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`service_code_grants\` (\`id\` varchar(36) NOT NULL, \`grantor_user_id\` varchar(36) NOT NULL, \`receiver_user_id\` varchar(36) NOT NULL, \`year\` int NOT NULL, \`count\` int NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_e5a5aca90281bd7ff0ad02835f\` (\`receiver_user_id\`, \`year\`), INDEX \`IDX_93ad2b762bca8a3eea05439ed9\` (\`grantor_user_id\`, \`year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`simulated_server_instances\` (\`instance_id\` varchar(64) NOT NULL, \`owner_user_id\` varchar(36) NOT NULL, \`public_ip\` varchar(45) NOT NULL, \`refunded_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_11410fba606c059d7291eadde8\` (\`owner_user_id\`), PRIMARY KEY (\`instance_id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_11410fba606c059d7291eadde8\` ON \`simulated_server_instances\``);
    await queryRunner.query(`DROP TABLE \`simulated_server_instances\``);
    await queryRunner.query(`DROP INDEX \`IDX_93ad2b762bca8a3eea05439ed9\` ON \`service_code_grants\``);
    await queryRunner.query(`DROP INDEX \`IDX_e5a5aca90281bd7ff0ad02835f\` ON \`service_code_grants\``);
    await queryRunner.query(`DROP TABLE \`service_code_grants\``);
    await queryRunner.query(`DROP INDEX \`IDX_527365a8bf7aa954ba74c56a71\` ON \`filing_codes\``);
    await queryRunner.query(`DROP INDEX \`IDX_e013f8e06b83aecb5269babb36\` ON \`filing_codes\``);
    await queryRunner.query(`DROP INDEX \`IDX_2236fcacff58fcc15ad21ebd00\` ON \`filing_codes\``);
    await queryRunner.query(`DROP INDEX \`IDX_5ce994f10d26b3da123f960a97\` ON \`filing_codes\``);
    await queryRunner.query(`DROP INDEX \`IDX_a40b101cc5a0135c5c8c7fd926\` ON \`filing_codes\``);
    await queryRunner.query(`DROP TABLE \`filing_codes\``);
  }
}
