package dev.unsafehints.lsp.inventory;

import org.eclipse.lsp4j.Range;

/**
 * One unsafe site as the {@code unsafe-hints.inventory} command returns it (serialised to JSON as is).
 *
 * @param uri      the file's URI
 * @param crate    the crate's name ("" outside any crate)
 * @param file     the path relative to its workspace folder, with {@code /}
 * @param ruleId   the inventory or operation rule that found it
 * @param kind     {@code inventory} (a place where unsafe is declared or entered) or {@code operation}
 * @param severity the effective severity
 * @param range    where it is, in UTF-16 positions
 * @param message  the finding's message
 * @param documented for an unsafe block or fn: {@code yes}, {@code template} or {@code no} (a SAFETY
 *                 comment or {@code # Safety} section; a fact, whichever rules are on); else null
 */
public record InventorySite(String uri, String crate, String file, String ruleId, String kind, String severity,
                            Range range, String message, String documented) {
}
