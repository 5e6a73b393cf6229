// Child processes for the SDK check: a command line as a user types it, with a clean npm environment.
import { spawn } from 'node:child_process';

/** The environment minus what `npm test` sets for its own run (npm_config_*, npm_package_*...). */
export function cleanEnv(extra = {}) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD' && key !== 'NODE_OPTIONS'),
  );
  return { ...env, ...extra };
}

/** Runs `command` (a shell line, as typed) in `cwd`; resolves with its output, rejects with it on failure. */
export function sh(command, { cwd, env, timeout = 600_000, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, { cwd, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk) => {
      output += chunk.toString();
      if (!quiet && process.env.SDK_CHECK_VERBOSE) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else
        reject(
          Object.assign(
            new Error(`\`${command}\` in ${cwd} failed (${signal ?? `exit ${code}`}):\n${output.slice(-4000)}`),
            { output, code },
          ),
        );
    });
  });
}

/** Starts a long-running command; resolves once its output matches `ready`, with a stop function. */
export function start(command, { cwd, env, ready, timeout = 120_000 }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, { cwd, env, shell: true, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const stop = () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done(child.exitCode);
        child.once('exit', (code) => done(code));
        process.kill(-child.pid, 'SIGTERM');
      });
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`\`${command}\` did not get ready in time:\n${output.slice(-4000)}`));
    }, timeout);
    const check = (chunk) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ match, output: () => output, stop });
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`\`${command}\` exited (${code}) before it was ready:\n${output.slice(-4000)}`));
    });
  });
}
