import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { busyButtonProps } from '../../../components/busy-button.props';
import { useReviewStore } from '../../../stores/review.store';
import { formatChinaTime } from '@beian/shared';
import { ReviewCalls } from '../../components/review-calls';
import { RecordDiff } from '../../components/record-diff';
import { ReviewDiff } from '../../components/review-diff';
import { ReviewFaceChecks } from '../../components/review-face-checks';
import { ReviewFields } from '../../components/review-fields';
import { ReviewMaterials } from '../../components/review-materials';
import './index.scss';

/** 初审 decisions are taken while the order waits for the reviewer. */
const DECIDABLE_STATUS = 'pending_initial_review';

/** A decision cannot be taken back: the reviewer confirms it first. */
async function confirmed(title: string, content: string): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title, content, confirmText: '确定', cancelText: '取消' });
  return confirm;
}

export default function ReviewOrderPage() {
  const { params } = useRouter<{ id?: string }>();
  const id = params.id;
  const order = useReviewStore((state) => (state.order?.orderId === id ? state.order : null));
  const loading = useReviewStore((state) => state.loading);
  const busy = useReviewStore((state) => state.busy);
  const error = useReviewStore((state) => state.error);
  const accessReason = useReviewStore((state) => state.accessReason);
  const rejectedCount = useReviewStore((state) => Object.keys(state.rejections).length);
  const store = useReviewStore.getState();

  useDidShow(() => {
    if (id) void useReviewStore.getState().loadOrder(id);
  });

  if (!id) {
    return (
      <View className='page'>
        <Text className='error-text'>缺少订单编号，请从初审工作台进入</Text>
      </View>
    );
  }

  const decidable = order?.status === DECIDABLE_STATUS;
  return (
    <View className='page staff' id='review-order'>
      {error && (
        <Text className='error-text' id='review-error'>
          {error}
        </Text>
      )}
      {!order && loading && <Text className='hint'>加载中…</Text>}
      {order && (
        <View>
          <View className='card'>
            <Text className='card-title'>
              {order.kindLabel} · {order.subjectType === 'unit' ? '单位' : '个人'} · {order.serviceType === 'app' ? 'APP' : '网站'}
            </Text>
            <Text className='staff-status' id='review-status'>
              {order.statusLabel}
            </Text>
            {order.submittedAt && <Text className='hint'>提交时间 {formatChinaTime(order.submittedAt)}</Text>}
            {order.dueAt && <Text className='hint'>初审截止 {formatChinaTime(order.dueAt)}</Text>}
            {order.claim && (
              <Text className='hint' id='review-claim'>
                已由 {order.claim.reviewerName} 于 {formatChinaTime(order.claim.claimedAt)} 领取，申请人不能再撤回修改
              </Text>
            )}
            {decidable && !order.claim && (
              <Button className='btn-primary' id='claim' {...busyButtonProps(busy)} onClick={() => void store.claim()}>
                领取审核
              </Button>
            )}
            <View className='field'>
              <Text className='field-label'>调阅原因（查看个人信息、材料和视频时记录在审计日志中）</Text>
              <Input
                className='field-input'
                id='access-reason'
                placeholder='如：初审核对证件信息'
                value={accessReason}
                onInput={(event) => store.setAccessReason(event.detail.value)}
              />
            </View>
          </View>
          {order.recordChanges && <RecordDiff changes={order.recordChanges} />}
          {order.changes && <ReviewDiff changes={order.changes} lastRejections={order.lastRejections} />}
          <ReviewFields order={order} decidable={decidable} />
          <ReviewMaterials materials={order.materials} />
          <ReviewFaceChecks checks={order.faceChecks} decidable={decidable} />
          <ReviewCalls order={order} decidable={decidable} />
          {decidable && (
            <View className='card' id='review-decision'>
              <Text className='card-title'>初审结论</Text>
              <Text className='hint'>驳回时，请在上方“申请信息”中点击需要修改字段的“驳回”，并填写原因和修改建议。</Text>
              <View className='staff-actions'>
                <Button
                  className='btn-primary'
                  id='approve'
                  {...busyButtonProps(busy)}
                  onClick={() => void confirmed('初审通过', '确定初审通过并报送管局吗？').then((ok) => ok && store.approve())}
                >
                  初审通过，报送管局
                </Button>
                <Button
                  className='btn-secondary'
                  id='reject'
                  {...busyButtonProps(busy)}
                  onClick={() =>
                    void confirmed('驳回', `确定驳回所选的 ${rejectedCount} 项吗？申请人将按原因修改后重新提交。`).then((ok) => ok && store.reject())
                  }
                >
                  驳回所选字段（{rejectedCount}）
                </Button>
                {order.canRejectUnreachable && (
                  <Button className='btn-secondary' id='reject-unreachable' {...busyButtonProps(busy)} onClick={() => void store.rejectUnreachable()}>
                    无法联系，驳回
                  </Button>
                )}
              </View>
            </View>
          )}
          <View className='card' id='review-timeline'>
            <Text className='card-title'>办理记录</Text>
            {order.timeline.map((entry) => (
              <Text className='hint' key={`${entry.at}-${entry.to}`}>
                {formatChinaTime(entry.at)} · {entry.toLabel} · {entry.actorLabel}
                {entry.reason ? ` · ${entry.reason}` : ''}
              </Text>
            ))}
          </View>
        </View>
      )}
    </View>
  );
}
