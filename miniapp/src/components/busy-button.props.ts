/**
 * `loading`/`disabled` for a Button while its action runs. Taro H5 renders `disabled={false}` as a
 * `disabled="false"` attribute, which its stylesheet greys out, so the props are left out when idle.
 */
export function busyButtonProps(busy: boolean): { loading?: true; disabled?: true } {
  return busy ? { loading: true, disabled: true } : {};
}

/** `disabled` only while `disabled` is true, for the same reason as `busyButtonProps`. */
export function disabledProps(disabled: boolean): { disabled?: true } {
  return disabled ? { disabled: true } : {};
}
