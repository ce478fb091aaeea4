import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { API_ERRORS, fieldLabel } from '@beian/shared';
import { useOrderStore, type ConflictChoice } from '../../stores/order.store';

function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

/**
 * Another device saved first: every differing field with both values, chosen per field (`conflict-field-<i>-mine`,
 * `-server`), then `conflict-apply`; `conflict-keep-mine` / `conflict-use-server` choose all at once.
 */
export function ConflictPanel() {
  const conflict = useOrderStore((state) => state.conflict);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  if (!conflict) return null;
  const all = (choice: ConflictChoice) => Object.fromEntries(conflict.fields.map((field) => [field.path, choice]));
  const apply = (picked: Record<string, ConflictChoice>) => {
    setChoices({});
    void useOrderStore.getState().resolveConflict(picked);
  };
  const complete = conflict.fields.every((field) => choices[field.path]);
  return (
    <View className='notice' id='conflict'>
      <Text>
        {API_ERRORS.VERSION_CONFLICT}：以下{conflict.fields.length}项两边不同，请逐项选择要保留的内容。
      </Text>
      {conflict.fields.map((field, i) => (
        <View className='conflict-field' id={`conflict-field-${i}`} key={field.path}>
          <Text className='field-label'>{fieldLabel(field.path)}</Text>
          <View
            className={`conflict-choice${choices[field.path] === 'mine' ? ' chip-active' : ''}`}
            id={`conflict-field-${i}-mine`}
            onClick={() => setChoices({ ...choices, [field.path]: 'mine' })}
          >
            <Text>本机：{shown(field.mine)}</Text>
          </View>
          <View
            className={`conflict-choice${choices[field.path] === 'server' ? ' chip-active' : ''}`}
            id={`conflict-field-${i}-server`}
            onClick={() => setChoices({ ...choices, [field.path]: 'server' })}
          >
            <Text>另一设备：{shown(field.server)}</Text>
          </View>
        </View>
      ))}
      {complete && (
        <Button className='btn-primary' id='conflict-apply' onClick={() => apply(choices)}>
          按所选内容保存
        </Button>
      )}
      <View className='upload-row'>
        <Button className='btn-small' id='conflict-keep-mine' onClick={() => apply(all('mine'))}>
          全部保留本机
        </Button>
        <Button className='btn-small' id='conflict-use-server' onClick={() => apply(all('server'))}>
          全部使用另一设备
        </Button>
      </View>
    </View>
  );
}
