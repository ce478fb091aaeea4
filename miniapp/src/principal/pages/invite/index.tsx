import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import {
  BIOMETRIC_CONSENT_TEXT,
  BIOMETRIC_CONSENT_VERSION,
  type FaceChallenge,
  type FaceCheckView,
  type InvitationView,
  type UploadContentType,
} from '@beian/shared';
import { busyButtonProps } from '../../../components/busy-button.props';
import { UploadBox } from '../../../components/upload-box';
import { relaunch, routeUrl } from '../../../routes';
import { createPrincipalUpload, createUpload } from '../../../services/materials.api';
import {
  acceptInvitation,
  attachInvitationIdPhoto,
  getInvitation,
  giveConsent,
  newFaceChallenge,
  submitFaceCheck,
  type FaceCheckSubject,
} from '../../../services/principals.api';
import { ApiError } from '../../../services/request';
import { useSessionStore } from '../../../services/session.store';
import { pickPhoto, recordSelfieVideo } from '../../../utils/media-picker.util';
import { OwnMobileVerify } from '../../components/own-mobile-verify';

const RESULT_TEXT: Record<FaceCheckView['status'], string> = {
  pending: '视频已提交，正在核验，请稍后查看结果',
  passed: '视频核验已通过，感谢配合',
  pending_reviewer_confirmation: '视频已通过自动检查，审核人员确认后即完成，感谢配合',
  failed: '核验未通过，请按提示重新录制',
  rejected: '核验被驳回，请按提示重新录制',
};
const DONE: readonly FaceCheckView['status'][] = ['pending', 'passed', 'pending_reviewer_confirmation'];
const REQUIREMENTS = '录制要求：白色纯色背景、光线充足；不戴帽子、口罩、耳机或反光眼镜；面部无遮挡、表情自然；画面中只有本人；环境安静。';

function messageOf(error: unknown): string {
  return error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : '操作失败，请重试';
}

/**
 * A principal's own part: opened by the invited person (`token`/`scene`) on their phone — ID photos (they become the
 * order's materials), their own mobile by SMS code, the face check — or by the order's owner for the face check on
 * this phone (`orderId` + `path`). Ids: `invite-summary`, `invite-accept`, `biometric-consent-tick`,
 * `biometric-consent-submit`, `id-photo-front`/`-back`, `own-mobile` (see OwnMobileVerify), `face-start`,
 * `face-digits`, `face-video` (an UploadBox), `face-result`, `page-error`.
 */
export default function PrincipalFacePage() {
  const { params } = useRouter<{ token?: string; scene?: string; orderId?: string; path?: string }>();
  const token = params.token ?? (params.scene ? decodeURIComponent(params.scene) : undefined);
  const subject: FaceCheckSubject | null = token
    ? { kind: 'invitation', token }
    : params.orderId && params.path
      ? { kind: 'order', orderId: params.orderId, path: params.path }
      : null;
  const [view, setView] = useState<InvitationView | null>(null);
  const [consented, setConsented] = useState(false);
  const [ticked, setTicked] = useState(false);
  const [challenge, setChallenge] = useState<FaceChallenge | null>(null);
  const [result, setResult] = useState<FaceCheckView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [uploadErrors, setUploadErrors] = useState<Record<string, string | undefined>>({});
  const [busy, setBusy] = useState(false);

  async function refresh() {
    if (!token) return;
    const loaded = await getInvitation(token);
    setView(loaded);
    setConsented(loaded.consent !== null);
    setResult(loaded.faceCheck);
  }

  async function openInvitation() {
    if (!useSessionStore.getState().token) {
      const here = token ? routeUrl('principal-face', { token }) : routeUrl('principal-face', { orderId: params.orderId, path: params.path });
      await relaunch('login', { back: here });
      return;
    }
    await refresh().catch((failure: unknown) => setError(messageOf(failure)));
  }

  useLoad(() => void openInvitation());

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  const accept = () => run(async () => setView(await acceptInvitation(token!)));
  const consent = () =>
    run(async () => {
      await giveConsent(subject!, { version: BIOMETRIC_CONSENT_VERSION });
      setConsented(true);
    });
  const start = () => run(async () => setChallenge(await newFaceChallenge(subject!)));

  function ticket(kind: 'certificate_front' | 'certificate_back' | 'face_video') {
    return (meta: { contentType: UploadContentType; size: number }) =>
      subject!.kind === 'invitation'
        ? createPrincipalUpload(subject!.token, { kind, ...meta })
        : createUpload(subject!.orderId, { kind, target: subject!.path, ...meta });
  }

  async function videoUploaded(videoFileId: string) {
    if (!challenge) return;
    await run(async () => {
      try {
        setResult(await submitFaceCheck(subject!, { challengeId: challenge.challengeId, videoFileId }));
        setChallenge(null);
      } catch (failure) {
        if (failure instanceof ApiError && failure.code === 'FACE_CHALLENGE_EXPIRED') setChallenge(null);
        throw failure;
      }
    });
  }

  /** An invitee's photo is attached to the order as the material of this principal. */
  const photoUploaded = (fileId: string) =>
    void run(async () => {
      if (subject?.kind === 'invitation') setView(await attachInvitationIdPhoto(subject.token, fileId));
      else await refresh();
    });

  const uploadError = (key: string) => ({
    error: uploadErrors[key],
    onError: (message: string | null) => setUploadErrors((current) => ({ ...current, [key]: message ?? undefined })),
  });

  if (!subject) {
    return (
      <View className='page'>
        <Text className='error-text' id='page-error'>
          邀请链接不完整，请让申请人重新发送邀请
        </Text>
      </View>
    );
  }

  const waitingForAccept = subject.kind === 'invitation' && (!view || !view.acceptedByMe);
  const needFront = view ? !view.idPhotos.front : false;
  const needBack = view ? view.idPhotos.backRequired && !view.idPhotos.back : false;
  const needMobile = subject.kind === 'invitation' && view !== null && !view.mobileVerified;
  const done = result !== null && DONE.includes(result.status);

  return (
    <View className='page' id='principal-face'>
      {error && (
        <Text className='error-text' id='page-error'>
          {error}
        </Text>
      )}
      {view && (
        <View className='card' id='invite-summary'>
          <Text className='card-title'>{view.roleLabel}本人核验</Text>
          <Text className='hint'>请依次完成：上传本人证件照片、验证本人手机号码、录制视频。</Text>
          <Text className='hint'>主办者：{view.subjectName}</Text>
          {view.services.map((service) => (
            <Text className='hint' key={`${service.type}-${service.name}`}>
              {service.type === 'website' ? '网站' : 'APP'}：{service.name} {service.domains.join(' ')}
            </Text>
          ))}
          <Text className='hint'>
            负责人：{view.principal.nameMasked} {view.principal.certificateNumberMasked}
          </Text>
        </View>
      )}
      {waitingForAccept && view && (
        <Button className='btn-primary' id='invite-accept' {...busyButtonProps(busy)} onClick={() => void accept()}>
          我是{view.principal.nameMasked}，开始核验
        </Button>
      )}
      {!waitingForAccept && !done && !consented && (
        <View className='card' id='biometric-consent'>
          <Text className='card-title'>人脸信息处理单独同意</Text>
          <Text className='hint'>{view?.consentText ?? BIOMETRIC_CONSENT_TEXT}</Text>
          <Text className={`chip${ticked ? ' chip-active' : ''}`} id='biometric-consent-tick' onClick={() => setTicked(!ticked)}>
            {ticked ? '☑' : '☐'} 我已阅读并同意处理我的人脸视频和证件照片
          </Text>
          {ticked && (
            <Button className='btn-primary' id='biometric-consent-submit' {...busyButtonProps(busy)} onClick={() => void consent()}>
              同意并继续
            </Button>
          )}
        </View>
      )}
      {!waitingForAccept && !done && consented && (needFront || needBack) && (
        <View className='card'>
          <Text className='card-title'>上传本人证件照片</Text>
          {needFront && (
            <UploadBox
              id='id-photo-front'
              label='证件照片（人像面）'
              errorPath='certificate_front'
              {...uploadError('front')}
              uploaded={false}
              pick={pickPhoto}
              createTicket={ticket('certificate_front')}
              onUploaded={(file) => photoUploaded(file.fileId)}
            />
          )}
          {needBack && (
            <UploadBox
              id='id-photo-back'
              label='证件照片（国徽面）'
              errorPath='certificate_back'
              {...uploadError('back')}
              uploaded={false}
              pick={pickPhoto}
              createTicket={ticket('certificate_back')}
              onUploaded={(file) => photoUploaded(file.fileId)}
            />
          )}
        </View>
      )}
      {!waitingForAccept && consented && !needFront && !needBack && needMobile && subject.kind === 'invitation' && (
        <OwnMobileVerify token={subject.token} mobileMasked={view.principal.mobileMasked} onVerified={setView} />
      )}
      {!waitingForAccept && !done && consented && !needFront && !needBack && !needMobile && (
        <View className='card' id='face-recording'>
          <Text className='card-title'>录制自拍视频</Text>
          <Text className='hint'>{REQUIREMENTS}</Text>
          {result && !done && <Text className='error-text'>{result.reason ?? RESULT_TEXT[result.status]}</Text>}
          {!challenge ? (
            <Button className='btn-primary' id='face-start' {...busyButtonProps(busy)} onClick={() => void start()}>
              获取朗读数字并开始
            </Button>
          ) : (
            <View>
              <Text className='hint'>请使用前置摄像头录制5–15秒视频，录制时正对镜头、清晰读出：</Text>
              <Text className='face-digits' id='face-digits'>
                {challenge.digits}
              </Text>
              <UploadBox
                id='face-video'
                label='自拍视频'
                hint='视频不超过5 MB'
                errorPath='face_video'
                {...uploadError('video')}
                uploaded={false}
                pick={recordSelfieVideo}
                createTicket={ticket('face_video')}
                onUploaded={(file) => void videoUploaded(file.fileId)}
              />
            </View>
          )}
        </View>
      )}
      {done && result && (
        <View className='card' id='face-result'>
          <Text className='card-title'>{RESULT_TEXT[result.status]}</Text>
          {subject.kind === 'order' && (
            <Button
              className='btn-secondary'
              id='back-to-filing'
              onClick={() => void Taro.navigateBack().catch(() => relaunch('filing-start', { id: subject.orderId, step: 'face_check' }))}
            >
              返回备案
            </Button>
          )}
        </View>
      )}
    </View>
  );
}
