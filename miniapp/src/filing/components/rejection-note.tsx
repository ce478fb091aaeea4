import { Text, View } from '@tarojs/components';
import type { OrderRejection } from '@beian/shared';
import { useOrderStore } from '../../stores/order.store';
import { isUnder, pathId } from '../../utils/draft-path.util';

/** Whether the applicant may change the field now: everything in a draft, only rejected or reopened fields after a 初审 rejection. */
export function useFieldLocked(path: string): boolean {
  return useOrderStore((state) => {
    const editable = state.order?.editablePaths;
    return editable !== null && editable !== undefined && !editable.some((open) => isUnder(path, open) || isUnder(open, path));
  });
}

/** The reviewer's rejection of this field (or of a part of it), if any. */
export function useRejection(path: string): OrderRejection | undefined {
  return useOrderStore((state) =>
    state.order?.rejections.find((rejection) => rejection.path !== null && (isUnder(rejection.path, path) || isUnder(path, rejection.path))),
  );
}

/** The reviewer's reason and suggestion, shown on the rejected field: `<id>-rejection`. */
export function RejectionNote({ path }: { path: string }) {
  const rejection = useRejection(path);
  if (!rejection) return null;
  return (
    <View className='rejection-note' id={`${pathId(path)}-rejection`}>
      <Text className='rejection-reason'>驳回原因：{rejection.reason}</Text>
      {rejection.suggestion && <Text className='hint'>修改建议：{rejection.suggestion}</Text>}
    </View>
  );
}
