/**
 * A real IMAP server for tests: Debian's dovecot (dovecot-imapd), started with its own
 * config in a temporary folder, on a free port on 127.0.0.1, one user, plain-text login.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const DOVECOT = '/usr/sbin/dovecot';

export interface TestImapServer {
  port: number;
  user: string;
  password: string;
  /** The server's log, for failure messages. */
  log(): string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = createConnection({ host: '127.0.0.1', port });
    c.once('data', (d) => {
      c.destroy();
      resolve(d.toString().startsWith('* OK'));
    });
    c.once('error', () => resolve(false));
  });
}

export async function startDovecot(): Promise<TestImapServer> {
  if (!existsSync(DOVECOT)) {
    throw new Error(`${DOVECOT} is missing: apt-get install -y dovecot-imapd (the IMAP bounce test needs it)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'briefing-dovecot-'));
  // Run as root, dovecot's auth process reads the users file as the dovecot user.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const me = userInfo();
  const user = 'bounce';
  const password = 'imap-test-password';
  for (const d of ['run', 'state', 'mail', 'home']) mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${password}::::::\n`);
  const root = me.uid === 0;
  // Dovecot never gives mail processes uid 0: run as root, the mail belongs to nobody (65534).
  const uid = root ? 65534 : me.uid;
  const gid = root ? 65534 : me.gid;
  if (root) for (const d of ['mail', 'home']) chownSync(join(dir, d), uid, gid);
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
first_valid_uid = ${uid}
first_valid_gid = ${gid}
${root ? '' : `default_login_user = ${me.username}\ndefault_internal_user = ${me.username}\n`}passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/users
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
`,
  );
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log = (): string =>
    existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : '';
  for (let i = 0; ; i++) {
    if (await greets(port)) break;
    if (child.exitCode !== null || i > 100) {
      child.kill('SIGKILL');
      throw new Error(`dovecot did not start on 127.0.0.1:${port}:\n${log().slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    user,
    password,
    log,
    close: async () => {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
