export default definePageConfig({
  navigationBarTitleText: '备案授权码',
});
