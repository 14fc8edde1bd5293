// A separate process that holds the database write lock for a while (store.test.ts checks that writers wait).
import Database from 'better-sqlite3';

const [file, holdMs] = process.argv.slice(2);
const db = new Database(file!);
db.exec('BEGIN IMMEDIATE');
db.prepare("INSERT INTO history (document_id, finding_id, reviewer, at, field) VALUES ('seed', 'f2', 'other', 't', 'status')").run();
process.send!('locked');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(holdMs));
db.exec('COMMIT');
db.close();
process.exit(0);
