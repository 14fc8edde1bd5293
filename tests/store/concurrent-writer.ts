// A separate process that writes decisions as fast as it can (used by store.test.ts to race two writers).
import { openStore } from '../../src/store/index.js';

const [file, reviewer, countArg] = process.argv.slice(2);
const store = openStore(file!);
const count = Number(countArg);
for (let i = 0; i < count; i++) {
  // Every writer toggles the same shared finding and also writes one finding of its own.
  store.decide('doc', 'shared', { status: i % 2 === 0 ? 'accepted' : 'rejected', comment: `${reviewer} ${i}` }, reviewer!);
  store.decide('doc', `${reviewer}-${i}`, { status: 'accepted' }, reviewer!);
}
store.close();
