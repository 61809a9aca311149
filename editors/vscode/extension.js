// Starts `flowgate lsp` for .flow files. The server does the work; this only wires it to VS Code.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("flowgate");
  const command = settings.get("path") || "flowgate";
  const asOf = settings.get("asOf");
  const args = ["lsp"].concat(asOf ? ["--as-of", asOf] : []);
  const serverOptions = {
    run: { command, args, transport: TransportKind.stdio },
    debug: { command, args, transport: TransportKind.stdio },
  };
  const clientOptions = {
    documentSelector: [{ scheme: "file", language: "flow" }],
    synchronize: {
      // Files changed outside the editor (git checkout, another tool) are read again.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.flow,flowgate.toml}"),
    },
  };
  client = new LanguageClient("flowgate", "flowgate", serverOptions, clientOptions);
  client.start();
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
