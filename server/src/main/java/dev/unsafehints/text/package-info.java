/** Positions in a file's text: UTF-16 offsets, ranges, zero-based line/column positions and text edits. */
package dev.unsafehints.text;
