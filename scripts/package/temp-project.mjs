// Helpers of the checks that try the package as a user gets it: the packed tarball, installed with npm
// into a temporary project. They need the npm registry (or npm's cache) for the package's own
// dependencies; where it is unreachable, a check says so on one line and skips instead of failing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** An install that takes longer than this is treated as a failure, so `npm test` stays bounded. */
const installTimeoutMs = 180_000;
const offlineSigns = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|network|offline/i;

/** A fresh folder under the system's temp directory, removed by `dispose()`. */
export function tempFolder(prefix) {
  const path = mkdtempSync(join(tmpdir(), `chatwright-${prefix}-`));
  return { path, dispose: () => rmSync(path, { recursive: true, force: true }) };
}

/** `npm pack` of the working tree (already built) into `folder`; returns the tarball's path. */
export function packInto(folder) {
  const output = execFileSync(npm, ['pack', '--json', '--pack-destination', folder], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return join(folder, JSON.parse(output)[0].filename);
}

/** A project as `npm init -y` makes it, with `fields` merged into its package.json. */
export function initProject(folder, fields = {}) {
  execFileSync(npm, ['init', '-y'], { cwd: folder, stdio: 'ignore' });
  const path = join(folder, 'package.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  writeFileSync(path, `${JSON.stringify({ ...manifest, ...fields }, null, 2)}\n`);
}

/**
 * `npm install <specs>` in `folder`, from the cache first. Returns `'installed'`, or `'offline'` when
 * the registry could not be reached (the caller skips); any other failure throws with npm's output.
 */
export function npmInstall(folder, specs) {
  const result = spawnSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', ...specs], {
    cwd: folder,
    encoding: 'utf8',
    timeout: installTimeoutMs,
  });
  if (result.status === 0) return 'installed';
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (offlineSigns.test(output)) return 'offline';
  if (result.error?.code === 'ETIMEDOUT')
    throw new Error(`npm install ${specs.join(' ')} took over ${installTimeoutMs / 1000} s`);
  throw new Error(`npm install ${specs.join(' ')} failed:\n${output}`);
}

/** Runs a command in `folder` with its output shown; throws when it fails. */
export function run(folder, command, args, options = {}) {
  execFileSync(command, args, { cwd: folder, stdio: 'inherit', timeout: 180_000, ...options });
}
