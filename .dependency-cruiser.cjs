// The architecture's walls as code (see CONVENTIONS.md). Run with `pnpm arch`.
//
// server/src is built in floors: a module imports its own floor's module only (itself) and lower floors, never
// a higher floor and never a neighbour on its own floor. A new module goes into FLOORS before it can import or be
// imported (a folder on no floor fails the check). Move a module by moving its name between floors.

/** server/src/<module>/ by floor, lowest first. */
const FLOORS = [
  { floor: 0, name: 'platform', modules: ['platform'] }, // config, database, crypto, clock, errors, http, logging, health, tencent-cloud
  { floor: 1, name: 'identity and scheduling', modules: ['auth', 'jobs'] }, // sessions and roles; the leased-row queue the outbox and jobs share
  { floor: 2, name: 'foundation', modules: ['audit', 'calendar', 'outbox'] },
  { floor: 3, name: 'order core', modules: ['order-core'] }, // order + history entities, draft store, access, state machine, guard registry, submission-check port
  { floor: 4, name: 'capabilities', modules: ['materials', 'sms', 'mail', 'notifications', 'filing-record', 'accounts', 'insights', 'resources'] }, // filing-record: the approved filing (subjects, services, access, versions); accounts: account ID, type, 实名; insights: what 初审 rejections teach the pre-check; resources: the account's cloud resources and their eligibility
  {
    floor: 5,
    name: 'use cases',
    modules: ['orders', 'principals', 'review', 'regulator', 'ocr', 'filings', 'cancellations', 'codes', 'public-security', 'contact-channels'],
  },
  { floor: 6, name: 'flows across use cases', modules: ['account-migration'] }, // 迁移备案账号: the accounts plus cancellations' verification code
];
/** server/src/<file> above every floor: they wire the modules together and may import any of them. */
const TOP_FILES = ['app.module.ts', 'app.factory.ts', 'main.ts', 'migrate.ts', 'reencrypt.ts', 'app-entities.ts'];

/** miniapp/src: the main package's folders and files, and the subpackages (app.config.ts subPackages). */
const MINIAPP_MAIN = ['pages', 'components', 'services', 'stores', 'utils'];
const MINIAPP_MAIN_FILES = ['app.ts', 'app.config.ts', 'app.scss', 'routes.ts', 'index.html'];
const MINIAPP_SUBPACKAGES = ['filing', 'principal', 'manage', 'staff', 'sim', 'records', 'cancel', 'codes'];

const any = (names) => `(${names.map((n) => n.replace(/[.]/g, '\\.')).join('|')})`;
const SERVER = '^server/src/';
const allModules = FLOORS.flatMap((f) => f.modules);

const floorRules = FLOORS.flatMap(({ floor, name, modules }) => {
  const higher = FLOORS.filter((f) => f.floor > floor).flatMap((f) => f.modules);
  const rules = [
    {
      name: `floor-${floor}-imports-upward`,
      severity: 'error',
      comment: `floor ${floor} (${name}) imports a higher floor or the app wiring: move the shared piece down, or invert it with a port the higher module registers into.`,
      from: { path: `${SERVER}${any(modules)}/` },
      to: { path: [...(higher.length ? [`${SERVER}${any(higher)}/`] : []), `${SERVER}[^/]+$`] },
    },
  ];
  if (modules.length > 1) {
    rules.push({
      name: `floor-${floor}-imports-sideways`,
      severity: 'error',
      comment: `modules on floor ${floor} (${name}) do not import each other: move the shared piece down a floor, or let the caller pass it in.`,
      from: { path: `${SERVER}${any(modules)}/` },
      to: { path: `${SERVER}${any(modules)}/`, pathNot: `${SERVER}$1/` },
    });
  }
  return rules;
});

const placedServerPath = [`${SERVER}${any(allModules)}/`, `${SERVER}${any(TOP_FILES)}$`];
const placedMiniappPath = [`^miniapp/src/${any([...MINIAPP_MAIN, ...MINIAPP_SUBPACKAGES])}/`, `^miniapp/src/${any(MINIAPP_MAIN_FILES)}$`];
const SUBPACKAGE = `^miniapp/src/${any(MINIAPP_SUBPACKAGES)}/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'server-module-on-no-floor',
      severity: 'error',
      comment: 'every folder in server/src sits on a floor: add it to FLOORS in .dependency-cruiser.cjs (or a file to TOP_FILES).',
      from: { path: SERVER, pathNot: placedServerPath },
      to: {},
    },
    {
      name: 'server-module-on-no-floor',
      severity: 'error',
      comment: 'every folder in server/src sits on a floor: add it to FLOORS in .dependency-cruiser.cjs (or a file to TOP_FILES).',
      from: {},
      to: { path: SERVER, pathNot: placedServerPath },
    },
    ...floorRules,
    {
      name: 'migration-imports-code',
      severity: 'error',
      comment: 'a committed migration never changes: it imports typeorm and Node built-ins only, not entities, columns or any other code.',
      from: { path: `${SERVER}platform/database/migrations/` },
      to: { pathNot: '(^|/)node_modules/typeorm/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'import cycle: break it by moving the shared piece into its own file or down a floor.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-is-framework-free',
      severity: 'error',
      comment: 'shared/src imports nothing but itself and zod: no framework, no Node-only or Taro-only module.',
      from: { path: '^shared/src/' },
      to: { pathNot: ['^shared/src/', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'packages-meet-in-shared',
      severity: 'error',
      comment: 'server and mini-program share code only through @beian/shared.',
      from: { path: '^(server|miniapp)/' },
      to: { path: '^(server|miniapp)/', pathNot: '^$1/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'an import that cannot be resolved (a missing file, or a path alias this check does not know: see tsconfig.arch.json).',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'miniapp-folder-not-placed',
      severity: 'error',
      comment: 'a miniapp/src folder is either the main package or a subpackage: add it to MINIAPP_MAIN or MINIAPP_SUBPACKAGES.',
      from: { path: '^miniapp/src/', pathNot: placedMiniappPath },
      to: {},
    },
    {
      name: 'subpackage-imports-other-subpackage',
      severity: 'error',
      comment: 'a subpackage (filing/, principal/, staff/ …) is loaded on its own: share through the main package (components/, services/, utils/) or shared.',
      from: { path: SUBPACKAGE },
      to: { path: SUBPACKAGE, pathNot: '^miniapp/src/$1/' },
    },
    {
      name: 'main-package-imports-subpackage',
      severity: 'error',
      comment: 'the main package must not pull a subpackage into itself: move the piece into the main package.',
      from: { path: '^miniapp/src/', pathNot: SUBPACKAGE },
      to: { path: SUBPACKAGE },
    },
    {
      name: 'services-import-ui-or-stores',
      severity: 'error',
      comment: 'services/ (request client + API functions) is below stores and pages: it imports neither.',
      from: { path: '^miniapp/src/services/' },
      to: { path: `^miniapp/src/${any(['stores', 'pages', 'components', ...MINIAPP_SUBPACKAGES])}/` },
    },
    {
      name: 'stores-import-ui',
      severity: 'error',
      comment: 'stores/ hold state for pages; they import no page or component.',
      from: { path: '^miniapp/src/stores/' },
      to: { path: `^miniapp/src/${any(['pages', 'components', ...MINIAPP_SUBPACKAGES])}/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.arch.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      archi: { collapsePattern: '^(server/src/[^/]+|shared/src/[^/]+|miniapp/src/[^/]+)|node_modules/(@[^/]+/)?[^/]+' },
      dot: { collapsePattern: 'node_modules/(@[^/]+/)?[^/]+' },
    },
  },
};
