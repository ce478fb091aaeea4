import type { OcrKind, OcrResponse } from '@beian/shared';

export type OcrFields = OcrResponse['fields'];

/** The OCR port: reads a certificate photo; unrecognised fields are left out, never guessed. */
export abstract class OcrEngine {
  abstract recognize(kind: OcrKind, image: Buffer): Promise<OcrFields>;
}

/** Embedded default: no OCR engine ships with the server, so nothing is recognised and the user types the fields. */
export class NoOcrEngine extends OcrEngine {
  recognize(): Promise<OcrFields> {
    return Promise.resolve({});
  }
}
