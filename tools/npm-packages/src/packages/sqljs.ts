// sql.js 1.16.0 (SQLite built by emscripten): a table of 2,000 rows, an index, a join, aggregates and a
// prepared statement; the answer is what the queries return.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface SqlJsDatabase {
  run(sql: string, params?: unknown[]): void;
  exec(sql: string): { columns: string[]; values: unknown[][] }[];
  export(): Uint8Array;
  close(): void;
}

/** What the queries return, and the size of the exported database file. */
export async function answer(): Promise<unknown> {
  const initSqlJs = require('sql.js') as () => Promise<{ Database: new (data?: Uint8Array) => SqlJsDatabase }>;
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT, price REAL, category INTEGER)');
  db.run('CREATE TABLE category (id INTEGER PRIMARY KEY, label TEXT)');
  for (let c = 0; c < 10; c++) db.run('INSERT INTO category VALUES (?, ?)', [c, `category ${c}`]);
  db.run('BEGIN');
  for (let i = 0; i < 2000; i++) {
    db.run('INSERT INTO item VALUES (?, ?, ?, ?)', [i, `item-${(i * 7919) % 2000}`, ((i * 37) % 1000) / 10, i % 10]);
  }
  db.run('COMMIT');
  db.run('CREATE INDEX item_name ON item (name)');
  const result = {
    count: db.exec('SELECT count(*), sum(price), min(name), max(name) FROM item')[0]?.values,
    join: db.exec(
      'SELECT c.label, count(*), round(avg(i.price), 3) FROM item i JOIN category c ON c.id = i.category GROUP BY c.id ORDER BY 3 DESC LIMIT 3',
    )[0]?.values,
    like: db.exec("SELECT id FROM item WHERE name LIKE 'item-19%' ORDER BY id LIMIT 5")[0]?.values,
    version: db.exec('SELECT sqlite_version()')[0]?.values,
    bytes: db.export().length,
  };
  db.close();
  return result;
}
