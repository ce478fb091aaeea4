import { Text, View } from '@tarojs/components';
import { APP_PLATFORMS, asksServiceIcpNumber, changesRecord, SERVICE_CONTENTS } from '@beian/shared';
import { useOrderStore } from '../../stores/order.store';
import { getAt, padList, pathId, removeAt } from '../../utils/draft-path.util';
import { serviceTypeOf } from '../utils/filing-steps.util';
import { DraftChoice, DraftMultiChoice, DraftYesNo } from './choice-field';
import { DraftField } from './draft-field';
import { DomainList, ServiceCommonFields, ServiceNumberField, type ServiceFormProps } from './service-fields';

const CONTENT_OPTIONS = SERVICE_CONTENTS.map(({ key, label }) => ({ key, label }));
const PLATFORM_OPTIONS = APP_PLATFORMS.map(({ key, label }) => ({ key, label }));

/** APP 特征信息: per platform the package name, the platform public key and the signature fingerprint. */
function PackageList({ base }: { base: string }) {
  const path = `${base}.packages`;
  const raw = useOrderStore((state) => getAt(state.draft, path));
  const count = Array.isArray(raw) ? raw.length : 0;
  const rows = Math.max(count, 1);
  return (
    <View className='field' id={pathId(path)}>
      <Text className='field-label'>APP特征信息（每个平台一组）</Text>
      {Array.from({ length: rows }, (_, i) => (
        <View className='sub-card' key={i}>
          <DraftChoice path={`${path}.${i}.platform`} label={`平台${i + 1}`} options={PLATFORM_OPTIONS} />
          <DraftField path={`${path}.${i}.packageName`} label='包名 / Bundle ID' placeholder='如 com.example.notes' maxlength={128} />
          <DraftField path={`${path}.${i}.publicKey`} label='平台公钥' placeholder='请粘贴签名证书的公钥' multiline maxlength={4096} />
          <DraftField path={`${path}.${i}.fingerprint`} label='签名MD5值（安卓）/ SHA-1值（苹果）' placeholder='十六进制，如 3A:7F:…' maxlength={64} />
          {i > 0 && (
            <Text
              className='link'
              id={`${pathId(path)}-${i}-remove`}
              onClick={() => useOrderStore.getState().updateDraft((draft) => removeAt(draft, path, i), ['apps'])}
            >
              删除此平台
            </Text>
          )}
        </View>
      ))}
      <Text
        className='link'
        id={`${pathId(path)}-add`}
        onClick={() => useOrderStore.getState().updateDraft((draft) => padList(draft, path, rows + 1, { platform: '' }), ['apps'])}
      >
        + 添加平台
      </Text>
    </View>
  );
}

/** Every field of one APP (互联网信息服务 · APP). */
export function AppForm(props: ServiceFormProps) {
  const { base } = props;
  // The first APP's name was fixed on the first step when the order was created for an APP.
  const fixed = useOrderStore((state) => base === 'apps.0' && serviceTypeOf(state.draft) === 'app');
  return (
    <View>
      {(asksServiceIcpNumber(props.kind) || changesRecord(props.kind)) && (
        <ServiceNumberField kind={props.kind} path={`${base}.icpNumber`} label='APP备案号' placeholder='待接入APP的备案号，如 粤ICP备2024123456号-2' />
      )}
      <DraftField path={`${base}.name`} label='APP名称' placeholder='与应用图标下显示的名称一致' maxlength={64} disabled={fixed} />
      <DraftMultiChoice path={`${base}.serviceContent`} label='服务内容' options={CONTENT_OPTIONS} />
      <DraftYesNo path={`${base}.providesSdk`} label='是否提供SDK给其他APP使用' />
      <DraftYesNo path={`${base}.usesExternalSdk`} label='是否使用了第三方SDK' />
      <PackageList base={base} />
      <DomainList base={base} label='APP使用的域名（选填）' />
      <ServiceCommonFields {...props} />
    </View>
  );
}
