import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatChinaTime, type CodeInstanceView, type FilingCodeView } from '@beian/shared';

export interface CodeListProps {
  codes: FilingCodeView[];
  /** Which account to show beside each code: the one it is for, or the one it came from. */
  show: 'holder' | 'owner';
  /** Offered on codes still 可使用. */
  onRevoke?: (code: FilingCodeView) => void;
  /** 查看并绑定服务码: offered on codes 未绑定实例, one link per server that can back a filing. */
  bind?: { servers: CodeInstanceView[]; onBind: (code: FilingCodeView, instanceId: string) => void };
}

/** Codes with their state, server IP and 复制 (the holder types or pastes the code into the wizard). */
export function CodeList({ codes, show, onRevoke, bind }: CodeListProps) {
  const [copied, setCopied] = useState<string | null>(null);
  async function copy(code: string) {
    await Taro.setClipboardData({ data: code });
    setCopied(code);
  }
  if (codes.length === 0) return <Text className='hint'>暂无记录</Text>;
  return (
    <View>
      {codes.map((code) => (
        <View className='code-item' key={code.codeId} id={`code-${code.code}`}>
          <View className='row-between'>
            <Text className='code-value' userSelect>
              {code.code}
            </Text>
            <Text className='code-state' id={`code-${code.code}-state`}>
              {code.stateLabel}
            </Text>
          </View>
          <Text className='hint'>
            服务器 IP：{code.publicIp ?? '—'} · {show === 'holder' ? `授权给账号 ${code.holderAccountId}` : `来自账号 ${code.ownerAccountId}`}
          </Text>
          {code.invalidReason && (
            <Text className='hint' id={`code-${code.code}-reason`}>
              失效原因：{code.invalidReason}
            </Text>
          )}
          {code.remark && <Text className='hint'>备注：{code.remark}</Text>}
          <Text className='hint'>生成时间：{formatChinaTime(code.createdAt)}</Text>
          <View className='code-actions'>
            <Text className='link' id={`code-${code.code}-copy`} onClick={() => void copy(code.code)}>
              {copied === code.code ? '已复制' : '复制'}
            </Text>
            {bind &&
              code.state === 'unbound' &&
              bind.servers
                .filter((server) => !server.ineligibleReason && !server.refunded)
                .map((server) => (
                  <Text
                    key={server.instanceId}
                    className='link'
                    id={`code-${code.code}-bind-${server.instanceId}`}
                    onClick={() => bind.onBind(code, server.instanceId)}
                  >
                    绑定至 {server.instanceId}
                  </Text>
                ))}
            {onRevoke && code.state === 'available' && (
              <Text className='link' id={`code-${code.code}-revoke`} onClick={() => onRevoke(code)}>
                撤销
              </Text>
            )}
          </View>
        </View>
      ))}
    </View>
  );
}
