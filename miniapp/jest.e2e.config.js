/** Browser tests: the H5 build in Debian's Chromium against a real server process. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testRegex: '\\.e2e\\.ts$',
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  moduleNameMapper: {
    '^@beian/shared/regions$': '<rootDir>/../shared/src/catalog/regions',
    '^@beian/shared$': '<rootDir>/../shared/src',
    '^@beian/shared/(.*)$': '<rootDir>/../shared/src/$1',
  },
  testTimeout: 120000,
};
