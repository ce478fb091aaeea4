import { View } from '@tarojs/components';
import { asksServiceIcpNumber, changesRecord, SERVICE_CONTENTS } from '@beian/shared';
import { DraftMultiChoice } from './choice-field';
import { DraftField } from './draft-field';
import { DomainList, ServiceCommonFields, ServiceNumberField, type ServiceFormProps } from './service-fields';

const CONTENT_OPTIONS = SERVICE_CONTENTS.map(({ key, label }) => ({ key, label }));
/** A person cannot run a bank or a unit's portal: those contents are offered to units only. */
const UNIT_ONLY_CONTENTS: ReadonlySet<string> = new Set(['banking', 'unit_portal']);
const PERSONAL_CONTENT_OPTIONS = CONTENT_OPTIONS.filter((option) => !UNIT_ONLY_CONTENTS.has(option.key));

/** Every field of one website (互联网信息服务 · 网站). */
export function WebsiteForm(props: ServiceFormProps) {
  const { base, kind } = props;
  return (
    <View>
      {(asksServiceIcpNumber(kind) || changesRecord(kind)) && (
        <ServiceNumberField kind={kind} path={`${base}.icpNumber`} label='网站备案号' placeholder='待接入网站的备案号，如 粤ICP备2024123456号-1' />
      )}
      <DraftField path={`${base}.name`} label='网站名称' placeholder='至少3个汉字，与网站内容相关' maxlength={64} />
      <DomainList base={base} label='网站域名' />
      <DraftField path={`${base}.homeUrl`} label='网站首页地址（选填）' placeholder='如 https://www.example.com' maxlength={256} />
      <DraftMultiChoice path={`${base}.serviceContent`} label='网站服务内容' options={props.personal ? PERSONAL_CONTENT_OPTIONS : CONTENT_OPTIONS} />
      <ServiceCommonFields {...props} />
    </View>
  );
}
