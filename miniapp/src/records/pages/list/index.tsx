import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { formatChinaTime, type FilingSubjectSummary } from '@beian/shared';
import { navigate } from '../../../routes';
import { listFilingSubjects } from '../../../services/filings.api';
import { ApiError } from '../../../services/request';
import { ExportButtons } from '../../components/export-buttons';
import './index.scss';

/** 我的备案: every approved subject of the account with its 主体备案号 and state; a subject opens its detail. */
export default function RecordsListPage() {
  const [subjects, setSubjects] = useState<FilingSubjectSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useDidShow(() => {
    listFilingSubjects()
      .then((list) => {
        setSubjects(list);
        setError(null);
      })
      .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : '加载失败，请稍后重新打开本页'));
  });

  return (
    <View className='page records' id='records-list'>
      <View className='card'>
        <Text className='card-title'>我的备案</Text>
        <Text className='hint'>已通过管局审核的备案主体。单击主体查看主体信息和网站、APP 等互联网信息服务。</Text>
        {error && <Text className='error-text'>{error}</Text>}
        {subjects?.length === 0 && (
          <Text className='hint' id='records-empty'>
            暂无已通过审核的备案。备案审核通过后将显示在这里。
          </Text>
        )}
        {subjects?.map((subject) => (
          <View className='record-item' key={subject.id} id={`subject-${subject.id}`} onClick={() => void navigate('records-subject', { id: subject.id })}>
            <View className='record-main'>
              <Text className='record-number'>{subject.subjectIcpNumber}</Text>
              <Text className='record-name'>{subject.name}</Text>
              <Text className='hint'>
                网站 {subject.websiteCount} · APP {subject.appCount} · 通过于 {formatChinaTime(subject.approvedAt)}
              </Text>
            </View>
            <Text className={`record-state state-${subject.state}`}>{subject.stateLabel}</Text>
          </View>
        ))}
      </View>
      <Button className='btn-secondary' id='open-lookup' onClick={() => void navigate('records-lookup')}>
        备案查询
      </Button>
      {subjects && subjects.length > 0 && (
        <View className='card'>
          <Text className='card-title'>导出基础信息（全部主体）</Text>
          <ExportButtons fileLabel='全部' />
        </View>
      )}
    </View>
  );
}
