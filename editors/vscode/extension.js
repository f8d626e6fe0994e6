'use strict';

// Highlighting comes from the grammar package.json contributes; this file only
// starts `strategos lsp` over stdio, so diagnostics and the rest come from the
// same parser and interpreter that run the scripts.

const path = require('path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

// The configured binary. A relative path with a directory in it (such as
// `.build/release/strategos`) means the workspace's build, not one relative
// to wherever VS Code was started; a bare name is looked up on PATH.
function serverCommand() {
  const configured = vscode.workspace.getConfiguration('strategos').get('path', 'strategos');
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder && configured.includes('/') && !path.isAbsolute(configured)) {
    return path.join(folder.uri.fsPath, configured);
  }
  return configured;
}

async function start() {
  const server = { command: serverCommand(), args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient('strategos', 'Strategos', { run: server, debug: server }, {
    documentSelector: [
      { scheme: 'file', language: 'strategos' },
      { scheme: 'untitled', language: 'strategos' },
    ],
  });
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(
      `Strategos: could not start '${server.command} lsp' (${error.message}). Set strategos.path to the strategos binary.`);
  }
}

async function stop() {
  if (client) {
    const running = client;
    client = undefined;
    try {
      await running.stop();
    } catch {
      // A client that never started has nothing to stop.
    }
  }
}

async function activate(context) {
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (event) => {
    if (event.affectsConfiguration('strategos.path')) {
      await stop();
      await start();
    }
  }));
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
