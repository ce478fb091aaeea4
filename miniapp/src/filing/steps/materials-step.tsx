import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { LETTER_SIGNED_WITHIN_MONTHS } from '@beian/shared';
import { apiUrl } from '../../services/request';
import { useOrderStore } from '../../stores/order.store';
import { textAt } from '../../utils/draft-path.util';
import { serverToday } from '../../utils/server-clock.util';
import { DraftDateField, FieldErrorText } from '../components/draft-field';
import { materialsOf, MaterialUpload } from '../components/material-upload';
import { signedAtWheel } from '../utils/date-wheels.util';
import { filingContext } from '../utils/filing-steps.util';
import { requiredMaterials } from '../utils/required-materials.util';
import type { StepProps } from './step-props';

const PHOTO_KINDS = ['subject_certificate', 'certificate_front', 'certificate_back', 'residence_permit', 'domain_real_name', 'app_icon'];

/** Opens the province's letter template (a PDF) to read, save or print: the browser's viewer on H5, WeChat's on the phone. */
async function openTemplate(kind: string, regionCode: string) {
  const url = apiUrl(`/api/letter-templates/${kind}?province=${regionCode.slice(0, 2)}`);
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank');
    return;
  }
  try {
    const { tempFilePath } = await Taro.downloadFile({ url });
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true });
  } catch {
    await Taro.showToast({ title: '模板下载失败，请稍后重试', icon: 'none' });
  }
}

/** 上传材料: exactly the documents the rules ask for this order, each uploaded (photos compressed first). */
export function MaterialsStep({ kind, subjectType, ensureOrder }: StepProps) {
  const draft = useOrderStore((state) => state.draft);
  const clockOffsetMs = useOrderStore((state) => state.clockOffsetMs);
  const required = requiredMaterials(draft, filingContext(kind, subjectType, draft, clockOffsetMs));
  const today = serverToday(clockOffsetMs);
  const materials = materialsOf(draft);
  const regionCode = textAt(draft, 'subject.regionCode');
  const uploadedCount = required.filter((need) => materials.some((item) => item.kind === need.kind && item.target === need.target)).length;
  return (
    <View id='materials-list'>
      <Text className='hint' id='materials-progress'>
        本订单需要{required.length}份材料，已上传{uploadedCount}份。照片会先在手机上压缩（长边不超过2048像素、不超过1 MB）再上传。
      </Text>
      {required.map((need) => {
        const index = materials.findIndex((item) => item.kind === need.kind && item.target === need.target);
        return (
          <View key={`${need.target}.${need.kind}`}>
            {need.signed && regionCode && (
              <Text className='link template-link' id={`template-${need.kind}`} onClick={() => void openTemplate(need.kind, regionCode)}>
                打开{need.label}模板（PDF，可保存或打印）
              </Text>
            )}
            <MaterialUpload
              kind={need.kind}
              target={need.target}
              label={need.label}
              hint={need.note}
              document={!PHOTO_KINDS.includes(need.kind)}
              orderId={ensureOrder}
            />
            {need.signed && index >= 0 && (
              <DraftDateField
                path={`materials.${index}.signedAt`}
                label='签署日期'
                placeholder='请选择日期'
                wheel={signedAtWheel(today)}
                hint={`须在提交前${LETTER_SIGNED_WITHIN_MONTHS}个月内签署`}
              />
            )}
          </View>
        );
      })}
      <FieldErrorText id='materials' path='materials' />
    </View>
  );
}
