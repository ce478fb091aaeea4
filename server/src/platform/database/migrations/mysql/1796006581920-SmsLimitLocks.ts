import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SmsLimitLocks1796006581920 implements MigrationInterface {
  name = 'SmsLimitLocks1796006581920';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`sms_limit_locks\` (\`lock_key\` varchar(80) NOT NULL, \`touched\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`lock_key\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`sms_limit_locks\``);
  }
}
