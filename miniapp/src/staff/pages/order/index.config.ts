export default definePageConfig({
  navigationBarTitleText: '初审订单',
});
