import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useLoad, useRouter, useUnload } from '@tarojs/taro';
import { API_ERRORS, validateDraftForSubmit, type FieldError } from '@beian/shared';
import { busyButtonProps } from '../../../components/busy-button.props';
import { redirect } from '../../../routes';
import { newIdempotencyKey } from '../../../services/request';
import { useOrderStore, type SaveState } from '../../../stores/order.store';
import { sectionsWithValues } from '../../../utils/draft-path.util';
import { DraftField } from '../../components/draft-field';
import { FIRST_WEBSITE_FILING, START_FIELDS, START_FORM } from './start-fields';

const SAVE_STATE_TEXT: Record<SaveState, string> = {
  saved: '已保存',
  saving: '保存中…',
  unsaved: '未保存',
  conflict: '未保存（内容冲突）',
};

/** Client-side errors of the fields on this page. The server checks the whole draft on submit and answers the rest. */
function draftErrors(): FieldError[] {
  const { values, base } = useOrderStore.getState();
  return validateDraftForSubmit(sectionsWithValues(base, values), FIRST_WEBSITE_FILING).filter((error) =>
    START_FORM.paths.includes(error.path),
  );
}

export default function FilingStartPage() {
  const { params } = useRouter<{ id?: string }>();
  const [createKey] = useState(newIdempotencyKey);
  const [submitting, setSubmitting] = useState(false);
  const order = useOrderStore((state) => state.order);
  const loading = useOrderStore((state) => state.loading);
  const error = useOrderStore((state) => state.error);
  const values = useOrderStore((state) => state.values);
  const fieldErrors = useOrderStore((state) => state.fieldErrors);
  const saveState = useOrderStore((state) => state.saveState);
  const conflict = useOrderStore((state) => state.conflict);

  useLoad(async () => {
    const store = useOrderStore.getState();
    if (params.id) {
      await store.load(params.id, START_FORM);
      return;
    }
    const created = await store.create(FIRST_WEBSITE_FILING, createKey, START_FORM);
    // The order's id goes into the address, so reopening the page edits this order instead of starting another.
    if (created) await redirect('filing-start', { id: created.id });
  });

  useUnload(() => void useOrderStore.getState().flush());

  /**
   * Errors appear on submit, then follow the typing of the fields that have one. Never on blur: a message
   * appearing there would move the submit button under the finger that is tapping it.
   */
  const change = (path: string, value: string) => {
    const store = useOrderStore.getState();
    const hadError = path in store.fieldErrors;
    store.setValue(path, value);
    if (hadError) store.setFieldErrors(draftErrors(), [path]);
  };

  async function submit() {
    const store = useOrderStore.getState();
    const errors = draftErrors();
    store.setFieldErrors(errors);
    if (errors.length > 0) return;
    setSubmitting(true);
    try {
      const submitted = await store.submit(newIdempotencyKey());
      if (submitted) await redirect('progress', { id: submitted.id });
    } finally {
      setSubmitting(false);
    }
  }

  const otherErrors = Object.entries(fieldErrors).filter(([path]) => !START_FORM.paths.includes(path));

  return (
    <View className='page' id='filing-start'>
      {error && (
        <Text className='error-text' id='form-error'>
          {error}
        </Text>
      )}
      {conflict && (
        <View className='notice' id='conflict'>
          <Text>{API_ERRORS.VERSION_CONFLICT}</Text>
          <Button
            className='btn-secondary'
            id='conflict-use-server'
            onClick={() => void useOrderStore.getState().takeServerCopy(START_FORM)}
          >
            使用另一设备上的内容
          </Button>
          <Button className='btn-secondary' id='conflict-keep-mine' onClick={() => void useOrderStore.getState().keepMine()}>
            保留本机填写的内容
          </Button>
        </View>
      )}
      {!order && loading && <Text className='hint'>正在创建备案订单…</Text>}
      {order && (
        <View className='card'>
          <Text className='card-title'>个人首次备案 — 网站</Text>
          <Text className='hint' id='save-state'>
            {SAVE_STATE_TEXT[saveState]}
          </Text>
          {START_FIELDS.map((field) => (
            <DraftField
              key={field.id}
              field={field}
              value={values[field.path] ?? ''}
              error={fieldErrors[field.path]}
              onChange={(value) => change(field.path, value)}
            />
          ))}
          {otherErrors.length > 0 && (
            <View id='form-errors'>
              {otherErrors.map(([path, message]) => (
                <Text className='error-text' key={path}>
                  {message}
                </Text>
              ))}
            </View>
          )}
          <Button className='btn-primary' id='submit' {...busyButtonProps(submitting)} onClick={submit}>
            提交备案
          </Button>
        </View>
      )}
    </View>
  );
}
