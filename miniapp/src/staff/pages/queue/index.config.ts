export default definePageConfig({
  navigationBarTitleText: '初审工作台',
});
