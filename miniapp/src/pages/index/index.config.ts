export default definePageConfig({
  navigationBarTitleText: 'ICP备案',
});
