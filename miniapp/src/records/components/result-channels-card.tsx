import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ResultChannelSetting } from '@beian/shared';
import { getResultChannels, setResultChannel } from '../../services/messages.api';
import { ApiError } from '../../services/request';

/** 通知方式: progress messages always reach 我的消息; SMS and e-mail to the filing's contact can each be turned off. */
export function ResultChannelsCard() {
  const [settings, setSettings] = useState<ResultChannelSetting[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    getResultChannels()
      .then(setSettings)
      .catch(() => setError('通知方式加载失败，请稍后重新打开本页'));
  }, []);

  async function toggle(setting: ResultChannelSetting) {
    setError(null);
    try {
      setSettings(await setResultChannel(setting.channel, !setting.enabled));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '设置失败，请稍后重试');
    }
  }

  return (
    <View className='card' id='result-channels'>
      <Text className='card-title'>通知方式</Text>
      <Text className='hint'>备案进度和审核结果会发送到消息中心；以下方式发送到备案填写的主体负责人手机和邮箱。</Text>
      {settings.map((setting) => (
        <View className='row-between' key={setting.channel}>
          <Text>{setting.label}</Text>
          <Text className='link' id={`result-channel-${setting.channel}`} onClick={() => void toggle(setting)}>
            {setting.enabled ? '已开启 · 关闭' : '已关闭 · 开启'}
          </Text>
        </View>
      ))}
      {error && <Text className='error-text'>{error}</Text>}
    </View>
  );
}
