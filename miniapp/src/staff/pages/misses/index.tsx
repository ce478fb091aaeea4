import { useCallback, useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { formatChinaTime, type PrecheckMissesResponse } from '@beian/shared';
import { busyButtonProps } from '../../../components/busy-button.props';
import { precheckMisses } from '../../../services/review.api';
import { ApiError } from '../../../services/request';
import { missRuleDraft } from '../../components/miss-rule-draft.util';
import './index.scss';

const WINDOWS = [1, 3, 6, 12] as const;

/** 初审 rejections on fields the pre-check let through, by field and reason over time, with a rule draft per cluster. */
export default function PrecheckMissesPage() {
  const [months, setMonths] = useState<number>(3);
  const [report, setReport] = useState<PrecheckMissesResponse | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<number, string>>({});

  const load = useCallback(async (window: number) => {
    setLoading(true);
    setError(null);
    try {
      setReport(await precheckMisses(window));
      setDrafts({});
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '加载失败，请稍后重试');
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => void load(months), [load, months]);

  return (
    <View className='page staff' id='precheck-misses'>
      <View className='staff-head'>
        <Text className='card-title'>预检漏检：初审驳回了、预检却未提示的字段</Text>
        <Button className='btn-secondary staff-refresh' size='mini' id='misses-refresh' {...busyButtonProps(loading)} onClick={() => void load(months)}>
          刷新
        </Button>
      </View>
      <View className='field'>
        {WINDOWS.map((window) => (
          <Text key={window} id={`misses-months-${window}`} className={`chip${months === window ? ' chip-active' : ''}`} onClick={() => setMonths(window)}>
            近{window}个月
          </Text>
        ))}
      </View>
      {error && <Text className='error-text'>{error}</Text>}
      {report && (
        <Text className='hint' id='misses-total'>
          自 {report.since} 起共 {report.total} 条漏检
        </Text>
      )}
      {report?.groups.length === 0 && <Text className='hint'>这段时间没有漏检</Text>}
      <View className='staff-table'>
        {report?.groups.map((group, i) => (
          <View className='staff-row' key={`${group.field}|${group.reason}`} id={`miss-${i}`}>
            <View className='staff-cell-wide'>
              <Text className='miss-field' id={`miss-${i}-field`}>
                {group.fieldLabel}
              </Text>
              <Text id={`miss-${i}-reason`}>{group.reason}</Text>
              <Text className='hint'>建议：{group.suggestion}</Text>
            </View>
            <View className='staff-cell'>
              <Text className='tag'>{group.area}</Text>
              <Text className='tag tag-warn' id={`miss-${i}-count`}>
                {group.count} 次
              </Text>
              <Text className='hint'>{group.months.map((month) => `${month.month}：${month.count}`).join(' · ')}</Text>
              <Text className='hint'>{group.provinces.map((province) => province.name).join('、')}</Text>
              <Text className='hint'>最近 {formatChinaTime(group.lastAt)}</Text>
            </View>
            <View className='staff-cell'>
              <Button className='btn-secondary' size='mini' id={`miss-${i}-draft-rule`} onClick={() => setDrafts({ ...drafts, [i]: missRuleDraft(group) })}>
                起草规则
              </Button>
            </View>
            {drafts[i] && (
              <Text className='hint rule-draft code-text' id={`miss-${i}-rule`} userSelect>
                {drafts[i]}
              </Text>
            )}
          </View>
        ))}
      </View>
    </View>
  );
}
