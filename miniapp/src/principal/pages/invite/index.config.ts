export default definePageConfig({
  navigationBarTitleText: '负责人视频核验',
});
