import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { AUTHORIZATION_CODE_HINT, SERVICE_CODE_PICKER_HINT, type CodeKind, type FieldError, type FilingCodeView } from '@beian/shared';
import { checkFilingCode, listServiceCodes } from '../../services/codes.api';
import { ApiError } from '../../services/request';
import { useOrderStore } from '../../stores/order.store';
import { pathId, textAt } from '../../utils/draft-path.util';
import { DraftField, FieldErrorText } from './draft-field';

type CodeCheck = { view: FilingCodeView; refusal: null } | { view: null; refusal: FieldError };

/** The server's check of a code for the draft field at `path` (for the order, a code it reserved counts). */
async function checkCode(kind: CodeKind, code: string, orderId: string | null, path: string): Promise<CodeCheck> {
  try {
    return { view: await checkFilingCode({ kind, code, ...(orderId ? { orderId } : {}) }), refusal: null };
  } catch (failure) {
    const message = failure instanceof ApiError ? (failure.fields[0]?.message ?? failure.message) : '暂时无法校验，请稍后重试';
    return { view: null, refusal: { path, code: 'CODE_UNAVAILABLE', message } };
  }
}

/** Before an order exists, the 服务码 the first service picked: null when usable or none is picked, otherwise the refusal (a 授权码 goes to 验证备案类型). */
export async function refusalOfDraftCode(base: string, orderId: string | null): Promise<FieldError | null> {
  const { draft } = useOrderStore.getState();
  const path = `${base}.resource.serviceCode`;
  const code = textAt(draft, `${base}.resource.type`) === 'service_code' ? textAt(draft, path).trim() : '';
  return code ? (await checkCode('service', code, orderId, path)).refusal : null;
}

/** 备案授权码 typed by the applicant, with what it is and a check that shows the server IP it points to. */
export function AuthorizationCodeField({ base }: { base: string }) {
  const path = `${base}.resource.authorizationCode`;
  const orderId = useOrderStore((state) => state.order?.id ?? null);
  const [pointsTo, setPointsTo] = useState<string | null>(null);
  async function check() {
    const code = textAt(useOrderStore.getState().draft, path).trim();
    if (!code) return;
    const { view, refusal } = await checkCode('authorization', code, orderId, path);
    setPointsTo(view?.publicIp ?? null);
    useOrderStore.getState().setFieldErrors(refusal ? [refusal] : [], (p) => p === path);
  }
  return (
    <View>
      <DraftField path={path} label='备案授权码' placeholder='请输入其他账号生成的备案授权码' maxlength={64} hint={AUTHORIZATION_CODE_HINT} />
      <Text className='link' id={`${pathId(path)}-check`} onClick={() => void check()}>
        校验授权码
      </Text>
      {pointsTo && (
        <Text className='hint' id={`${pathId(path)}-ip`}>
          授权码有效，指向服务器 IP：{pointsTo}
        </Text>
      )}
    </View>
  );
}

/** 选择ICP备案服务码: the 可使用 codes other accounts granted to this one, or the one already chosen. */
export function ServiceCodePicker({ base }: { base: string }) {
  const path = `${base}.resource.serviceCode`;
  const chosen = useOrderStore((state) => textAt(state.draft, path));
  const [codes, setCodes] = useState<FilingCodeView[] | null>(null);
  useEffect(() => {
    listServiceCodes('received')
      .then(setCodes)
      .catch(() => setCodes([]));
  }, []);
  const offered = (codes ?? []).filter((code) => code.state === 'available' || code.code === chosen);
  return (
    <View className='field' id={pathId(path)}>
      <Text className='field-label'>ICP备案服务码</Text>
      {codes && offered.length === 0 && <Text className='hint'>暂无可使用的服务码</Text>}
      {offered.map((code) => (
        <View key={code.codeId}>
          <Text
            className={`pick ${chosen === code.code ? 'link' : ''}`}
            id={`service-code-${code.code}`}
            onClick={() => useOrderStore.getState().setField(path, code.code)}
          >
            {chosen === code.code ? '◉' : '○'} {code.code}（{code.publicIp}，来自账号 {code.ownerAccountId}）
          </Text>
        </View>
      ))}
      <Text className='hint'>{SERVICE_CODE_PICKER_HINT}</Text>
      <FieldErrorText id={pathId(path)} path={path} />
    </View>
  );
}
