export default definePageConfig({
  navigationBarTitleText: '主体信息',
});
