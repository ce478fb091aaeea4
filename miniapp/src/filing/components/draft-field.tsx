import { Input, Text, View } from '@tarojs/components';

/** An input bound to one draft path. */
export interface DraftFieldSpec {
  /** Element id of the input; its error is shown in `<id>-error`. */
  id: string;
  /** Draft path, as in the API's field errors. */
  path: string;
  label: string;
  placeholder: string;
  type?: 'text' | 'idcard' | 'number';
  maxlength?: number;
}

interface DraftFieldProps {
  field: DraftFieldSpec;
  value: string;
  error?: string;
  onChange(value: string): void;
}

/** One labelled input with its error message underneath (`<id>-error`, only while there is one). */
export function DraftField({ field, value, error, onChange }: DraftFieldProps) {
  return (
    <View className='field'>
      <Text className='field-label'>{field.label}</Text>
      <Input
        className='field-input'
        id={field.id}
        type={field.type ?? 'text'}
        maxlength={field.maxlength ?? 140}
        placeholder={field.placeholder}
        value={value}
        onInput={(event) => onChange(event.detail.value)}
      />
      {error && (
        <Text className='error-text' id={`${field.id}-error`}>
          {error}
        </Text>
      )}
    </View>
  );
}
