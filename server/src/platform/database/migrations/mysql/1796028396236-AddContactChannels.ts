import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddContactChannels1796028396236 implements MigrationInterface {
  name = 'AddContactChannels1796028396236';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`result_channel_optouts\` (\`user_id\` varchar(36) NOT NULL, \`channel\` varchar(8) NOT NULL, \`created_at\` datetime(3) NOT NULL, PRIMARY KEY (\`user_id\`, \`channel\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`accounts\` ADD \`mobile\` varchar(255) NULL`);
    await queryRunner.query(`ALTER TABLE \`accounts\` ADD \`mobile_index\` varchar(64) NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_72b9f35b4469fea5a0e7cdeffc\` ON \`accounts\` (\`mobile_index\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_72b9f35b4469fea5a0e7cdeffc\` ON \`accounts\``);
    await queryRunner.query(`ALTER TABLE \`accounts\` DROP COLUMN \`mobile_index\``);
    await queryRunner.query(`ALTER TABLE \`accounts\` DROP COLUMN \`mobile\``);
    await queryRunner.query(`DROP TABLE \`result_channel_optouts\``);
  }
}
