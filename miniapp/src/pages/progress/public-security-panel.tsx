import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { PUBLIC_SECURITY_PLATFORM_URL, PUBLIC_SECURITY_TEXTS, formatChinaTime, type PublicSecurityChoice, type PublicSecurityView } from '@beian/shared';
import { busyButtonProps } from '../../components/busy-button.props';
import { choosePublicSecurity, getPublicSecurity } from '../../services/public-security.api';
import { ApiError } from '../../services/request';

function copy(text: string) {
  void Taro.setClipboardData({ data: text });
}

function DataCode({ view }: { view: PublicSecurityView }) {
  const code = view.dataCode;
  if (view.dataCodeFailed || !code) {
    return (
      <Text className='hint' id='public-security-no-code'>
        {PUBLIC_SECURITY_TEXTS.dataCodeFailed}
      </Text>
    );
  }
  return (
    <View id='public-security-code'>
      <View className='row-between number-row'>
        <View>
          <Text className='hint'>公安联网备案数据码</Text>
          <Text className='icp-number code-value' id='public-security-code-value'>
            {code.code}
          </Text>
        </View>
        <Button size='mini' id='public-security-code-copy' onClick={() => copy(code.code)}>
          复制
        </Button>
      </View>
      <Text className={code.expired ? 'error-text' : 'hint'} id='public-security-code-expiry'>
        {code.expired ? PUBLIC_SECURITY_TEXTS.dataCodeExpired : `有效期至 ${formatChinaTime(code.expiresAt)}。${PUBLIC_SECURITY_TEXTS.dataCodeReady}`}
      </Text>
      {PUBLIC_SECURITY_TEXTS.bindingHelp.map((line) => (
        <Text className='hint' key={line}>
          · {line}
        </Text>
      ))}
    </View>
  );
}

/** 公安联网备案 on the progress page (S000 39–46): the choice until the 管局 approves, then the data code. */
export function PublicSecurityPanel({ orderId, status }: { orderId: string; status: string }) {
  const [view, setView] = useState<PublicSecurityView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getPublicSecurity(orderId).then(setView, () => setView(null));
  }, [orderId, status]);
  if (!view?.visible) return null;

  async function choose(choice: PublicSecurityChoice) {
    setBusy(true);
    setError(null);
    try {
      setView(await choosePublicSecurity(orderId, choice));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '操作失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='card' id='public-security'>
      <Text className='card-title'>{PUBLIC_SECURITY_TEXTS.title}</Text>
      {view.changeable && (
        <Text className='hint' id='public-security-state'>
          {view.choice === 'granted' ? PUBLIC_SECURITY_TEXTS.granted : PUBLIC_SECURITY_TEXTS.declined}
        </Text>
      )}
      {view.changeable && view.choice !== 'granted' && (
        <Button className='btn-primary' id='public-security-grant' {...busyButtonProps(busy)} onClick={() => void choose('granted')}>
          同意授权
        </Button>
      )}
      {view.changeable && view.choice !== 'declined' && (
        <Button className='btn-secondary' id='public-security-decline' {...busyButtonProps(busy)} onClick={() => void choose('declined')}>
          {PUBLIC_SECURITY_TEXTS.declineButton}
        </Button>
      )}
      {!view.changeable && <DataCode view={view} />}
      {view.appsNotice && <Text className='hint'>{view.appsNotice}</Text>}
      <Text className='hint'>全国互联网安全管理服务平台：{PUBLIC_SECURITY_PLATFORM_URL}</Text>
      {error && (
        <Text className='error-text' id='public-security-error'>
          {error}
        </Text>
      )}
    </View>
  );
}
