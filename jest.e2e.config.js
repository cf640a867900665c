/**
 * The end-to-end tests: the built page (dist/web) and the task pane (dist/taskpane.html)
 * in Debian's Chromium through playwright-core. Needs `npm run build` first.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true }] },
  testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
  testTimeout: 120000,
  maxWorkers: 1,
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};
