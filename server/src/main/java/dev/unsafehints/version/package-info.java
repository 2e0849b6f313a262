/** The tool's version, for every front end (the CLI's --version, reports, the language server). */
package dev.unsafehints.version;
