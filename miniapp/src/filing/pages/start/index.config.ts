export default definePageConfig({
  navigationBarTitleText: 'ICP首次备案',
  // The face-check step shares invitations to principals as mini-program cards.
  enableShareAppMessage: true,
});
