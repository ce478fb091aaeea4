/** Field validation codes with the Chinese message shown under the input; each message says what to do. */
export const VALIDATION_MESSAGES = {
  REQUIRED: '请填写此项',

  ID_LENGTH: '居民身份证号码应为18位，请输入18位居民身份证号码',
  ID_LEGACY_15: '不支持15位旧版居民身份证号码，请输入18位居民身份证号码',
  ID_FORMAT: '居民身份证号码应为17位数字加1位数字或大写X，请检查后重新输入',
  ID_DIVISION: '居民身份证号码前6位行政区划代码无效，请核对证件后重新输入',
  ID_BIRTH_DATE: '居民身份证号码中的出生日期无效，请核对证件后重新输入',
  ID_BIRTH_FUTURE: '居民身份证号码中的出生日期晚于今天，请核对证件后重新输入',
  ID_CHECKSUM: '居民身份证号码校验位不正确，请核对证件后重新输入',

  RESIDENCE_PERMIT_FORMAT: '港澳台居民居住证号码应为18位（17位数字加1位数字或大写X），请核对后重新输入',
  RESIDENCE_PERMIT_PREFIX: '港澳台居民居住证号码应以810000、820000或830000开头，请核对后重新输入',
  RESIDENCE_PERMIT_BIRTH_DATE: '居住证号码中的出生日期无效或晚于今天，请核对证件后重新输入',
  RESIDENCE_PERMIT_CHECKSUM: '居住证号码校验位不正确，请核对证件后重新输入',

  PASSPORT_FORMAT: '护照号码应为5至17位字母或数字，请按护照上的号码输入',
  HK_MACAU_PERMIT_FORMAT: '港澳居民来往内地通行证号码应为H或M开头加8位数字（可带2位换证次数），请核对后重新输入',
  TAIWAN_PERMIT_FORMAT: '台湾居民来往大陆通行证号码应为8位数字，请核对后重新输入',
  FOREIGN_PR_FORMAT: '外国人永久居留身份证号码应为15位（3位字母加12位数字）或18位，请核对后重新输入',
  FOREIGN_PR_CHECKSUM: '外国人永久居留身份证号码校验位不正确，请核对证件后重新输入',
  CERTIFICATE_TYPE_UNKNOWN: '请选择有效的证件类型',
  CERTIFICATE_NUMBER_FORMAT: '证件号码应为2至50位字母、数字或括号，请按证件上的号码输入',

  USCC_LENGTH: '统一社会信用代码应为18位，请按营业执照等证件上的代码输入',
  USCC_CHARSET: '统一社会信用代码只包含数字和大写字母（不含I、O、S、V、Z），请核对后重新输入',
  USCC_REGISTRY: '统一社会信用代码前两位登记管理部门及机构类别代码无效，请核对后重新输入',
  USCC_DIVISION: '统一社会信用代码第3至8位行政区划代码无效，请核对后重新输入',
  USCC_CHECKSUM: '统一社会信用代码校验位不正确，请核对证件后重新输入',

  MOBILE_FORMAT: '请输入11位中国大陆手机号码（以13至19开头）',
  LANDLINE_FORMAT: '请输入带区号的固定电话，如 0571-88888888',
  LANDLINE_AREA_CODE_UNKNOWN: '固定电话区号无效，请输入正确的区号，如 010、0571',
  LANDLINE_AREA_CODE_MISMATCH: '固定电话区号与所选地址的城市不一致，请填写当地的固定电话',
  EMAIL_FORMAT: '请输入有效的电子邮箱地址，如 name@example.com',

  DOMAIN_HAS_PROTOCOL: '请只填写域名，不要包含 http://、https:// 或路径',
  DOMAIN_FORMAT: '域名格式不正确，请输入如 example.com 的域名',
  DOMAIN_LABEL_LENGTH: '域名每一段不能超过63个字符，请检查后重新输入',
  DOMAIN_TOO_LONG: '域名总长度不能超过253个字符，请检查后重新输入',
  DOMAIN_NO_REGISTRABLE: '请输入完整的域名（如 example.com.cn），不能只填写域名后缀',
  DOMAIN_TOO_MANY_LEVELS: '最多支持四级域名（如 shenzhen.beian.example.com），请填写更短的域名',
  DOMAIN_TLD_NOT_APPROVED: '该域名后缀不在工信部批准的域名列表中，无法备案，请更换域名',
  DOMAIN_INSTITUTION_SUFFIX: '事业单位请使用 .cn 或 .公益 结尾的域名',
  DOMAIN_GOVERNMENT_SUFFIX: '党政机关请使用 .gov.cn 或 .政务 结尾的域名',

  WEBSITE_NAME_TOO_SHORT: '网站名称至少需要3个汉字，请填写与网站内容相关的名称',
  WEBSITE_NAME_DIGITS_OR_LATIN: '网站名称不能只使用数字或英文字母，请使用与网站内容相关的中文名称',
  WEBSITE_NAME_SPECIAL_SYMBOLS: '网站名称不能包含特殊符号，请只使用汉字、字母和数字',
  WEBSITE_NAME_IS_DOMAIN: '网站名称不能填写域名，请填写与网站内容相关的中文名称',
  WEBSITE_NAME_FORBIDDEN_PREFIX: '非国家机关的网站名称不能以中国、中华、中央、人民、人大、国家开头，请修改名称',
  WEBSITE_NAME_SENSITIVE: '网站名称包含敏感词，请修改为与网站内容相关的名称',
  WEBSITE_NAME_PERSONAL_ORGANIZATION: '个人网站名称不能包含公司、官网、论坛、商城、平台等企业或组织性质的词，请修改名称',
  WEBSITE_NAME_PRE_APPROVAL: '网站名称涉及需前置审批的内容（如金融、理财、支付），请确认是否需要办理前置审批或修改名称',
  WEBSITE_NAME_SUBJECT_UNRELATED: '单位网站名称建议与单位名称相关，如不相关请准备商标证明等材料',

  REMARK_TOO_LONG: '备注最多200个字，请精简内容',

  ICP_NUMBER_FORMAT: '备案号格式不正确，应如 粤ICP备2024286477号 或 粤ICP备2024286477号-2',
  ICP_NUMBER_PROVINCE: '备案号开头的省份简称无效，请核对备案号',
  SUBJECT_ICP_NUMBER_FORMAT: '主体备案号不带“-数字”后缀，应如 粤ICP备2024123456号，请核对后重新输入',
  SERVICE_ICP_NUMBER_FORMAT: '网站或APP的备案号以“-数字”结尾，应如 粤ICP备2024123456号-3，请核对后重新输入',
  PSB_NUMBER_FORMAT: '公安备案号格式不正确，应如 京公网安备 11010502030143号',
  PSB_NUMBER_DIVISION: '公安备案号前6位行政区划代码无效，请核对备案号',
  PSB_NUMBER_PROVINCE: '公安备案号的省份简称与行政区划代码不一致，请核对备案号',

  PACKAGE_NAME_FORMAT: 'APP包名格式不正确，应如 com.example.app（至少两段，字母开头，只含字母、数字和下划线）',
  FINGERPRINT_MD5_FORMAT: 'MD5签名应为32位十六进制字符（可用冒号分隔），请核对后重新输入',
  FINGERPRINT_SHA1_FORMAT: 'SHA-1签名应为40位十六进制字符（可用冒号分隔），请核对后重新输入',

  VALIDITY_DATE_FORMAT: '请选择有效的证件有效期日期',
  VALIDITY_END_BEFORE_START: '证件有效期截止日期应晚于起始日期，请核对证件',
  VALIDITY_START_FUTURE: '证件有效期起始日期晚于今天，请核对证件',
  VALIDITY_TOO_SHORT: '证件有效期需在提交时剩余3个月以上，请更换有效期更长的证件',
} as const;

export type ValidationCode = keyof typeof VALIDATION_MESSAGES;

export function validationMessage(code: ValidationCode): string {
  return VALIDATION_MESSAGES[code];
}
