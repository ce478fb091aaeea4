import { uploadFieldPath, type DraftMaterial, type MaterialFile, type MaterialKind } from '@beian/shared';
import { createUpload } from '../../services/materials.api';
import { useOrderStore } from '../../stores/order.store';
import { pathId } from '../../utils/draft-path.util';
import { pickDocument, pickPhoto } from '../../utils/media-picker.util';
import { UploadBox } from '../../components/upload-box';

export function materialsOf(draft: Record<string, unknown>): DraftMaterial[] {
  return Array.isArray(draft.materials) ? (draft.materials as DraftMaterial[]) : [];
}

/** Puts an uploaded file into `draft.materials`, replacing the earlier file of the same kind and target. */
export function keepMaterial(kind: MaterialKind, target: string, file: MaterialFile): void {
  useOrderStore.getState().updateDraft(
    (draft) => ({
      ...draft,
      materials: [...materialsOf(draft).filter((item) => !(item.kind === kind && item.target === target)), { kind, fileId: file.fileId, target }],
    }),
    ['materials'],
  );
}

interface MaterialUploadProps {
  kind: MaterialKind;
  target: string;
  label: string;
  hint?: string;
  /** Letters and documents may be a PDF; certificate photos, screenshots and icons must be photos. */
  document?: boolean;
  /** Creates the order first when there is none yet (OCR on the first step). */
  orderId(): Promise<string | null>;
  onUploaded?(file: MaterialFile): void;
}

/** UploadBox error props bound to the order store's field errors. */
export function storeErrorProps(errorPath: string) {
  return {
    errorPath,
    onError: (message: string | null) =>
      useOrderStore.getState().setFieldErrors(message ? [{ path: errorPath, code: 'UPLOAD', message }] : [], (path) => path === errorPath),
  };
}

/** A material of the order (`draft.materials` entry `{ kind, target, fileId }`); element id `pathId(<target>.<kind>)`. */
export function MaterialUpload({ kind, target, label, hint, document, orderId, onUploaded }: MaterialUploadProps) {
  const errorPath = uploadFieldPath(target, kind);
  const uploaded = useOrderStore((state) => materialsOf(state.draft).some((item) => item.kind === kind && item.target === target));
  const error = useOrderStore((state) => state.fieldErrors[errorPath]);
  return (
    <UploadBox
      id={pathId(errorPath)}
      label={label}
      hint={hint}
      {...storeErrorProps(errorPath)}
      error={error}
      uploaded={uploaded}
      pick={document ? pickDocument : pickPhoto}
      createTicket={async (meta) => {
        const id = await orderId();
        if (!id) throw new Error('order');
        return createUpload(id, { kind, target, ...meta });
      }}
      onUploaded={(file) => {
        keepMaterial(kind, target, file);
        onUploaded?.(file);
      }}
    />
  );
}
