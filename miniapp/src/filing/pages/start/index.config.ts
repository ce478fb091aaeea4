export default definePageConfig({
  navigationBarTitleText: '个人首次备案',
});
