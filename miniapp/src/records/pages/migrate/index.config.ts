export default definePageConfig({
  navigationBarTitleText: '迁移备案账号',
});
