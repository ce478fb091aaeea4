import { Entity, PrimaryColumn } from 'typeorm';
import { IdColumn, LargeTextColumn, TimeColumn } from '../platform/database/columns';

/** One top-level part of a draft (subject, subjectPrincipal, websites …) as JSON with personal data encrypted. */
@Entity('order_draft_sections')
export class OrderDraftSectionEntity {
  @PrimaryColumn({ name: 'order_id', ...IdColumn })
  orderId: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  section: string;

  @LargeTextColumn()
  data: string;

  @TimeColumn({ name: 'updated_at' })
  updatedAt: Date;
}
