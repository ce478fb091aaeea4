export default definePageConfig({
  navigationBarTitleText: '注销与取消接入',
});
