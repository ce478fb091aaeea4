export type SubjectType = 'personal' | 'unit';
export type ServiceType = 'website' | 'app';

/** What a draft is validated against: the order kind, who files, what is filed and where. */
export interface FilingContext {
  kind: string;
  subjectType: SubjectType;
  serviceType?: ServiceType;
  /** GB/T 2260 code of the filing province (2 digits or any longer code inside it). */
  provinceCode?: string;
  /** Reference date for date-relative checks (certificate validity); defaults to the current time. */
  now?: Date;
}
