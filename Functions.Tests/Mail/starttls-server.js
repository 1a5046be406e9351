// A real SMTP server that offers STARTTLS and requires AUTH over TLS, for the SMTP client's tests.
// Usage: node starttls-server.js <repo root> <key.pem> <cert.pem> <user> <password> <mail folder>
// Prints "listening <port>" once it accepts connections on 127.0.0.1; writes each message to <mail folder>.
const fs = require('fs');
const path = require('path');
const [root, keyFile, certFile, user, password, folder] = process.argv.slice(2);
const { SMTPServer } = require(path.join(root, 'node_modules', 'smtp-server'));

let count = 0;
const server = new SMTPServer({
  secure: false,
  key: fs.readFileSync(keyFile),
  cert: fs.readFileSync(certFile),
  authMethods: ['PLAIN', 'LOGIN'],
  logger: false,
  onAuth(auth, session, callback) {
    if (!session.secure) return callback(new Error('TLS first'));
    if (auth.username === user && auth.password === password) return callback(null, { user });
    return callback(new Error('Invalid username or password'));
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', chunk => chunks.push(chunk));
    stream.on('end', () => {
      const name = `${String(++count).padStart(4, '0')}-${session.secure ? 'tls' : 'plain'}.eml`;
      fs.writeFileSync(path.join(folder, name), Buffer.concat(chunks));
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.server.address().port}`));
