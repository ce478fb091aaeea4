/** Unit tests: plain logic of the mini-program in Node, with `@tarojs/taro` replaced by a minimal stand-in. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/unit'],
  testRegex: '\\.spec\\.ts$',
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/unit/support/taro.stub.ts',
    '^@beian/shared$': '<rootDir>/../shared/src',
    '^@beian/shared/(.*)$': '<rootDir>/../shared/src/$1',
  },
  globals: { API_BASE_URL: 'https://api.beian.test' },
};
