import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { EXPORT_FORMATS, MY_FILINGS_TEXTS, type ExportFormat } from '@beian/shared';
import { busyButtonProps } from '../../components/busy-button.props';
import { downloadFilingExport } from '../../services/filings.api';
import { ApiError } from '../../services/request';

/** WeChat opens XLSX and PDF in its document viewer; CSV only downloads in a browser. */
const FORMATS: ExportFormat[] = process.env.TARO_ENV === 'h5' ? ['xlsx', 'csv', 'pdf'] : ['xlsx', 'pdf'];

/** 导出基础信息: downloads the export and opens it (the document viewer in WeChat, a download in a browser). */
export function ExportButtons({ subjectId, fileLabel }: { subjectId?: string; fileLabel: string }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function exportAs(format: ExportFormat) {
    setBusy(format);
    setError(null);
    try {
      const path = await downloadFilingExport(format, subjectId);
      await openFile(path, `备案信息-${fileLabel}.${format}`, format);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '导出失败，请稍后重试');
    } finally {
      setBusy(null);
    }
  }

  return (
    <View className='export-box' id='export-box'>
      <Text className='hint'>{MY_FILINGS_TEXTS.exportNotice}</Text>
      <View className='export-buttons'>
        {FORMATS.map((format) => (
          <Button
            key={format}
            className='btn-secondary export-button'
            id={`export-${format}`}
            {...busyButtonProps(busy === format)}
            onClick={() => void exportAs(format)}
          >
            导出 {EXPORT_FORMATS[format].label}
          </Button>
        ))}
      </View>
      {error && <Text className='error-text'>{error}</Text>}
    </View>
  );
}

async function openFile(path: string, fileName: string, format: ExportFormat): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a');
    link.href = path;
    link.download = fileName;
    link.click();
    return;
  }
  await Taro.openDocument({ filePath: path, fileType: format as 'xlsx' | 'pdf', showMenu: true });
}
