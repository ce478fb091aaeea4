/*
 * What a Chinese keyboard or a copied text puts into a field before it is checked: full-width digits and letters
 * (ＡＢＣ１２３), ideographic full stops in domains (example。cn), a lower-case x at the end of an ID number,
 * stray spaces. Every validator starts from these forms and the draft schema stores them, so the mini-program
 * and the server check and keep the same value.
 */

/** Full-width letters, digits, brackets and spaces as their ASCII forms (Unicode NFKC). */
export function toHalfWidth(input: string): string {
  return input.normalize('NFKC');
}

/** Certificate numbers and codes (身份证, 统一社会信用代码, passports …): ASCII, no spaces, upper case (x → X). */
export function normalizeCode(input: string): string {
  return toHalfWidth(input).replace(/\s/g, '').toUpperCase();
}

/** Domains: ASCII forms, ideographic full stops as dots, no spaces, lower case; Chinese labels stay as typed. */
export function normalizeDomain(input: string): string {
  return toHalfWidth(input)
    .replace(/[。｡．]/g, '.')
    .replace(/\s/g, '')
    .toLowerCase();
}

/** Addresses typed with a Chinese keyboard (`https：//example。cn`, `name＠example.com`): ASCII forms, trimmed. */
export function normalizeAddress(input: string): string {
  return toHalfWidth(input).replace(/[。｡]/g, '.').trim();
}

/** Phone numbers: ASCII digits, no spaces. */
export function normalizePhone(input: string): string {
  return toHalfWidth(input).replace(/\s/g, '');
}

/** 备案号: ASCII digits, no spaces, any dash as `-`, `ICP` in upper case (粤icp备２０２４…号－2 → 粤ICP备2024…号-2). */
export function normalizeIcpNumber(input: string): string {
  return toHalfWidth(input)
    .replace(/\s/g, '')
    .replace(/[—–－]/g, '-')
    .replace(/icp/i, 'ICP');
}

/** Free text (names, addresses): trimmed, runs of spaces (also the ideographic space) as one space. */
export function normalizeText(input: string): string {
  return input.replace(/[\s\u3000]+/g, ' ').trim();
}
