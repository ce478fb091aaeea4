/** What the filing wizard tells the applicant at the step that needs it (腾讯云 ICP 备案操作指引（小程序端）, seeds/003). */
export const WIZARD_NOTICES = {
  /** 接入备案, once 验证备案类型 found it (S003 686). */
  accessProvidersCoexist: '若同时使用多家厂商的服务器，原备案信息无需注销或变更，多个接入商可同时存在。',
  /** 接入备案, on the services step (S003 943–947); a province's own cap is its `maxAccessServicesPerOrder` rule. */
  accessServiceCount: '部分管局接入服务的数量不做限制，如需备案多个互联网信息服务，可添加网站或APP；部分管局限制单次接入数量，具体以管局规则要求为准。',
  /** 备案地区 picker (S003 2742–2745). */
  regionNearest: '请按照证件地址选择一致区域，如没有您可选择的区域，请就近选择地区并在备注中说明情况。',
  /** 变更备案: the province stays, city and district may change (S003 2612). */
  provinceNotChangeable: '不支持变更备案省份。',
} as const;
