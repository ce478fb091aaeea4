import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { changesRecord, WIZARD_NOTICES } from '@beian/shared';
import { useOrderStore } from '../../stores/order.store';
import { isUnder, padList } from '../../utils/draft-path.util';
import { AppForm } from '../components/app-form';
import { WebsiteForm } from '../components/website-form';
import { filingContext, servicesLimit, stepErrors } from '../utils/filing-steps.util';
import { removeService, serviceCount, servicesOf, type ServiceList } from '../utils/services.util';
import { scrollToField } from '../utils/scroll-to-field.util';
import type { StepProps } from './step-props';

interface Editing {
  list: ServiceList;
  index: number;
}

function serviceTitle(list: ServiceList, service: Record<string, unknown>, index: number): string {
  const name = typeof service.name === 'string' && service.name ? service.name : null;
  const domain = Array.isArray(service.domains) && typeof service.domains[0] === 'string' ? service.domains[0] : null;
  return name ?? domain ?? `${list === 'websites' ? '网站' : 'APP'}${index + 1}`;
}

/** 互联网信息服务: the websites and APPs of the order (personal 1, unit up to 10), each edited on its own. */
export function ServicesStep(props: StepProps) {
  const { kind, subjectType } = props;
  const fromRecord = changesRecord(kind);
  const personal = subjectType === 'personal';
  const limit = servicesLimit(kind, subjectType);
  const websites = useOrderStore((state) => servicesOf(state.draft, 'websites'));
  const apps = useOrderStore((state) => servicesOf(state.draft, 'apps'));
  const [editing, setEditing] = useState<Editing | null>(
    websites.length + apps.length === 1 ? { list: websites.length ? 'websites' : 'apps', index: 0 } : null,
  );
  const [limitError, setLimitError] = useState<string | null>(null);

  function add(list: ServiceList) {
    const store = useOrderStore.getState();
    if (serviceCount(store.draft) >= limit) {
      setLimitError(`${personal ? '个人' : '单位'}备案每个订单最多${limit}个网站或APP，如需更多请在本次备案通过后再新增`);
      return;
    }
    setLimitError(null);
    const index = servicesOf(store.draft, list).length;
    const fresh = list === 'websites' ? { domains: [''], languages: ['zh_hans'] } : { languages: ['zh_hans'], packages: [{ platform: '' }] };
    store.updateDraft((draft) => padList(draft, list, index + 1, fresh), [list]);
    setEditing({ list, index });
  }

  function done() {
    if (!editing) return;
    const store = useOrderStore.getState();
    const base = `${editing.list}.${editing.index}`;
    const errors = stepErrors('services', store.draft, filingContext(kind, subjectType, store.draft, store.clockOffsetMs)).filter((error) =>
      isUnder(error.path, base),
    );
    store.setFieldErrors(errors, (path) => isUnder(path, base));
    if (errors.length === 0) setEditing(null);
    else scrollToField(errors[0]!.path);
  }

  function remove(list: ServiceList, index: number) {
    setEditing(null);
    setLimitError(null);
    useOrderStore.getState().updateDraft((draft) => removeService(draft, list, index), ['websites', 'apps', 'materials']);
  }

  const cards = [
    ...websites.map((service, index) => ({ list: 'websites' as const, service, index })),
    ...apps.map((service, index) => ({ list: 'apps' as const, service, index })),
  ];
  const formProps = (base: string) => ({ ...props, base, personal, orderId: props.ensureOrder, currentOrderId: props.orderId });

  return (
    <View>
      {cards.map(({ list, service, index }) => {
        const id = `service-${list}-${index}`;
        const open = editing?.list === list && editing.index === index;
        return (
          <View className='sub-card' key={id} id={id}>
            <View className='upload-row'>
              <Text className='service-title'>
                {list === 'websites' ? '网站' : 'APP'} · {serviceTitle(list, service, index)}
              </Text>
              {!open && (
                <Text className='link' id={`${id}-edit`} onClick={() => setEditing({ list, index })}>
                  编辑
                </Text>
              )}
              {cards.length > 1 && !fromRecord && (
                <Text className='link danger' id={`${id}-remove`} onClick={() => remove(list, index)}>
                  删除
                </Text>
              )}
            </View>
            {open && (
              <View>
                {list === 'websites' ? <WebsiteForm {...formProps(`websites.${index}`)} /> : <AppForm {...formProps(`apps.${index}`)} />}
                <Button className='btn-secondary' id='service-done' onClick={done}>
                  完成此{list === 'websites' ? '网站' : 'APP'}
                </Button>
              </View>
            )}
          </View>
        );
      })}
      {kind === 'access_filing' && (
        <Text className='hint' id='access-service-count'>
          {WIZARD_NOTICES.accessServiceCount}
        </Text>
      )}
      {fromRecord ? (
        <Text className='hint' id='services-from-record'>
          变更只修改所选的已备案服务；新增请办理新增服务，不再使用的请办理注销服务
        </Text>
      ) : (
        <View className='upload-row'>
          <Button className='btn-small' id='add-website' onClick={() => add('websites')}>
            + 添加网站
          </Button>
          <Button className='btn-small' id='add-app' onClick={() => add('apps')}>
            + 添加APP
          </Button>
        </View>
      )}
      {limitError && (
        <Text className='error-text' id='services-error'>
          {limitError}
        </Text>
      )}
    </View>
  );
}
