/**
 * What every language feature reads: an open document's snapshot and analysis, its findings as LSP4J
 * diagnostics, the rule table and document URIs.
 */
package dev.unsafehints.lsp.document;
