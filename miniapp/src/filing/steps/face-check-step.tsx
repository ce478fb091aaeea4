import { useCallback, useEffect, useState } from 'react';
import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { FaceCheckView, Invitation, PrincipalStatus } from '@beian/shared';
import { navigate, routeUrl } from '../../routes';
import { invitationCodeFile, invitePrincipal, listPrincipals, revokeInvitation } from '../../services/principals.api';
import { ApiError } from '../../services/request';
import { useOrderStore } from '../../stores/order.store';
import { principalLabel } from '../components/principal-form';
import { qrImage } from '../utils/qr-image.util';
import type { StepProps } from './step-props';

const STATUS_TEXT: Record<FaceCheckView['status'], string> = {
  pending: '核验中',
  passed: '已通过',
  pending_reviewer_confirmation: '已完成，待审核人员确认',
  failed: '未通过',
  rejected: '被驳回，须重新录制',
};

export function faceCheckText(check: FaceCheckView | null): string {
  if (!check) return '未完成';
  return check.reason ? `${STATUS_TEXT[check.status]}：${check.reason}` : STATUS_TEXT[check.status];
}

/** The H5 address an invited principal opens (as a link or a QR code). */
function invitationUrl(invitation: Invitation): string {
  const origin = process.env.TARO_ENV === 'h5' ? window.location.origin : '';
  return `${origin}/#${routeUrl('principal-face', { token: invitation.token })}`;
}

/**
 * 视频核验: one check per distinct principal, done on this phone or by the person on their own phone through an
 * invitation (`face-principal-<i>` with `-status`, `-self`, `-invite`, `-link`, `-qr`, `-copy`, `-share`, `-wxacode`,
 * `-revoke`).
 */
export function FaceCheckStep({ orderId, visits }: StepProps & { visits: number }) {
  const [principals, setPrincipals] = useState<PrincipalStatus[] | null>(null);
  const [invitations, setInvitations] = useState<Record<string, Invitation>>({});
  /** weapp: the mini-program code of each invitation (a temporary file), keyed by principal path. */
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (!orderId) return;
    try {
      const store = useOrderStore.getState();
      await store.flush();
      setPrincipals(await listPrincipals(orderId));
      // Invited principals' ID photos reach the order on the server: the wizard takes them in.
      if (useOrderStore.getState().saveState === 'saved') await store.load(orderId);
      setError(null);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '加载失败，请点击刷新');
    }
  }, [orderId]);

  useEffect(() => {
    void refresh();
  }, [refresh, visits]);

  async function invite(path: string) {
    if (!orderId) return;
    try {
      const invitation = await invitePrincipal(orderId, path);
      setInvitations((current) => ({ ...current, [path]: invitation }));
      if (process.env.TARO_ENV === 'weapp') {
        const file = await invitationCodeFile(invitation.invitationId).catch(() => null);
        if (file) setCodes((current) => ({ ...current, [path]: file }));
      }
      await refresh();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '邀请失败，请重试');
    }
  }

  async function revoke(path: string, invitationId: string) {
    if (!orderId) return;
    await revokeInvitation(orderId, invitationId).catch(() => undefined);
    setInvitations(({ [path]: _revoked, ...rest }) => rest);
    await refresh();
  }

  return (
    <View id='face-check'>
      <Text className='hint'>
        每位负责人需本人录制一段5–15秒的自拍视频并读出屏幕上的数字：白色背景、光线充足、不戴帽子口罩、画面中只有本人。同一人在本订单中只需核验一次。
      </Text>
      {error && (
        <Text className='error-text' id='face-error'>
          {error}
        </Text>
      )}
      {principals === null && !error && <Text className='hint'>加载中…</Text>}
      {principals?.map((principal, i) => {
        const id = `face-principal-${i}`;
        // The account owner is the subject principal: only that person checks on this phone; others are invited.
        const self = principal.paths.includes('subjectPrincipal');
        const path = self ? 'subjectPrincipal' : (principal.paths[0] ?? '');
        const invitation = invitations[path];
        const done = principal.inRecord || principal.faceCheck?.status === 'passed' || principal.faceCheck?.status === 'pending_reviewer_confirmation';
        return (
          <View className='sub-card' id={id} key={path}>
            <Text className='service-title'>
              {principal.nameMasked}（{principal.paths.map(principalLabel).join('、')}）
            </Text>
            <Text className={done ? 'upload-done' : 'hint'} id={`${id}-status`}>
              {principal.inRecord ? '已备案的负责人，本次变更无需重新核验' : faceCheckText(principal.faceCheck)}
              {principal.invitation && !done
                ? ` · 邀请${principal.invitation.status === 'accepted' ? '已接受' : principal.invitation.status === 'open' ? '已发送' : '已失效'}`
                : ''}
            </Text>
            {!done && (
              <View className='upload-row'>
                {self && (
                  <Button className='btn-small' id={`${id}-self`} onClick={() => void navigate('principal-face', { orderId: orderId ?? '', path })}>
                    在本机完成
                  </Button>
                )}
                <Button className='btn-small' id={`${id}-invite`} onClick={() => void invite(path)}>
                  {principal.invitation?.status === 'open' ? '重新邀请' : '邀请本人完成'}
                </Button>
              </View>
            )}
            {invitation && !done && (
              <View className='notice'>
                {process.env.TARO_ENV === 'h5' ? (
                  <View>
                    <Text id={`${id}-sms`}>
                      邀请短信已发送至{invitation.smsSentTo}。也可以把链接发给{principal.nameMasked}，在其本人手机上打开（
                      {new Date(invitation.expiresAt).toLocaleString('zh-CN', { hour12: false })}前有效）：
                    </Text>
                    <Image className='invite-qr' id={`${id}-qr`} src={qrImage(invitationUrl(invitation))} mode='aspectFit' />
                    <Text className='invite-link' id={`${id}-link`} userSelect>
                      {invitationUrl(invitation)}
                    </Text>
                    <Text className='link' id={`${id}-copy`} onClick={() => void Taro.setClipboardData({ data: invitationUrl(invitation) })}>
                      复制链接
                    </Text>
                  </View>
                ) : (
                  <View>
                    <Text id={`${id}-sms`}>邀请短信已发送至{invitation.smsSentTo}</Text>
                    {codes[path] && (
                      <View>
                        <Text>请{principal.nameMasked}用本人微信扫描小程序码完成核验：</Text>
                        <Image className='invite-qr' id={`${id}-wxacode`} src={codes[path]!} mode='aspectFit' showMenuByLongpress />
                      </View>
                    )}
                    <Button className='btn-small' id={`${id}-share`} openType='share' data-token={invitation.token} data-name={principal.nameMasked}>
                      发送给{principal.nameMasked}
                    </Button>
                  </View>
                )}
              </View>
            )}
            {principal.invitation?.status === 'open' && !done && (
              <Text className='link danger' id={`${id}-revoke`} onClick={() => void revoke(path, principal.invitation!.invitationId)}>
                撤销邀请
              </Text>
            )}
          </View>
        );
      })}
      <Text className='link' id='face-refresh' onClick={() => void refresh()}>
        刷新核验状态
      </Text>
    </View>
  );
}
