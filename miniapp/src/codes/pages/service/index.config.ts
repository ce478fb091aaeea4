export default definePageConfig({
  navigationBarTitleText: '服务码管理',
});
