import Taro from '@tarojs/taro';
import { pathId } from '../../utils/draft-path.util';

/**
 * Brings a field into view once its error is shown (the first error of 下一步 / 完成此网站 / 重新提交). The H5 build
 * scrolls the element itself: Taro's pageScrollTo measures from the element's offset parent, not the page.
 */
export function scrollToField(path: string): void {
  const selector = `#${pathId(path)}`;
  Taro.nextTick(() => {
    if (process.env.TARO_ENV === 'h5') document.querySelector(selector)?.scrollIntoView({ block: 'center' });
    else Taro.pageScrollTo({ selector, duration: 200 }).catch(() => undefined);
  });
}
