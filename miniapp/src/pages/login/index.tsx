import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { LoginResponse } from '@beian/shared';
import { busyButtonProps } from '../../components/busy-button.props';
import { relaunch } from '../../routes';
import { devLogin, wechatLogin } from '../../services/auth.api';
import { ApiError } from '../../services/request';
import { useSessionStore } from '../../services/session.store';

/** Only pages of this app may be returned to after logging in. */
function isLocalPage(url: string | undefined): url is string {
  return url !== undefined && /^\/(pages|filing|principal|staff)\//.test(url);
}

export default function LoginPage() {
  const { params } = useRouter<{ back?: string }>();
  const back = params.back ? decodeURIComponent(params.back) : undefined;
  const [nickname, setNickname] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signIn(login: () => Promise<LoginResponse>) {
    setBusy(true);
    setError(null);
    try {
      useSessionStore.getState().signIn(await login());
      if (isLocalPage(back)) await Taro.reLaunch({ url: back });
      else await relaunch('home');
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '登录失败，请重试');
    } finally {
      setBusy(false);
    }
  }

  const loginWithWechat = () =>
    void signIn(async () => {
      const { code } = await Taro.login();
      return wechatLogin({ code });
    });

  const loginAsDeveloper = () => {
    const name = nickname.trim();
    if (!name) {
      setError('请输入昵称后再登录');
      return;
    }
    void signIn(() => devLogin({ nickname: name }));
  };

  return (
    <View className='page' id='login'>
      {process.env.TARO_ENV === 'weapp' ? (
        <View className='card'>
          <Text className='card-title'>微信登录</Text>
          <Text className='hint'>使用微信身份登录后办理备案</Text>
          <Button className='btn-primary' id='wechat-login' {...busyButtonProps(busy)} onClick={loginWithWechat}>
            微信一键登录
          </Button>
        </View>
      ) : (
        <View className='card'>
          <Text className='card-title'>开发登录</Text>
          <Text className='notice' id='dev-login-notice'>
            仅用于本地演示和测试：输入任意昵称即可登录，正式环境不可用。
          </Text>
          <View className='field'>
            <Text className='field-label'>昵称</Text>
            <Input
              className='field-input'
              id='dev-nickname'
              placeholder='请输入昵称，如 张三'
              value={nickname}
              onInput={(event) => setNickname(event.detail.value)}
            />
          </View>
          <Button className='btn-primary' id='dev-login' {...busyButtonProps(busy)} onClick={loginAsDeveloper}>
            登录
          </Button>
        </View>
      )}
      {error && (
        <Text className='error-text' id='login-error'>
          {error}
        </Text>
      )}
    </View>
  );
}
