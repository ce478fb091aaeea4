import { domainToASCII } from 'node:url';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Website rows of `resource_uses` keyed before domains were compared in their ASCII form kept the first domain as typed,
 * lower-cased (`website:中文.cn`, `website:ｅｘａｍｐｌｅ。ｃｎ`); the backfill keyed a service whose first domain is not
 * plain ASCII by another of its domains. Today's key (`serviceKey` of shared) is the first domain's ASCII form
 * (`website:xn--fiq228c.cn`, `website:example.cn`): re-keyed here, a backfilled row from its service's first domain, with
 * the rule as it stands at this migration, so that a 变更 replaces the approved row and the website counts once. Idempotent.
 */
export class RekeyInternationalisedResourceUses1796046654819 implements MigrationInterface {
  name = 'RekeyInternationalisedResourceUses1796046654819';

  async up(queryRunner: QueryRunner): Promise<void> {
    const rows: { id: number | string; service_key: string; domains: string | null }[] = await queryRunner.query(
      `SELECT u.id, u.service_key, s.domains FROM resource_uses u LEFT JOIN filing_services s ON s.id = u.order_id AND s.service_type = 'website'
        WHERE u.service_key LIKE 'website:%'`,
    );
    for (const row of rows) {
      const domain: string = (row.domains && (JSON.parse(row.domains) as string[])[0]) || row.service_key.slice('website:'.length);
      const labels = domain.normalize('NFKC').replace(/[。｡．]/g, '.').replace(/\s/g, '').toLowerCase().split('.');
      const ascii = labels.map((label) => (/^[\x00-\x7f]*$/.test(label) ? label : domainToASCII(label) || label)).join('.');
      const key = `website:${ascii.replace(/\.$/, '')}`.slice(0, 270);
      if (key !== row.service_key) await queryRunner.query('UPDATE resource_uses SET service_key = ? WHERE id = ?', [key, row.id]);
    }
  }

  /** Nothing to undo: the keys as typed were the ones no 变更 or 注销 found, and every build since reads the ASCII form. */
  async down(): Promise<void> {}
}
