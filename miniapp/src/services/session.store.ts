/** The signed-in session: the request client's auth header reads its token and ends it on an expired 401. */
import Taro from '@tarojs/taro';
import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import type { LoginResponse, SessionUser } from '@beian/shared';

interface SessionState {
  token: string | null;
  /** Kept in memory only: personal data never goes to local storage. */
  user: SessionUser | null;
  signIn(login: LoginResponse): void;
  clear(): void;
}

const taroStorage: StateStorage = {
  // The weapp answers '' for a missing key.
  getItem: (name) => Taro.getStorageSync<string>(name) || null,
  setItem: (name, value) => Taro.setStorageSync(name, value),
  removeItem: (name) => Taro.removeStorageSync(name),
};

export const useSessionStore = create<SessionState>()(
  persist(
    (set) => ({
      token: null,
      user: null,
      signIn: ({ token, user }) => set({ token, user }),
      clear: () => set({ token: null, user: null }),
    }),
    {
      name: 'beian.session',
      storage: createJSONStorage(() => taroStorage),
      partialize: ({ token }) => ({ token }),
    },
  ),
);
