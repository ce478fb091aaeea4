/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testRegex: '\\.(e2e-)?spec\\.ts$',
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  moduleNameMapper: {
    '^@beian/shared/regions$': '<rootDir>/../shared/src/catalog/regions',
    '^@beian/shared$': '<rootDir>/../shared/src',
    '^@beian/shared/(.*)$': '<rootDir>/../shared/src/$1',
  },
  testTimeout: 30000,
};
