import { renderSVG } from 'uqr';

/** A QR code of a link as an image source, for another phone to scan (an invitation, 扫码继续 on H5). */
export function qrImage(url: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(url, { border: 2 }))}`;
}
