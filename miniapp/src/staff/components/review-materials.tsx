import { Button, Image, Text, View } from '@tarojs/components';
import { fieldValueText, formatChinaTime, type ReviewMaterial } from '@beian/shared';
import { busyButtonProps } from '../../components/busy-button.props';
import { apiUrl } from '../../services/request';
import { useReviewStore } from '../../stores/review.store';

function MaterialRow({ material }: { material: ReviewMaterial }) {
  const link = useReviewStore((state) => state.fileLinks[material.fileId]);
  const busy = useReviewStore((state) => state.busy);
  const open = () => void useReviewStore.getState().openFile('material', material.fileId);
  return (
    <View className='staff-row' id={`material-${material.fileId}`}>
      <View className='staff-cell'>
        <Text>{fieldValueText('materials.kind', material.kind)}</Text>
        <Text className='hint'>{fieldValueText('materials.target', material.target)}</Text>
      </View>
      <View className='staff-cell-wide'>
        {link ? (
          <View>
            <Image className='material-preview' mode='widthFix' src={apiUrl(link.url)} />
            <Text className='hint'>链接 {formatChinaTime(link.expiresAt)} 失效</Text>
          </View>
        ) : (
          <Button size='mini' id={`open-${material.fileId}`} {...busyButtonProps(busy)} onClick={open}>
            查看
          </Button>
        )}
      </View>
    </View>
  );
}

/** Photos and screenshots, each opened through a short-lived audited link. */
export function ReviewMaterials({ materials }: { materials: ReviewMaterial[] }) {
  const files = materials.filter((material) => material.kind !== 'face_video');
  return (
    <View className='card' id='review-materials'>
      <Text className='card-title'>材料</Text>
      {files.length === 0 && <Text className='hint'>没有材料</Text>}
      {files.map((material) => (
        <MaterialRow key={material.fileId} material={material} />
      ))}
    </View>
  );
}
