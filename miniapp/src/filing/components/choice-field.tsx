import { Picker, Text, View } from '@tarojs/components';
import { useOrderStore } from '../../stores/order.store';
import { getAt, pathId } from '../../utils/draft-path.util';
import { FieldErrorText } from './draft-field';
import { RejectionNote, useFieldLocked } from './rejection-note';

export interface ChoiceOption {
  key: string;
  label: string;
}

interface ChoiceListProps {
  /** Element id of the field a person taps to open the wheel. */
  id: string;
  label: string;
  options: readonly ChoiceOption[];
  value: string | undefined;
  placeholder?: string;
  disabled?: boolean;
  onChange(key: string): void;
  /** The draft path whose error is shown under the field (`<id>-error`). */
  errorPath?: string;
}

/** A short choice: the platform's bottom-sheet wheel (Taro `Picker`, mode `selector`), in WeChat and in H5 alike. */
export function ChoiceList({ id, label, options, value, placeholder = '请选择', disabled, onChange, errorPath }: ChoiceListProps) {
  const chosen = options.find((option) => option.key === value);
  return (
    <View className='field'>
      <Text className='field-label'>{label}</Text>
      <Picker
        mode='selector'
        range={options.map((option) => option.label)}
        value={Math.max(
          0,
          options.findIndex((option) => option.key === value),
        )}
        disabled={disabled}
        onChange={(event) => {
          const picked = options[Number(event.detail.value)];
          if (picked) onChange(picked.key);
        }}
      >
        <View className={`choice-value${disabled ? ' choice-disabled' : ''}`} id={id}>
          <Text className={chosen ? '' : 'placeholder'}>{chosen?.label ?? placeholder}</Text>
          {!disabled && <Text className='choice-arrow'>▼</Text>}
        </View>
      </Picker>
      {errorPath && <RejectionNote path={errorPath} />}
      {errorPath && <FieldErrorText id={id} path={errorPath} />}
    </View>
  );
}

/** A choice from a catalog bound to one draft path. */
export function DraftChoice(props: { path: string; label: string; options: readonly ChoiceOption[]; disabled?: boolean; onChosen?(key: string): void }) {
  const value = useOrderStore((state) => getAt(state.draft, props.path));
  const locked = useFieldLocked(props.path);
  return (
    <ChoiceList
      id={pathId(props.path)}
      label={props.label}
      options={props.options}
      value={typeof value === 'string' ? value : undefined}
      disabled={props.disabled === true || locked}
      errorPath={props.path}
      onChange={(key) => {
        useOrderStore.getState().setField(props.path, key);
        props.onChosen?.(key);
      }}
    />
  );
}

const YES_NO: readonly ChoiceOption[] = [
  { key: 'yes', label: '是' },
  { key: 'no', label: '否' },
];

/** A yes/no question bound to a boolean draft path. */
export function DraftYesNo({ path, label }: { path: string; label: string }) {
  const value = useOrderStore((state) => getAt(state.draft, path));
  const locked = useFieldLocked(path);
  return (
    <ChoiceList
      id={pathId(path)}
      label={label}
      options={YES_NO}
      disabled={locked}
      value={value === true ? 'yes' : value === false ? 'no' : undefined}
      errorPath={path}
      onChange={(key) => useOrderStore.getState().setField(path, key === 'yes')}
    />
  );
}

/** Several catalog choices (service content, languages) as chips; the draft holds the list of keys. */
export function DraftMultiChoice({ path, label, options }: { path: string; label: string; options: readonly ChoiceOption[] }) {
  const id = pathId(path);
  const raw = useOrderStore((state) => getAt(state.draft, path));
  const selected = Array.isArray(raw) ? (raw as string[]) : [];
  const locked = useFieldLocked(path);
  const toggle = (key: string) => {
    if (!locked) useOrderStore.getState().setField(path, selected.includes(key) ? selected.filter((item) => item !== key) : [...selected, key]);
  };
  return (
    <View className='field' id={id}>
      <Text className='field-label'>{label}</Text>
      <View className='chips'>
        {options.map((option) => (
          <Text
            key={option.key}
            className={`chip${selected.includes(option.key) ? ' chip-active' : ''}${locked ? ' field-locked' : ''}`}
            id={`${id}-option-${option.key}`}
            onClick={() => toggle(option.key)}
          >
            {option.label}
          </Text>
        ))}
      </View>
      <RejectionNote path={path} />
      <FieldErrorText id={id} path={path} />
    </View>
  );
}
