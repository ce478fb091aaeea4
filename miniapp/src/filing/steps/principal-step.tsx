import { View } from '@tarojs/components';
import { PrincipalForm } from '../components/principal-form';
import type { StepProps } from './step-props';

/** 主体负责人: a personal filer is their own principal; a unit names its principal (usually the legal representative). */
export function PrincipalStep({ subjectType, orderId, ensureOrder, emergencyRequired }: StepProps) {
  return (
    <View>
      <PrincipalForm
        path='subjectPrincipal'
        personal={subjectType === 'personal'}
        emergencyRequired={emergencyRequired}
        orderId={ensureOrder}
        currentOrderId={orderId}
      />
    </View>
  );
}
