// vitest's own order (failed files first, then the longest, from its cache) runs one project after the other, by
// name: every browser file ("e2e") would come before any unit file. Only one browser runs at a time
// (tests/chromium.ts holds a lock from launch to close), so a second browser file taken meanwhile would hold the
// other worker idle until the lock frees. Spread the browser files evenly through the unit files instead: one
// worker is mostly on a browser file while the other runs unit files.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export default class SpreadBrowserSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const browser = sorted.filter((f) => f.project.name === 'e2e');
    const rest = sorted.filter((f) => f.project.name !== 'e2e');
    if (browser.length === 0 || rest.length === 0) return sorted;
    // After the first (longest) unit file, then one browser file every `step` unit files.
    const step = Math.max(1, Math.floor(rest.length / browser.length));
    const out: TestSpecification[] = [];
    let b = 0;
    rest.forEach((f, i) => {
      out.push(f);
      if (b < browser.length && i % step === 0) out.push(browser[b++]!);
    });
    return out.concat(browser.slice(b));
  }
}
