import Taro from '@tarojs/taro';
import type { MaterialFile, UploadContentType, UploadTicket } from '@beian/shared';
import type { PickedFile } from '../utils/media-picker.util';
import { confirmUpload } from './materials.api';
import { ApiError, CLIENT_ERRORS } from './request';

export type ProgressListener = (percent: number) => void;

function absolute(url: string): string {
  return url.startsWith('/') ? `${API_BASE_URL}${url}` : url;
}

function putInBrowser(ticket: UploadTicket, blob: Blob, onProgress: ProgressListener): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(ticket.method, absolute(ticket.uploadUrl));
    for (const [name, value] of Object.entries(ticket.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new ApiError(xhr.status, 'UPLOAD_FAILED', '上传失败，请点击重试')));
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', CLIENT_ERRORS.NETWORK_ERROR));
    xhr.send(blob);
  });
}

async function putInWeapp(ticket: UploadTicket, path: string, onProgress: ProgressListener): Promise<void> {
  const bytes = await new Promise<ArrayBuffer>((resolve, reject) =>
    Taro.getFileSystemManager().readFile({
      filePath: path,
      success: (result) => resolve(result.data as ArrayBuffer),
      fail: () => reject(new ApiError(0, 'READ_FAILED', '无法读取文件，请重新选择')),
    }),
  );
  const response = await Taro.request({ url: absolute(ticket.uploadUrl), method: 'PUT', header: ticket.headers, data: bytes }).catch(() => {
    throw new ApiError(0, 'NETWORK_ERROR', CLIENT_ERRORS.NETWORK_ERROR);
  });
  if (response.statusCode < 200 || response.statusCode >= 300) throw new ApiError(response.statusCode, 'UPLOAD_FAILED', '上传失败，请点击重试');
  onProgress(100);
}

/** Ticket → bytes → confirm. `createTicket` asks the server for a ticket (owner or invited principal). */
export async function uploadPicked(
  file: PickedFile,
  createTicket: (meta: { contentType: UploadContentType; size: number }) => Promise<UploadTicket>,
  onProgress: ProgressListener,
): Promise<MaterialFile> {
  onProgress(0);
  const ticket = await createTicket({ contentType: file.contentType, size: file.size });
  if (file.blob) await putInBrowser(ticket, file.blob, onProgress);
  else if (file.path) await putInWeapp(ticket, file.path, onProgress);
  return confirmUpload(ticket.uploadId);
}
