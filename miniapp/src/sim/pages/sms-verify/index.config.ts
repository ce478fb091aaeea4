export default definePageConfig({
  navigationBarTitleText: '短信核验（模拟）',
});
