import { useState } from 'react';
import { Button, Input, Text, Video, View } from '@tarojs/components';
import { fieldLabel, formatChinaTime, type ReviewFaceCheck } from '@beian/shared';
import { busyButtonProps } from '../../components/busy-button.props';
import { apiUrl } from '../../services/request';
import { useReviewStore } from '../../stores/review.store';
import { pathId } from '../../utils/draft-path.util';

const STATUS_LABELS: Record<string, string> = {
  pending: '核验中',
  passed: '已确认通过',
  pending_reviewer_confirmation: '待审核人员确认',
  failed: '核验未通过',
  rejected: '已驳回，待负责人重新录制',
};

/** One principal's face video: played through an audited link, then confirmed or rejected with a reason. */
function FaceCheckRow({ check, decidable }: { check: ReviewFaceCheck; decidable: boolean }) {
  const id = pathId(check.path);
  const link = useReviewStore((state) => (check.videoFileId ? state.fileLinks[check.videoFileId] : undefined));
  const busy = useReviewStore((state) => state.busy);
  const [reason, setReason] = useState('');
  const store = useReviewStore.getState();
  const waiting = check.status === 'pending_reviewer_confirmation';
  return (
    <View className='sub-card' id={`face-${id}`}>
      <View className='row-between'>
        <Text className='service-title'>{fieldLabel(check.path)}</Text>
        <Text className={waiting ? 'tag tag-warn' : 'tag'} id={`face-${id}-status`}>
          {STATUS_LABELS[check.status ?? 'pending'] ?? '核验中'}
        </Text>
      </View>
      {check.reason && <Text className='hint'>原因：{check.reason}</Text>}
      {link ? (
        <View>
          <Video className='material-preview' id={`face-${id}-video`} src={apiUrl(link.url)} controls />
          <Text className='hint'>链接 {formatChinaTime(link.expiresAt)} 失效</Text>
        </View>
      ) : (
        check.videoFileId && (
          <Button className='btn-small' id={`face-${id}-play`} {...busyButtonProps(busy)} onClick={() => void store.openFile('face_video', check.videoFileId!)}>
            播放视频
          </Button>
        )
      )}
      {waiting && decidable && (
        <View>
          <Text className='hint'>请核对视频中是本人、朗读的数字正确，且与证件照片为同一人。</Text>
          <View className='staff-actions'>
            <Button
              className='btn-primary'
              id={`face-${id}-confirm`}
              {...busyButtonProps(busy || !link)}
              onClick={() => void store.judgeFaceCheck(check.faceCheckId, true)}
            >
              确认为本人
            </Button>
          </View>
          <View className='field'>
            <Text className='field-label'>不通过的原因（负责人会看到，请说明如何重新录制）</Text>
            <Input
              className='field-input'
              id={`face-${id}-reason`}
              placeholder='如：视频中人脸不清晰，请在光线充足处重新录制'
              value={reason}
              onInput={(event) => setReason(event.detail.value)}
            />
          </View>
          <Button
            className='btn-secondary'
            id={`face-${id}-reject`}
            {...busyButtonProps(busy)}
            onClick={() => void store.judgeFaceCheck(check.faceCheckId, false, reason)}
          >
            不通过，请负责人重新录制
          </Button>
        </View>
      )}
    </View>
  );
}

/** 人脸核验: every principal's face video; 初审通过 needs each one confirmed. */
export function ReviewFaceChecks({ checks, decidable }: { checks: ReviewFaceCheck[]; decidable: boolean }) {
  return (
    <View className='card' id='review-face'>
      <Text className='card-title'>人脸核验</Text>
      {checks.length === 0 && <Text className='hint'>没有人脸核验视频</Text>}
      {checks.some((check) => check.status === 'pending_reviewer_confirmation') && <Text className='hint'>播放视频并逐一确认后，才能初审通过。</Text>}
      {checks.map((check) => (
        <FaceCheckRow key={check.faceCheckId} check={check} decidable={decidable} />
      ))}
    </View>
  );
}
