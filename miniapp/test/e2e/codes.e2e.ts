import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  CODE_LIMITS,
  SERVICE_CODE_PICKER_HINT,
  type FilingSubjectSummary,
  type GrantCheck,
  type RegisterResourceRequest,
  type ResourceChoice,
} from '@beian/shared';
import { ApiTestKit, PERSON_ID_LAST_SIX, USCC, freshPersonId } from '@beian/shared/testing';
import { fill, phonePage } from './support/browser';
import { e2eDatabases } from './support/database';
import { acceptReview, cancellationCode, fillPrincipal, nextStep, recordFaceCheck, smsCode, uploadAndWait, waitSaved } from './support/filing';
import { pickChoice, pickRegion } from './support/wheel';
import { makeFixtures, type Fixtures } from './support/fixtures';
import { answerPublicSecurityDialog, confirmDialog, expectText, logInThroughTheUi } from './support/page-steps';
import { approveSubmittedOrder, regulatorApprovesCancellation } from './support/regulator-approval';
import { onStage } from './support/stage';
import { expectReadable } from './support/what-a-person-sees';

describe.each(e2eDatabases())('备案授权码 and 服务码 across accounts on %s, through the screen', (databaseName) => {
  const stage = onStage(databaseName);
  let files: Fixtures;

  beforeAll(async () => {
    files = await makeFixtures();
  });

  const { shot } = stage;

  /** A CVM the account bought (the cloud console, an outside system): registered in the simulated cloud inventory. */
  function registerServer(account: ApiTestKit): Promise<ResourceChoice> {
    const cvm: RegisterResourceRequest = {
      type: 'cvm',
      region: 'ap-guangzhou',
      publicIp: '81.70.12.34',
      billingMode: 'prepaid',
      termMonths: 36,
      expiresAt: new Date(Date.now() + 3 * 365 * 86_400_000).toISOString(),
    };
    return account.ok('simulated server', 'PUT', `/api/sim/resources/ins-${randomUUID().slice(0, 8)}`, cvm);
  }

  async function boughtServer(nickname: string): Promise<ResourceChoice> {
    return registerServer(await new ApiTestKit(stage.server.url).devLogin(nickname));
  }

  /** 我的账号 on screen: 企业认证 when `enterprise` is given, and the account ID read off the page. */
  async function accountOnScreen(page: Page, enterprise?: string): Promise<string> {
    await page.locator('#open-account').click();
    await expectText(page, '#account-type', '主账号');
    if (enterprise) {
      await page.locator('#real-name-enterprise').click();
      await fill(page, 'real-name-name', enterprise);
      await fill(page, 'real-name-certificate', USCC);
      await page.locator('#submit-real-name').click();
      await expectText(page, '#real-name-state', '已认证（企业认证）');
    }
    const accountId = (await page.locator('#account-id').textContent())!.trim();
    await page.goBack();
    await page.locator('#home').waitFor();
    return accountId;
  }

  it('should let a second account file with a 授权码 the first generated: 使用中 while in review, 已使用 once approved', async () => {
    const instance = await boughtServer('授权方');
    const owner = await phonePage(stage.browser);
    await logInThroughTheUi(owner, stage.server, '授权方');
    await accountOnScreen(owner, '授权方科技有限公司');
    const applicant = await phonePage(stage.browser);
    await logInThroughTheUi(applicant, stage.server, '使用方');
    const applicantId = await accountOnScreen(applicant);

    await owner.locator('#open-authorization-codes').click();
    await fill(owner, `target-${instance.instanceId}`, applicantId);
    await owner.locator(`#generate-${instance.instanceId}`).click();
    const item = owner.locator('#authorization-codes .code-item').first();
    await item.waitFor();
    const code = (await item.locator('.code-value').textContent())!.trim();
    await expectText(owner, `#code-${code}-state`, '可使用');
    await owner.locator(`#code-${code}-copy`).click();
    await expectText(owner, `#code-${code}-copy`, '已复制');
    await expectReadable(owner, [instance.instanceId]);
    await shot(owner, 'codes-01-authorization-generated');

    // The applicant files a personal website with the code instead of an instance of their own.
    const idNumber = freshPersonId();
    const mobile = '13700137000';
    const applicantApi = await new ApiTestKit(stage.server.url).devLogin('使用方');
    await applicant.locator('#start-filing').click();
    await applicant.locator('#step-verify_type').waitFor();
    await pickRegion(applicant, '110105');
    await pickChoice(applicant, 'subject-nature', '个人');
    await fill(applicant, 'subject-certificate-number', idNumber);
    await fill(applicant, 'subject-name', '李雷');
    await fill(applicant, 'websites-0-domains-0', 'lilei-codes.com');
    await pickChoice(applicant, 'websites-0-resource-type', '备案授权码（其他账号授权）');
    await fill(applicant, 'websites-0-resource-authorization-code', code);
    await applicant.locator('#websites-0-resource-authorization-code-check').click();
    await expectText(applicant, '#websites-0-resource-authorization-code-ip', `授权码有效，指向服务器 IP：${instance.publicIp}`);
    await expectReadable(applicant);
    await shot(applicant, 'codes-02-code-in-verify-step');
    await nextStep(applicant, 'subject');
    await fill(applicant, 'subject-certificate-address', '北京市朝阳区某街道1号');
    await fill(applicant, 'subject-communication-address', '北京市朝阳区某街道1号101室');
    await nextStep(applicant, 'subject_principal');
    await fillPrincipal(applicant, applicantApi, files.photo, { prefix: 'subject-principal', mobile, email: 'lilei@example.com' });
    await nextStep(applicant, 'services');
    await fill(applicant, 'websites-0-name', '李雷的小站');
    await applicant.locator('#websites-0-service-content-option-other').click();
    await pickChoice(applicant, 'websites-0-principal-same-as', '主体负责人');
    await expectText(applicant, '#websites-0-principal-sms-code-state', '已验证');
    await applicant.locator('#service-done').click();
    await nextStep(applicant, 'materials');
    await uploadAndWait(applicant, 'websites-0-domain_real_name', files.photo);
    await nextStep(applicant, 'face_check');
    await applicant.locator('#face-principal-0-self').click();
    await applicant.locator('#principal-face').waitFor();
    await recordFaceCheck(applicant, files.video);
    await applicant.locator('#back-to-filing').click();
    await nextStep(applicant, 'review_submit');
    await acceptReview(applicant);
    await waitSaved(applicant);
    await applicant.locator('#submit').click();
    await answerPublicSecurityDialog(applicant, false);
    await applicant.locator('#progress').waitFor();
    await expectText(applicant, '#order-status', '待初审');
    const orderId = new URL(applicant.url().replace('#/', '')).searchParams.get('id')!;

    await owner.reload();
    await expectText(owner, `#code-${code}-state`, '使用中');
    await expectReadable(owner, [instance.instanceId]);
    await shot(owner, 'codes-03-authorization-in-use');
    await approveSubmittedOrder(stage.server, '使用方', orderId, { mobile, certLastSix: PERSON_ID_LAST_SIX });
    // Weeks went by in review: the owner's session ended, so they log in again.
    await logInThroughTheUi(owner, stage.server, '授权方');
    await owner.locator('#open-authorization-codes').click();
    await expectText(owner, `#code-${code}-state`, '已使用');
    await expectReadable(owner, [instance.instanceId]);
    await shot(owner, 'codes-04-authorization-used');

    // The applicant ends our access for the website on screen (取消接入) and the 管局 approves it: the code stays
    // 已使用, never 可使用 again (seed 004 L21).
    const applicantAgain = await new ApiTestKit(stage.server.url).devLogin('使用方');
    const [subject] = await applicantAgain.ok<FilingSubjectSummary[]>('我的备案', 'GET', '/api/filings/subjects');
    await logInThroughTheUi(applicant, stage.server, '使用方');
    await applicant.locator('#open-records').click();
    await applicant.locator(`#subject-${subject!.id}`).click();
    await applicant.locator('#service-1').click();
    await applicant.locator('#service-more').click();
    await applicant.locator('#action-cancel_access').click();
    await applicant.locator('#cancel-notices').waitFor();
    await expectReadable(applicant);
    await applicant.locator('#notice-next').click();
    await applicant.locator('#send-code').click();
    await fill(applicant, 'code', await cancellationCode(stage.server, mobile));
    await expectReadable(applicant);
    await shot(applicant, 'codes-09-cancel-access');
    await applicant.locator('#submit-cancellation').click();
    await expectText(applicant, '#cancel-done', '等待管局审核');
    await regulatorApprovesCancellation(stage.server, '使用方', { mobile, certLastSix: PERSON_ID_LAST_SIX }, false);
    await logInThroughTheUi(owner, stage.server, '授权方');
    await owner.locator('#open-authorization-codes').click();
    await expectText(owner, `#code-${code}-state`, '已使用');
    await expectReadable(owner, [code, instance.instanceId]);
    await shot(owner, 'codes-10-authorization-still-used-after-cancel-access');
    const reused = await (
      await new ApiTestKit(stage.server.url).devLogin('使用方')
    ).call<{ fields: { message: string }[] }>('POST', '/api/codes/check', { kind: 'authorization', code });
    expect(reused.body.fields[0]?.message).toBe(`备案授权码已使用：${CODE_LIMITS.oneCodeOneService.rule}`);
  });

  it('should grant 服务码 to another account with the phone code on the first grant, and refuse a 4th grantor with the rule', async () => {
    const instance = await boughtServer('服务码授权方');
    const owner = await phonePage(stage.browser);
    await logInThroughTheUi(owner, stage.server, '服务码授权方');
    await accountOnScreen(owner, '服务码授权方科技有限公司');
    const receiver = await phonePage(stage.browser);
    await logInThroughTheUi(receiver, stage.server, '服务码接收方');
    const receiverId = await accountOnScreen(receiver);

    await owner.locator('#open-service-codes').click();
    await owner.locator(`#apply-${instance.instanceId}`).click();
    await fill(owner, 'grant-count', '2');
    await fill(owner, 'grant-target', receiverId);
    await fill(owner, 'grant-remark', '官网备案');
    await owner.locator('#grant-verify').click();
    await owner.locator('#grant-sms').waitFor();
    const mobile = '13700137001';
    await fill(owner, 'grant-mobile', mobile);
    await owner.locator('#grant-send-code').click();
    await fill(owner, 'grant-sms-code', await smsCode(await new ApiTestKit(stage.server.url).devLogin('服务码授权方'), mobile));
    await expectReadable(owner, [instance.instanceId]);
    await shot(owner, 'codes-05-grant-phone-code');
    await owner.locator('#grant-submit').click();
    await confirmDialog(owner);
    await expectText(owner, '#service-codes-own', '可使用');
    expect(await owner.locator('#service-codes-own .code-item').count()).toBe(2);
    await expectReadable(owner, [instance.instanceId]);
    await shot(owner, 'codes-06-service-codes-own');

    // A 服务码 applied for without a server is 未绑定实例 until the owner binds it (查看并绑定服务码, seed 004 L79).
    await owner.locator('#apply-unbound').click();
    await fill(owner, 'grant-count', '1');
    await fill(owner, 'grant-target', receiverId);
    await owner.locator('#grant-verify').click();
    await owner.locator('#grant-submit').click();
    await confirmDialog(owner);
    await expectText(owner, '#service-codes-own .code-item', '未绑定实例');
    const unbound = owner.locator('#service-codes-own .code-item').first();
    const unboundCode = (await unbound.locator('.code-value').textContent())!.trim();
    await expectText(owner, `#code-${unboundCode}-state`, '未绑定实例');
    await expectReadable(owner, [...(await owner.locator('#service-codes-own .code-value').allTextContents()).map((c) => c.trim()), instance.instanceId]);
    await shot(owner, 'codes-06b-service-code-unbound');
    await owner.locator(`#code-${unboundCode}-bind-${instance.instanceId}`).click();
    await expectText(owner, `#code-${unboundCode}-state`, '可使用');
    await expectText(owner, `#code-${unboundCode}`, instance.publicIp!);
    await shot(owner, 'codes-06c-service-code-bound');

    await receiver.locator('#open-service-codes').click();
    await receiver.locator('#tab-received').click();
    await expectText(receiver, '#service-codes-received', '可使用');
    await expectText(receiver, '#service-codes-received', '备注：官网备案');
    await expectReadable(receiver);
    await shot(receiver, 'codes-07-service-codes-received');
    const receivedCodes = (await receiver.locator('#service-codes-received .code-value').allTextContents()).map((code) => code.trim());
    const granted = receivedCodes[0]!;

    // The receiver's wizard offers 选择ICP备案服务码 with the granted codes and the seed's hint.
    await receiver.goBack();
    await receiver.locator('#start-filing').click();
    await receiver.locator('#step-verify_type').waitFor();
    await pickChoice(receiver, 'websites-0-resource-type', '选择ICP备案服务码');
    await receiver.locator(`#service-code-${granted}`).click();
    await expectText(receiver, `#service-code-${granted}`, '◉');
    await expectText(receiver, '#websites-0-resource-service-code', SERVICE_CODE_PICKER_HINT);
    await expectReadable(receiver, receivedCodes);
    await shot(receiver, 'codes-07b-service-code-picker');

    // Two more accounts granted codes to the receiver this year (their own consoles, through the API).
    for (const other of ['第二授权方', '第三授权方']) {
      const api = await new ApiTestKit(stage.server.url).devLogin(other);
      await api.ok('企业认证', 'POST', '/api/accounts/me/real-name', { type: 'enterprise', name: `${other}有限公司`, certificateNumber: USCC });
      const { instanceId } = await registerServer(api);
      const request = { instanceId, count: 1, targetAccountId: receiverId };
      const check = await api.ok<GrantCheck>('验证', 'POST', '/api/codes/service/grants/verify', request);
      const otherMobile = other === '第二授权方' ? '13700137002' : '13700137003';
      await api.ok('phone code', 'POST', '/api/sms/codes', { mobile: otherMobile, purpose: 'code_grant' });
      await api.ok('生成并授权', 'POST', '/api/codes/service/grants', { ...request, mobile: otherMobile, smsCode: await smsCode(api, otherMobile) });
      expect(check.needsSmsCode).toBe(true);
    }
    const fourthServer = await boughtServer('第四授权方');
    const fourth = await phonePage(stage.browser);
    await logInThroughTheUi(fourth, stage.server, '第四授权方');
    await accountOnScreen(fourth, '第四授权方科技有限公司');
    await fourth.locator('#open-service-codes').click();
    await fourth.locator(`#apply-${fourthServer.instanceId}`).click();
    await fill(fourth, 'grant-target', receiverId);
    await fourth.locator('#grant-verify').click();
    await expectText(fourth, '#grant-target-error', CODE_LIMITS.receiverDistinctGrantorsPerYear.rule);
    await expectReadable(fourth, [fourthServer.instanceId]);
    await shot(fourth, 'codes-08-fourth-grantor-refused');
  });
});
