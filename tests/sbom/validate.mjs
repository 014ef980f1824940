// Validates the SBOMs `nixpad derivation sbom` writes against the CycloneDX 1.5 JSON
// schema, in its strict form (no property the schema does not define), with the
// CycloneDX project's own validator (@cyclonedx/cyclonedx-library, on ajv).
//
//   node tests/sbom/validate.mjs [path/to/nixpad]
//
// Packages of the miniature nixpkgs with different shapes: a plain package, one with
// several outputs and many dependencies, a cross-compiled one, a Python package, an
// unfree one, a container image, a fixed-output download. A document with a property
// the schema lacks must be refused, so that the test cannot pass by validating nothing.
// The last line is `N valid, N failed`; the exit code is non-zero if any failed.

import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as CDX from '@cyclonedx/cyclonedx-library';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const nixpad = process.argv[2] ?? join(root, 'target', 'release', 'nixpad');
const validator = new CDX.Validation.JsonStrictValidator(CDX.Spec.Version.v1dot5);

const packages = {
  hello: 'pkgs.hello',
  curl: 'pkgs.curl',
  'cross curl': 'pkgs.pkgsCross.aarch64-multiplatform.curl',
  'python requests': 'pkgs.python3Packages.requests',
  'unfree unrar (allowUnfree)': '(import <nixpkgs> { config.allowUnfree = true; }).unrar',
  'container image': 'pkgs.dockerTools.buildLayeredImage { name = "web"; contents = [ pkgs.jq ]; }',
  'a download': 'pkgs.curl.src',
};

let valid = 0;
let failed = 0;
const report = (ok, name, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
  if (ok) valid++;
  else failed++;
};

for (const [name, expr] of Object.entries(packages)) {
  let sbom;
  try {
    sbom = execFileSync(nixpad, ['derivation', 'sbom', '-I', `nixpkgs=${join(root, 'nixpkgs-lite')}`,
      '-E', `let pkgs = import <nixpkgs> { }; in ${expr}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    report(false, name, `nixpad failed: ${e.stderr || e.message}`);
    continue;
  }
  const components = JSON.parse(sbom).components?.length ?? 0;
  const errors = await validator.validate(sbom);
  report(errors === null, name, errors === null ? `${components} components` : JSON.stringify(errors));
}

// The validator refuses what the schema does not allow.
const broken = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, notInTheSchema: true });
report((await validator.validate(broken)) !== null, 'a document with a property the schema lacks is refused');

console.log(`${valid} valid, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
