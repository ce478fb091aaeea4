export default defineAppConfig({
  pages: ['pages/index/index', 'pages/progress/index', 'pages/login/index', 'pages/messages/index'],
  subPackages: [
    { root: 'filing', pages: ['pages/start/index'] },
    { root: 'principal', pages: ['pages/invite/index'] },
    { root: 'staff', pages: ['pages/queue/index', 'pages/order/index', 'pages/misses/index'] },
    { root: 'sim', pages: ['pages/sms-verify/index', 'pages/resources/index'] },
    {
      root: 'records',
      pages: [
        'pages/list/index',
        'pages/subject/index',
        'pages/service/index',
        'pages/lookup/index',
        'pages/change/index',
        'pages/migrate/index',
        'pages/account/index',
      ],
    },
    { root: 'cancel', pages: ['pages/actions/index', 'pages/flow/index'] },
    { root: 'codes', pages: ['pages/authorization/index', 'pages/service/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: 'ICP备案',
    navigationBarTextStyle: 'black',
    // The H5 build draws its title bar (title, back and home buttons) only when asked; WeChat draws its own.
    navigationStyle: 'default',
  },
  // H5 only (the weapp has no such key): no slide-in between pages, so the new page shows at once.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
});
