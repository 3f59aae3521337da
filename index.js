// n8n discovers the nodes and credentials through the "n8n" attribute of
// package.json; this entry point only exists so that `require('n8n-nodes-fortinet')`
// resolves.
module.exports = {};
