import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { ContinueCode } from '@beian/shared';
import { getContinueCode } from '../../services/orders.api';
import { qrImage } from '../utils/qr-image.util';

/** A browser wide enough to be a computer's; phones and the mini-program never show the code. */
const DESKTOP_MIN_WIDTH = 768;

function isDesktopBrowser(): boolean {
  return process.env.TARO_ENV === 'h5' && window.innerWidth >= DESKTOP_MIN_WIDTH;
}

/**
 * 扫码继续 (desktop H5): a code of this order at this step; the phone scans it and opens the same order at the same
 * step, for uploads and the face video. Ids: `continue-on-phone`, `continue-qr`, `continue-link`.
 */
export function ContinueOnPhone({ orderId, step }: { orderId: string; step: string }) {
  const [code, setCode] = useState<ContinueCode | null>(null);
  const desktop = isDesktopBrowser();

  useEffect(() => {
    if (!desktop) return;
    let current = true;
    getContinueCode(orderId, step)
      .then((answer) => current && setCode(answer))
      .catch(() => current && setCode(null));
    return () => {
      current = false;
    };
  }, [desktop, orderId, step]);

  if (!desktop || !code) return null;
  const url = `${window.location.origin}/#${code.link}`;
  return (
    <View className='card continue-card' id='continue-on-phone'>
      <Text className='card-title'>扫码在手机上继续</Text>
      <Text className='hint'>上传证件照片、录制视频更方便：用登录本账号的手机微信扫码，打开本订单的当前步骤继续填写。</Text>
      <Image className='invite-qr' id='continue-qr' src={qrImage(url)} mode='aspectFit' />
      <Text className='invite-link' id='continue-link' userSelect>
        {url}
      </Text>
    </View>
  );
}
