/** Identifiers shared between package.json and the code. Keep both in step. */

export const CONFIG_SECTION = 'unsafeHints';
export const CLIENT_ID = 'unsafeHints';
export const CLIENT_NAME = 'Unsafe Hints';

export const Commands = {
  showInventory: 'unsafeHints.showInventory',
  refreshInventory: 'unsafeHints.refreshInventory',
  openReport: 'unsafeHints.openReport',
  restartServer: 'unsafeHints.restartServer',
  showOutput: 'unsafeHints.showOutput',
  reviewChanges: 'unsafeHints.reviewChanges',
  approveSite: 'unsafeHints.approveSite',
  refreshDependencies: 'unsafeHints.refreshDependencies',
  openDependencySite: 'unsafeHints.openDependencySite',
} as const;

export const INVENTORY_VIEW_ID = 'unsafeHints.inventory';

/** The dependencies' unsafe code, one collapsed row per package of the crate graph. */
export const DEPENDENCIES_VIEW_ID = 'unsafeHints.dependencies';

/**
 * The code lens command the extension runs itself (it peeks the operations of a block or fn); the
 * server puts it on lenses only for clients that list it in `initializationOptions.clientCommands`.
 */
export const SHOW_OPERATIONS_COMMAND = 'unsafe-hints.showOperations';

/** The command the language server answers with the workspace's unsafe sites. */
export const SERVER_INVENTORY_COMMAND = 'unsafe-hints.inventory';

/** The command the language server answers with the changed unsafe sites and their checklists. */
export const SERVER_REVIEW_COMMAND = 'unsafe-hints.reviewChanges';

/**
 * The command the language server answers with the crate graph's packages (no argument) or with one
 * package's unsafe sites (argument: the package's folder).
 */
export const SERVER_DEPENDENCIES_COMMAND = 'unsafe-hints.dependencies';

/** The command that records a reviewer's approval of one site in the review ledger. */
export const SERVER_APPROVE_COMMAND = 'unsafe-hints.approveSite';

/** Where the package script puts the server jar inside the extension. */
export const SERVER_JAR_RELATIVE_PATH = 'server/unsafe-hints.jar';

/** Where the platform-specific package (npm run package:linux-x64 ...) puts its Java runtime. */
export const BUNDLED_RUNTIME_RELATIVE_PATH = 'runtime';
