export default definePageConfig({
  navigationBarTitleText: '预检漏检分析',
});
