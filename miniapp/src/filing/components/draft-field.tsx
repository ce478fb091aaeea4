import { Input, Text, Textarea, View } from '@tarojs/components';
import { disabledProps } from '../../components/busy-button.props';
import { useOrderStore } from '../../stores/order.store';
import { pathId, textAt } from '../../utils/draft-path.util';
import { RejectionNote, useFieldLocked } from './rejection-note';

/** The error under a field: `<id>-error`, only while there is one. */
export function FieldErrorText({ id, path }: { id: string; path: string }) {
  const error = useOrderStore((state) => state.fieldErrors[path]);
  return error ? (
    <Text className='error-text' id={`${id}-error`}>
      {error}
    </Text>
  ) : null;
}

export interface DraftFieldProps {
  /** Draft path; the element id is `pathId(path)` (see draft-path.util). */
  path: string;
  label: string;
  placeholder: string;
  type?: 'text' | 'idcard' | 'number' | 'digit';
  maxlength?: number;
  multiline?: boolean;
  disabled?: boolean;
  hint?: string;
}

/** A labelled text input bound to one draft path, with its error message underneath. */
export function DraftField({ path, label, placeholder, type = 'text', maxlength = 140, multiline, disabled, hint }: DraftFieldProps) {
  const id = pathId(path);
  const value = useOrderStore((state) => textAt(state.draft, path));
  const locked = useFieldLocked(path);
  const change = (next: string) => useOrderStore.getState().setField(path, next);
  return (
    <View className='field'>
      <Text className='field-label'>{label}</Text>
      {multiline ? (
        <Textarea
          className='field-textarea'
          id={id}
          maxlength={maxlength}
          placeholder={placeholder}
          value={value}
          {...disabledProps(disabled === true || locked)}
          onInput={(event) => change(event.detail.value)}
        />
      ) : (
        <Input
          className='field-input'
          id={id}
          type={type}
          maxlength={maxlength}
          placeholder={placeholder}
          value={value}
          {...disabledProps(disabled === true || locked)}
          onInput={(event) => change(event.detail.value)}
        />
      )}
      {hint && <Text className='hint'>{hint}</Text>}
      <RejectionNote path={path} />
      <FieldErrorText id={id} path={path} />
    </View>
  );
}
