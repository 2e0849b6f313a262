/**
 * The analyzer engine: runs the rule catalogue over a file's model, applies settings and suppressions
 * once for all rules, and re-analyses an edited document from its previous analysis.
 */
package dev.unsafehints.engine;
