// Exits 0 when the MySQL/MariaDB server at the given URL accepts a login and answers SELECT 1.
const { createRequire } = require('node:module');
const mysql = createRequire(require.resolve('../../server/package.json'))('mysql2/promise');

const url = new URL(process.argv[2]);
mysql
  .createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    connectTimeout: 2000,
  })
  .then(async (conn) => {
    await conn.query('SELECT 1');
    await conn.end();
  })
  .then(
    () => process.exit(0),
    () => process.exit(1),
  );
