import { OFFLINE_GUIDANCE, ORDER_KIND_KEYS, ORDER_KINDS, isOrderKind, resolveSmsRecipients, smsRecipients, stepsFor } from '../../src/workflow';
import type { OrderKind, OrderStepKey, SmsRecipientRule } from '../../src/workflow';

describe('ORDER_KINDS', () => {
  it('should list every kind of DOMAIN.md §2 when the batch variants are included', () => {
    expect(ORDER_KIND_KEYS).toEqual([
      'first_filing',
      'access_filing',
      'add_service_local',
      'add_service_remote',
      'change_filing',
      'change_service',
      'cancel_subject',
      'cancel_service',
      'cancel_services_batch',
      'cancel_access',
      'cancel_access_batch',
      'migrate_account',
    ]);
  });

  it('should give a Chinese label and a dated source when any kind is read', () => {
    for (const kind of ORDER_KIND_KEYS) {
      expect(ORDER_KINDS[kind].label).toMatch(/\p{Script=Han}/u);
      expect(ORDER_KINDS[kind].sources.length).toBeGreaterThan(0);
      for (const source of ORDER_KINDS[kind].sources) expect(source.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('should keep 注销空壳主体 as offline guidance when it is not an order kind', () => {
    expect(isOrderKind('cancel_empty_subject')).toBe(false);
    expect(OFFLINE_GUIDANCE.cancel_empty_subject.label).toBe('注销空壳主体');
    expect(OFFLINE_GUIDANCE.cancel_empty_subject.steps.length).toBeGreaterThan(0);
  });

  it('should not take prototype members for kinds when checking a key', () => {
    expect(isOrderKind('toString')).toBe(false);
    expect(isOrderKind('first_filing')).toBe(true);
  });

  it('should limit services per order to 1 personal / 10 unit when the kind is a new filing', () => {
    for (const kind of ['first_filing', 'add_service_local', 'add_service_remote'] as const) {
      expect(ORDER_KINDS[kind].servicesPerOrder.max).toEqual({ personal: 1, unit: 10 });
    }
  });

  it('should leave the access-filing cap to the province rules when there is no national cap', () => {
    expect(ORDER_KINDS.access_filing.servicesPerOrder.max).toEqual({ personal: null, unit: null });
  });

  it('should forbid withdrawing at the 管局 when the kind is a cancellation', () => {
    const withdrawable = ORDER_KIND_KEYS.filter((kind) => ORDER_KINDS[kind].flow.withdrawableAtRegulator);

    expect(withdrawable).toEqual(['first_filing', 'access_filing', 'add_service_local', 'add_service_remote', 'change_filing', 'change_service']);
  });
});

describe('smsRecipients', () => {
  it.each<[OrderKind, SmsRecipientRule[]]>([
    [
      'first_filing',
      [
        { role: 'subject_principal', when: 'always' },
        { role: 'service_principal', when: 'always' },
      ],
    ],
    ['access_filing', [{ role: 'service_principal', when: 'always' }]],
    ['add_service_local', [{ role: 'service_principal', when: 'always' }]],
    ['add_service_remote', [{ role: 'service_principal', when: 'always' }]],
    [
      'change_filing',
      [
        { role: 'subject_principal', when: 'changed' },
        { role: 'service_principal', when: 'changed' },
      ],
    ],
    ['change_service', [{ role: 'service_principal', when: 'always' }]],
    ['cancel_subject', [{ role: 'subject_principal', when: 'always' }]],
    ['cancel_service', [{ role: 'service_principal', when: 'always' }]],
    ['cancel_services_batch', [{ role: 'service_principal', when: 'always' }]],
    ['cancel_access', []],
    ['cancel_access_batch', []],
    ['migrate_account', []],
  ])('should name the SMS recipients when the kind is %s', (kind, expected) => {
    expect(smsRecipients(kind)).toEqual(expected);
    expect(ORDER_KINDS[kind].flow.smsVerification).toBe(expected.length > 0);
  });
});

describe('resolveSmsRecipients', () => {
  const subject = { role: 'subject_principal', mobile: '13800138000' } as const;
  const service = { role: 'service_principal', mobile: '13900139000' } as const;

  it('should text both principals when the order is a first filing', () => {
    expect(resolveSmsRecipients('first_filing', [subject, service])).toEqual(['13800138000', '13900139000']);
  });

  it('should send one SMS when both principals share a phone', () => {
    const samePhone = { ...service, mobile: subject.mobile };

    expect(resolveSmsRecipients('first_filing', [subject, samePhone])).toEqual(['13800138000']);
  });

  it('should text only the principal whose part changed when the order is a change', () => {
    expect(resolveSmsRecipients('change_filing', [subject, { ...service, changed: true }])).toEqual(['13900139000']);
  });

  it('should text nobody when the order cancels access', () => {
    expect(resolveSmsRecipients('cancel_access', [subject, service])).toEqual([]);
  });

  it('should text only the subject principal when the order cancels the subject', () => {
    expect(resolveSmsRecipients('cancel_subject', [subject, service])).toEqual(['13800138000']);
  });
});

describe('stepsFor', () => {
  const full: OrderStepKey[] = ['verify_type', 'subject', 'subject_principal', 'services', 'materials', 'face_check', 'review_submit'];

  it.each<[OrderKind, OrderStepKey[]]>([
    ['first_filing', full],
    ['access_filing', full],
    ['add_service_local', full],
    ['add_service_remote', full],
    ['change_filing', full.slice(1)],
    ['change_service', ['services', 'materials', 'face_check', 'review_submit']],
    ['cancel_subject', ['notice', 'declaration', 'account_verification']],
    ['cancel_service', ['notice', 'account_verification']],
    ['cancel_services_batch', ['notice', 'select_services', 'account_verification']],
    ['cancel_access', ['notice', 'account_verification']],
    ['cancel_access_batch', ['notice', 'select_services', 'account_verification']],
    ['migrate_account', ['notice', 'migration_target', 'account_verification']],
  ])('should list the applicant steps when the kind is %s', (kind, steps) => {
    expect(stepsFor(kind)).toEqual(steps);
  });

  it('should show the filed subject read-only when a service is added to a subject filed here', () => {
    const subjectStep = ORDER_KINDS.add_service_local.steps.find((step) => step.key === 'subject');

    expect(subjectStep?.mode).toBe('confirm');
  });
});
