/** The few `@tarojs/taro` calls the tested modules make; each test sets what `request` answers. */
const storage = new Map<string, string>();

const Taro = {
  request: jest.fn(),
  reLaunch: jest.fn(() => Promise.resolve()),
  redirectTo: jest.fn(() => Promise.resolve()),
  navigateTo: jest.fn(() => Promise.resolve()),
  getCurrentPages: jest.fn((): { route?: string }[] => []),
  getCurrentInstance: jest.fn((): { router: { path: string; params: Record<string, string> } | null } => ({ router: null })),
  // The weapp answers '' for a missing key.
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: string) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
};

export default Taro;
