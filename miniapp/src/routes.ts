import Taro from '@tarojs/taro';

/** Every page of the app with the query it takes; `app.config.ts` lists the same pages. */
export const ROUTES = {
  home: '/pages/index/index',
  progress: '/pages/progress/index',
  login: '/pages/login/index',
  'filing-start': '/filing/pages/start/index',
} as const;

export type RouteName = keyof typeof ROUTES;

export interface RouteParams {
  home: Record<string, never>;
  progress: { id: string };
  login: Record<string, never>;
  'filing-start': { id?: string };
}

type ParamsArg<N extends RouteName> = Record<string, never> extends RouteParams[N]
  ? [params?: RouteParams[N]]
  : [params: RouteParams[N]];

export function routeUrl<N extends RouteName>(name: N, ...[params]: ParamsArg<N>): string {
  const query = Object.entries(params ?? {})
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `${ROUTES[name]}?${query}` : ROUTES[name];
}

/** Opens a page on top of the current one. */
export function navigate<N extends RouteName>(name: N, ...params: ParamsArg<N>): Promise<unknown> {
  return Taro.navigateTo({ url: routeUrl(name, ...params) });
}

/** Replaces the current page. */
export function redirect<N extends RouteName>(name: N, ...params: ParamsArg<N>): Promise<unknown> {
  return Taro.redirectTo({ url: routeUrl(name, ...params) });
}

/** Clears the page stack and opens the page. */
export function relaunch<N extends RouteName>(name: N, ...params: ParamsArg<N>): Promise<unknown> {
  return Taro.reLaunch({ url: routeUrl(name, ...params) });
}

/** The current page's route name, if it is one of ours. */
export function currentRoute(): RouteName | undefined {
  const pages = Taro.getCurrentPages();
  const path = pages[pages.length - 1]?.route?.replace(/^\//, '');
  return (Object.keys(ROUTES) as RouteName[]).find((name) => ROUTES[name].slice(1) === path);
}
