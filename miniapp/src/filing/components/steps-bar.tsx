import { ScrollView, Text, View } from '@tarojs/components';
import type { OrderStepKey } from '@beian/shared';
import { WIZARD_STEPS } from '../utils/filing-steps.util';

/** The wizard's steps (`step-tab-<key>`); a tab opens its step once the order exists. */
export function StepsBar({ current, enabled, onSelect }: { current: OrderStepKey; enabled: boolean; onSelect(step: OrderStepKey): void }) {
  const currentIndex = WIZARD_STEPS.findIndex((step) => step.key === current);
  return (
    <ScrollView scrollX className='steps-bar' id='steps-bar'>
      {WIZARD_STEPS.map((step, i) => (
        <View
          key={step.key}
          id={`step-tab-${step.key}`}
          className={`step-tab${step.key === current ? ' step-tab-active' : ''}${i < currentIndex ? ' step-tab-done' : ''}`}
          onClick={() => enabled && onSelect(step.key)}
        >
          <Text className='step-number'>{i + 1}</Text>
          <Text className='step-label'>{step.label}</Text>
        </View>
      ))}
    </ScrollView>
  );
}
