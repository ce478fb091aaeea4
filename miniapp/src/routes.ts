import Taro from '@tarojs/taro';

/** Every page of the app with the query it takes; `app.config.ts` lists the same pages. */
export const ROUTES = {
  home: '/pages/index/index',
  progress: '/pages/progress/index',
  login: '/pages/login/index',
  'filing-start': '/filing/pages/start/index',
  'principal-face': '/principal/pages/invite/index',
  messages: '/pages/messages/index',
  'staff-queue': '/staff/pages/queue/index',
  'staff-order': '/staff/pages/order/index',
  'staff-misses': '/staff/pages/misses/index',
  'sim-sms-verify': '/sim/pages/sms-verify/index',
  'sim-resources': '/sim/pages/resources/index',
  'records-list': '/records/pages/list/index',
  'records-subject': '/records/pages/subject/index',
  'records-service': '/records/pages/service/index',
  'records-lookup': '/records/pages/lookup/index',
  'cancel-actions': '/cancel/pages/actions/index',
  'cancel-flow': '/cancel/pages/flow/index',
  'records-change': '/records/pages/change/index',
  'records-migrate': '/records/pages/migrate/index',
  'records-account': '/records/pages/account/index',
  'codes-authorization': '/codes/pages/authorization/index',
  'codes-service': '/codes/pages/service/index',
} as const;

export type RouteName = keyof typeof ROUTES;

export interface RouteParams {
  home: Record<string, never>;
  progress: { id: string };
  /** `back`: a page address to return to after logging in. */
  login: { back?: string };
  /** `step`: an OrderStepKey to open at; `scene`: a scanned 扫码继续 code (the server resolves order and step). */
  'filing-start': { id?: string; step?: string; scene?: string };
  /**
   * A principal's face check: `token` (H5 link) or `scene` (mini-program code) for an invited person; `orderId` +
   * `path` for the order's owner doing it on this phone.
   */
  'principal-face': { token?: string; scene?: string; orderId?: string; path?: string };
  messages: Record<string, never>;
  /** The staff review console (role reviewer; desktop H5 first). */
  'staff-queue': Record<string, never>;
  'staff-order': { id: string };
  /** 预检漏检分析: 初审 rejections the pre-check did not flag, by field and reason. */
  'staff-misses': Record<string, never>;
  /** The simulated MIIT SMS verification form (simulators only); `mobile` pre-fills the form from the SMS link. */
  'sim-sms-verify': { mobile?: string };
  /** The simulated provider inventory (role admin): an account's instances, registered and refunded by staff. */
  'sim-resources': { accountId?: string };
  /** 我的备案: the caller's approved subjects. */
  'records-list': Record<string, never>;
  /** `tab`: `website` or `app`, the tab to open at. */
  'records-subject': { id: string; tab?: string };
  'records-service': { id: string };
  /** 备案查询: `q` pre-fills and runs the query. */
  'records-lookup': { q?: string };
  /** The 注销 / 取消接入 actions of a subject, or of one of its services with `serviceId` (its "···"). */
  'cancel-actions': { subjectId: string; serviceId?: string };
  /** `kind`: a cancellation kind; `serviceId`: the service of a single-service kind. */
  'cancel-flow': { kind: string; subjectId: string; serviceId?: string };
  /** 变更备案 / 变更服务 of a subject: 注意事项 → 选择需要变更的服务 → the wizard; `serviceId` is chosen first. */
  'records-change': { subjectId: string; kind: 'change_filing' | 'change_service'; serviceId?: string };
  /** 迁移备案账号 of a subject: 注意事项 → 验证信息 → 确定. */
  'records-migrate': { subjectId: string };
  /** 我的账号: the account ID (with 复制), the type and the 实名认证. */
  'records-account': Record<string, never>;
  /** 备案授权码: generate from this account's servers, list, copy, revoke. */
  'codes-authorization': Record<string, never>;
  /** 服务码管理: tabs 本账号生成的 / 他人授权给我的, and 申请 a grant per server. */
  'codes-service': Record<string, never>;
}

type ParamsArg<N extends RouteName> = Record<string, never> extends RouteParams[N] ? [params?: RouteParams[N]] : [params: RouteParams[N]];

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

/** The current page's route name (`below`: of the page that many steps back), if it is one of ours. */
export function currentRoute(below = 0): RouteName | undefined {
  const pages = Taro.getCurrentPages();
  const path = pages[pages.length - 1 - below]?.route?.replace(/^\//, '');
  return (Object.keys(ROUTES) as RouteName[]).find((name) => ROUTES[name].slice(1) === path);
}
