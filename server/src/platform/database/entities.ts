import { SessionEntity } from '../../auth/session.entity';
import { UserEntity } from '../../auth/user.entity';
import { FilingOrderEntity } from '../../orders/filing-order.entity';
import { OrderDraftSectionEntity } from '../../orders/order-draft-section.entity';
import { OrderHistoryEntity } from '../../orders/order-history.entity';
import { JobEntity } from '../../jobs/job.entity';
import { MessageDeliveryEntity } from '../../notifications/message-delivery.entity';
import { MessageEntity } from '../../notifications/message.entity';
import { SubscribeGrantEntity } from '../../notifications/subscribe-grant.entity';
import { OutboxMessageEntity } from '../../outbox/outbox-message.entity';
import { IdempotencyRecordEntity } from '../http/idempotency-record.entity';

export const ENTITIES = [
  UserEntity,
  SessionEntity,
  FilingOrderEntity,
  OrderDraftSectionEntity,
  OrderHistoryEntity,
  OutboxMessageEntity,
  IdempotencyRecordEntity,
  JobEntity,
  MessageEntity,
  MessageDeliveryEntity,
  SubscribeGrantEntity,
];
