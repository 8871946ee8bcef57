// A `rapport serve` child process for the browser tests: started on a free
// port, resolved once it prints where it listens, stopped with SIGTERM.

import { spawn } from 'node:child_process';

/** Starts `bin serve ...args --listen 127.0.0.1:0`; resolves to { child, url, log() }. */
export function serve(bin, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['serve', ...args, '--listen', '127.0.0.1:0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // The line parsed below is English whatever the machine's own language.
      env: { ...process.env, NO_COLOR: '1', RAPPORT_LANGUAGE: 'en' },
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`rapport serve did not start:\n${out}`)), 30_000);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c) => { out += c; });
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = out.match(/Rapport is listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, log: () => out.slice(-4000) });
      }
    });
    child.on('exit', (code) => reject(new Error(`rapport serve exited (${code}):\n${out}`)));
  });
}

/** Stops a server started by `serve` and waits for it to exit. */
export async function stop(child) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
