import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FilingRecord1796014146296 implements MigrationInterface {
  name = 'FilingRecord1796014146296';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`filing_access_records\` (\`id\` int NOT NULL AUTO_INCREMENT, \`service_id\` varchar(36) NOT NULL, \`provider\` varchar(64) NOT NULL, \`since\` datetime(3) NOT NULL, \`ended_at\` datetime(3) NULL, \`resource\` text NULL, INDEX \`IDX_375e1ef9e845403e839ffe7fc4\` (\`service_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`filing_services\` (\`id\` varchar(36) NOT NULL, \`subject_id\` varchar(36) NOT NULL, \`service_type\` varchar(16) NOT NULL, \`service_icp_number\` varchar(48) NOT NULL, \`seq\` int NOT NULL, \`name\` varchar(128) NOT NULL, \`domains\` text NOT NULL, \`home_url\` varchar(512) NULL, \`packages\` text NOT NULL, \`details\` text NOT NULL, \`principal\` text NOT NULL, \`resource\` text NULL, \`state\` varchar(16) NOT NULL, \`approved_at\` datetime(3) NOT NULL, \`changed_at\` datetime(3) NOT NULL, INDEX \`IDX_22fa606db92818adc7b62e56a3\` (\`subject_id\`, \`state\`), UNIQUE INDEX \`IDX_610a3aac78fd1a0a863b6df271\` (\`service_icp_number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`filing_service_keys\` (\`service_id\` varchar(36) NOT NULL, \`service_key\` varchar(270) NOT NULL, INDEX \`IDX_6dbd0c3add92ea4ded0265e2eb\` (\`service_key\`), PRIMARY KEY (\`service_id\`, \`service_key\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`filing_subjects\` (\`id\` varchar(36) NOT NULL, \`owner_id\` varchar(36) NOT NULL, \`subject_icp_number\` varchar(40) NOT NULL, \`province_code\` varchar(2) NOT NULL, \`region_code\` varchar(6) NOT NULL, \`nature\` varchar(32) NOT NULL, \`certificate_type\` varchar(32) NOT NULL, \`certificate_number\` varchar(255) NOT NULL, \`certificate_index\` varchar(64) NOT NULL, \`name\` varchar(128) NOT NULL, \`details\` text NOT NULL, \`principal\` text NOT NULL, \`origin\` varchar(16) NOT NULL, \`state\` varchar(16) NOT NULL, \`max_service_seq\` int NOT NULL, \`version\` int NOT NULL, \`approved_at\` datetime(3) NOT NULL, \`changed_at\` datetime(3) NOT NULL, INDEX \`IDX_1f05509420bae3226c19a2ad25\` (\`certificate_index\`, \`state\`), INDEX \`IDX_bfee438e86499e065c515fe845\` (\`owner_id\`, \`state\`), UNIQUE INDEX \`IDX_bd709feb5db3ae10271330e653\` (\`subject_icp_number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`filing_versions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`subject_id\` varchar(36) NOT NULL, \`order_id\` varchar(36) NOT NULL, \`kind\` varchar(32) NOT NULL, \`before\` text NULL, \`after\` text NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_da3df9ff8e2b3850e9c9b9c6aa\` (\`subject_id\`, \`id\`), UNIQUE INDEX \`IDX_eb042f083d34344dd18130a6b1\` (\`order_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`filing_orders\` ADD \`subject_id\` varchar(36) NULL`);
    await queryRunner.query(`ALTER TABLE \`filing_orders\` ADD \`service_ids\` text NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_1db3ec4a2efaeaefec2aa41a8f\` ON \`filing_orders\` (\`subject_id\`, \`status\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_1db3ec4a2efaeaefec2aa41a8f\` ON \`filing_orders\``);
    await queryRunner.query(`ALTER TABLE \`filing_orders\` DROP COLUMN \`service_ids\``);
    await queryRunner.query(`ALTER TABLE \`filing_orders\` DROP COLUMN \`subject_id\``);
    await queryRunner.query(`DROP INDEX \`IDX_eb042f083d34344dd18130a6b1\` ON \`filing_versions\``);
    await queryRunner.query(`DROP INDEX \`IDX_da3df9ff8e2b3850e9c9b9c6aa\` ON \`filing_versions\``);
    await queryRunner.query(`DROP TABLE \`filing_versions\``);
    await queryRunner.query(`DROP INDEX \`IDX_bd709feb5db3ae10271330e653\` ON \`filing_subjects\``);
    await queryRunner.query(`DROP INDEX \`IDX_bfee438e86499e065c515fe845\` ON \`filing_subjects\``);
    await queryRunner.query(`DROP INDEX \`IDX_1f05509420bae3226c19a2ad25\` ON \`filing_subjects\``);
    await queryRunner.query(`DROP TABLE \`filing_subjects\``);
    await queryRunner.query(`DROP INDEX \`IDX_6dbd0c3add92ea4ded0265e2eb\` ON \`filing_service_keys\``);
    await queryRunner.query(`DROP TABLE \`filing_service_keys\``);
    await queryRunner.query(`DROP INDEX \`IDX_610a3aac78fd1a0a863b6df271\` ON \`filing_services\``);
    await queryRunner.query(`DROP INDEX \`IDX_22fa606db92818adc7b62e56a3\` ON \`filing_services\``);
    await queryRunner.query(`DROP TABLE \`filing_services\``);
    await queryRunner.query(`DROP INDEX \`IDX_375e1ef9e845403e839ffe7fc4\` ON \`filing_access_records\``);
    await queryRunner.query(`DROP TABLE \`filing_access_records\``);
  }
}
