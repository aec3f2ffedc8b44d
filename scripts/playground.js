#!/usr/bin/env node
/**
 * Opens Microsoft 365 Agents Playground (a local, offline Teams-like chat) against the running bot.
 * Start the bot first (`npm start`), then `npm run playground`, and open http://127.0.0.1:56150.
 * Set TEAMSAPPTESTER_BROWSER=none to keep it from opening a browser (headless machines, CI).
 */
const { spawn } = require('child_process');
const path = require('path');

const port = process.env.PORT || '3978';
const endpoint = process.env.BOT_ENDPOINT || `http://127.0.0.1:${port}/api/messages`;
const cli = path.join(__dirname, '..', 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
const args = [cli, '-e', endpoint, '-c', 'msteams', '--disable-telemetry', ...process.argv.slice(2)];

console.log(`Agents Playground → ${endpoint} (open http://127.0.0.1:56150 if no browser opens)`);
const child = spawn(process.execPath, args, { stdio: 'inherit', env: process.env });
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
