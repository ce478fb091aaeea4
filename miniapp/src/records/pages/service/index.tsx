import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { formatChinaTime, type FooterCheckResult, type MyFilingServiceDetail } from '@beian/shared';
import { busyButtonProps } from '../../../components/busy-button.props';
import { navigate } from '../../../routes';
import { checkFooter, getFilingService } from '../../../services/filings.api';
import { ApiError } from '../../../services/request';
import { Fact } from '../../components/fact';
import './index.scss';

/** 服务信息 of one 网站 or APP; a website also shows the footer code it must display and can check it. */
export default function RecordsServicePage() {
  const { params } = useRouter<{ id?: string }>();
  const [service, setService] = useState<MyFilingServiceDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [footer, setFooter] = useState<FooterCheckResult | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);

  useDidShow(() => {
    if (!params.id) return;
    getFilingService(params.id)
      .then(setService)
      .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : '加载失败，请稍后重新打开本页'));
  });

  async function runFooterCheck() {
    if (!service) return;
    setChecking(true);
    setError(null);
    try {
      setFooter(await checkFooter(service.id));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '检查失败，请稍后重试');
    } finally {
      setChecking(false);
    }
  }

  if (!service) {
    return (
      <View className='page records' id='records-service'>
        <Text className={error ? 'error-text' : 'hint'}>{error ?? '加载中…'}</Text>
      </View>
    );
  }
  const isWebsite = service.serviceType === 'website';
  const snippet = service.footerSnippet;

  return (
    <View className='page records' id='records-service'>
      <View className='card'>
        <Text className='card-title'>{isWebsite ? '网站信息' : 'APP 信息'}</Text>
        <View className='facts'>
          <Fact label='服务备案号' value={service.serviceIcpNumber} id='service-number' />
          <Fact label='主体备案号' value={service.subjectIcpNumber} />
          <Fact label={isWebsite ? '网站名称' : 'APP 名称'} value={service.name} id='service-name' />
          {isWebsite ? (
            <Fact label='域名' value={service.domains.join('、')} id='service-domains' />
          ) : (
            <Fact label='APP 包名' value={service.packages.map((p) => `${p.platform}：${p.packageName}`).join('、')} id='service-packages' />
          )}
          {service.homeUrl && <Fact label='首页地址' value={service.homeUrl} />}
          <Fact label='服务负责人' value={service.principal.name ?? ''} id='service-principal' />
          <Fact label='审核通过时间' value={formatChinaTime(service.approvedAt)} />
          <Fact label='状态' value={service.stateLabel} />
          <Fact label='接入' value={service.access ? `本平台接入，自 ${formatChinaTime(service.access.since)}` : '未接入本平台'} id='service-access' />
        </View>
        <Text className='link' id='change-service' onClick={() => setMenuOpen((open) => !open)}>
          查看/变更 ···
        </Text>
        {menuOpen &&
          (service.state === 'active' ? (
            <View className='more-menu' id='service-change-menu'>
              <Text
                className='link'
                id='start-change-service'
                onClick={() => void navigate('records-change', { subjectId: service.subjectId, kind: 'change_service', serviceId: service.id })}
              >
                变更服务
              </Text>
            </View>
          ) : (
            <Text className='disabled-note'>该服务{service.stateLabel}，不能办理变更服务。</Text>
          ))}
        {service.state === 'active' && (
          <Text className='link' id='service-more' onClick={() => void navigate('cancel-actions', { subjectId: service.subjectId, serviceId: service.id })}>
            ···（注销服务 / 取消接入服务）
          </Text>
        )}
      </View>

      {snippet && (
        <View className='card' id='footer-card'>
          <Text className='card-title'>网站底部备案号</Text>
          <Text className='hint'>网站开通后，须在首页底部展示备案号并链接至工信部备案系统。请将以下代码添加到网站首页底部：</Text>
          <Text className='snippet code-text' id='footer-snippet' userSelect>
            {snippet}
          </Text>
          <Button className='btn-secondary' id='copy-snippet' onClick={() => void Taro.setClipboardData({ data: snippet })}>
            复制代码
          </Button>
          <Button className='btn-primary' id='check-footer' {...busyButtonProps(checking)} onClick={() => void runFooterCheck()}>
            检查网站底部
          </Button>
          {footer && (
            <View className={footer.numberDisplayed && footer.linksToMiit ? 'footer-ok' : 'footer-bad'} id='footer-result'>
              <Text className='hint'>检查地址：{footer.finalUrl ?? footer.url}</Text>
              <Text>{footer.summary}</Text>
            </View>
          )}
        </View>
      )}
      {error && <Text className='error-text'>{error}</Text>}
    </View>
  );
}
