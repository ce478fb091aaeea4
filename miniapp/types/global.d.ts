/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

/** Base URL of the API: `''` (same origin) in H5, the server's address in the weapp. Set at build time. */
declare const API_BASE_URL: string;

/** WeChat subscribe-message template ids for progress messages. Set at build time. */
declare const SUBSCRIBE_TEMPLATE_IDS: string[];

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5';
    API_BASE_URL?: string;
    SUBSCRIBE_TEMPLATE_IDS?: string;
    TARO_APP_ID?: string;
  }
}
