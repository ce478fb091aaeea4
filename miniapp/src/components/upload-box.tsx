import { useState } from 'react';
import { Button, Image, Text, View } from '@tarojs/components';
import type { MaterialFile, UploadContentType, UploadTicket } from '@beian/shared';
import { ApiError } from '../services/request';
import { uploadPicked } from '../services/upload.service';
import { PHOTO_MAX_BYTES, PickError, type OnChosen, type PickedFile } from '../utils/media-picker.util';
import { disabledProps } from './busy-button.props';

export interface UploadBoxProps {
  /** Element id: `<id>-pick` chooses a file, `<id>-retry` retries, `<id>-status` tells the state, `<id>-error`. */
  id: string;
  label: string;
  hint?: string;
  /** The server reports this upload's errors on this path (`uploadFieldPath(target, kind)`). */
  errorPath: string;
  error: string | undefined;
  onError(message: string | null): void;
  uploaded: boolean;
  /** Calls `onChosen` when a photo is chosen and its compression starts. */
  pick(onChosen: OnChosen): Promise<PickedFile | null>;
  createTicket(meta: { contentType: UploadContentType; size: number }): Promise<UploadTicket>;
  onUploaded(file: MaterialFile): void;
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** One upload: choose (compressed on the device), two-phase upload with progress, retry, the server's verdict. */
export function UploadBox({ id, label, hint, errorPath, error, onError, uploaded, pick, createTicket, onUploaded }: UploadBoxProps) {
  const [progress, setProgress] = useState<number | null>(null);
  const [failed, setFailed] = useState<PickedFile | null>(null);
  const [file, setFile] = useState<MaterialFile | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [compressing, setCompressing] = useState(false);

  const showError = onError;

  async function send(picked: PickedFile) {
    showError(null);
    setFailed(null);
    try {
      const confirmed = await uploadPicked(picked, createTicket, setProgress);
      setFile(confirmed);
      onUploaded(confirmed);
    } catch (failure) {
      const apiError = failure instanceof ApiError ? failure : null;
      showError(apiError?.fieldMessages()[errorPath] ?? apiError?.fields[0]?.message ?? apiError?.message ?? '上传失败，请点击重试');
      // Only a failure of the network or the storage is worth retrying with the same file.
      if (!apiError || apiError.status === 0 || apiError.status >= 500 || apiError.code === 'UPLOAD_FAILED') setFailed(picked);
    } finally {
      setProgress(null);
    }
  }

  async function choose() {
    let picked: PickedFile | null;
    try {
      picked = await pick(() => setCompressing(true));
    } catch (failure) {
      showError(failure instanceof PickError ? failure.message : '无法读取该文件，请重新选择');
      return;
    } finally {
      setCompressing(false);
    }
    if (!picked) return;
    setNote(picked.originalSize && picked.originalSize > PHOTO_MAX_BYTES ? `已自动压缩：${size(picked.originalSize)} → ${size(picked.size)}` : null);
    await send(picked);
  }

  const status = compressing ? '正在压缩照片…' : progress !== null ? `上传中 ${progress}%` : uploaded || file ? '已上传' : '未上传';
  return (
    <View className='field upload-box' id={id}>
      <Text className='field-label'>{label}</Text>
      {hint && <Text className='hint'>{hint}</Text>}
      {file?.thumbnailUrl && <Image className='upload-thumb' src={file.thumbnailUrl} mode='aspectFit' />}
      <View className='upload-row'>
        <Text className={uploaded || file ? 'upload-done' : 'hint'} id={`${id}-status`}>
          {status}
        </Text>
        <Button className='btn-small' id={`${id}-pick`} onClick={() => void choose()} {...disabledProps(compressing || progress !== null)}>
          {uploaded || file ? '重新上传' : '上传'}
        </Button>
        {failed && (
          <Button className='btn-small' id={`${id}-retry`} onClick={() => void send(failed)}>
            重试
          </Button>
        )}
      </View>
      {note && (
        <Text className='hint' id={`${id}-note`}>
          {note}
        </Text>
      )}
      {error && (
        <Text className='error-text' id={`${id}-error`}>
          {error}
        </Text>
      )}
    </View>
  );
}
