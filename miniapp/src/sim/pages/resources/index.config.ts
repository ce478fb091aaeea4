export default definePageConfig({
  navigationBarTitleText: '云资源登记（模拟）',
});
