import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { useLoad, useRouter } from '@tarojs/taro';
import type { RegistryLookupResponse } from '@beian/shared';
import { busyButtonProps } from '../../../components/busy-button.props';
import { lookupFilings } from '../../../services/filings.api';
import { ApiError } from '../../../services/request';
import { Fact } from '../../components/fact';
import './index.scss';

/** 备案查询: what the MIIT system shows for a domain, an ICP number or a unit name (the provider stays hidden). */
export default function RecordsLookupPage() {
  const { params } = useRouter<{ q?: string }>();
  const [query, setQuery] = useState(params.q ? decodeURIComponent(params.q) : '');
  const [result, setResult] = useState<RegistryLookupResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function search(text = query) {
    if (!text.trim()) {
      setError('请输入域名、备案号或主办单位名称');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult(await lookupFilings(text.trim()));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '查询失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }

  useLoad(() => {
    if (query) void search(query);
  });

  return (
    <View className='page records' id='records-lookup'>
      <View className='card'>
        <Text className='card-title'>备案查询</Text>
        <Text className='hint'>输入域名、备案号（建议使用备案号，可查到主体下所有服务）或主办单位名称，查询工信部备案系统中的公开信息。</Text>
        <View className='field'>
          <Input
            id='lookup-query'
            className='field-input'
            value={query}
            placeholder='如 example.com 或 粤ICP备2024286477号'
            onInput={(e) => setQuery(e.detail.value)}
          />
        </View>
        <Button className='btn-primary' id='lookup-submit' {...busyButtonProps(busy)} onClick={() => void search()}>
          查询
        </Button>
        {error && <Text className='error-text'>{error}</Text>}
      </View>
      {result && result.subjects.length === 0 && (
        <View className='card' id='lookup-empty'>
          <Text className='hint'>未查询到“{query.trim()}”的备案信息</Text>
        </View>
      )}
      {result?.subjects.map((subject) => (
        <View className='card lookup-entry' key={subject.subjectIcpNumber} id={`lookup-${subject.subjectIcpNumber}`}>
          <View className='facts'>
            <Fact label='主办单位名称' value={subject.unitName} />
            <Fact label='主办单位性质' value={subject.natureLabel} />
            <Fact label='主体备案号' value={subject.subjectIcpNumber} />
            <Fact label='审核通过日期' value={subject.approvedOn} />
          </View>
          {subject.services.length === 0 && <Text className='hint'>该主体下无网站或 APP（空壳主体）</Text>}
          {subject.services.map((service) => (
            <View className='record-item' key={service.serviceIcpNumber} id={`lookup-service-${service.serviceIcpNumber}`}>
              <View className='record-main'>
                <Text className='record-number'>{service.serviceIcpNumber}</Text>
                <Text className='record-name'>
                  {service.serviceType === 'website' ? '网站' : 'APP'}：{service.name}
                </Text>
                {service.domains.length > 0 && <Text className='hint'>{service.domains.join('、')}</Text>}
                <Text className='hint'>审核通过日期 {service.approvedOn}</Text>
              </View>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
