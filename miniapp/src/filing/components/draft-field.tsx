import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { disabledProps } from '../../components/busy-button.props';
import { useOrderStore } from '../../stores/order.store';
import { pathId, textAt } from '../../utils/draft-path.util';
import type { DateWheel } from '../utils/date-wheels.util';
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

export interface DraftDateFieldProps {
  path: string;
  label: string;
  placeholder: string;
  /** Where the wheel opens while the field is empty, and the dates it offers. */
  wheel: DateWheel;
  hint?: string;
}

/**
 * A date (YYYY-MM-DD) of one draft path, chosen on the platform's date wheel (Taro `Picker`, mode `date`) in WeChat
 * and in H5 alike. The element id is `pathId(path)`.
 */
export function DraftDateField({ path, label, placeholder, wheel, hint }: DraftDateFieldProps) {
  const id = pathId(path);
  const value = useOrderStore((state) => textAt(state.draft, path));
  const locked = useFieldLocked(path);
  return (
    <View className='field'>
      <Text className='field-label'>{label}</Text>
      <Picker
        mode='date'
        value={value || wheel.opensOn}
        start={wheel.start}
        end={wheel.end}
        disabled={locked}
        onChange={(event) => useOrderStore.getState().setField(path, String(event.detail.value))}
      >
        <View className={`choice-value${locked ? ' choice-disabled' : ''}`} id={id}>
          <Text className={value ? '' : 'placeholder'}>{value || placeholder}</Text>
          {!locked && <Text className='choice-arrow'>▼</Text>}
        </View>
      </Picker>
      {hint && <Text className='hint'>{hint}</Text>}
      <RejectionNote path={path} />
      <FieldErrorText id={id} path={path} />
    </View>
  );
}
