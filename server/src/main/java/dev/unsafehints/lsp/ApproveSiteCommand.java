package dev.unsafehints.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.unsafehints.lsp.document.DocumentUris;
import dev.unsafehints.review.Approval;
import dev.unsafehints.review.ReviewException;
import dev.unsafehints.review.ReviewService;
import dev.unsafehints.review.SiteInFile;
import dev.unsafehints.text.TextPosition;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * {@code unsafe-hints.approveSite}: records a reviewer's approval of one unsafe site in the review
 * ledger, as {@code unsafe-hints review --approve} does, so an editor user needs no terminal. One
 * argument, an object: {@code uri} (the file), {@code site} (an id or hash that review listed) or
 * {@code position} ({@code {line, character}}, 0-based, inside the site), {@code note} (why it is
 * sound) and optionally {@code by} (else git's user.name). The answer is the approval and the
 * ledger's URI. The file is read from disk: the client saves it first.
 */
final class ApproveSiteCommand {
    private final ReviewService service;

    ApproveSiteCommand(ReviewService service) {
        this.service = service;
    }

    /** Where the server reads this folder's settings: the folder of the file's crate. */
    static Path fileOf(List<Object> args) {
        JsonObject arg = argument(args);
        String uri = string(arg, "uri");
        return DocumentUris.toPath(uri == null ? "" : uri).orElseThrow(() -> invalid(
                "approveSite needs the file's `uri` (a file: URI), got " + uri));
    }

    Object run(List<Object> args) {
        JsonObject arg = argument(args);
        Path file = fileOf(args);
        TextPosition at = null;
        if (arg.get("position") instanceof JsonObject p && p.has("line") && p.has("character")) {
            at = new TextPosition(p.get("line").getAsInt(), p.get("character").getAsInt());
        }
        String site = string(arg, "site");
        if ((site == null || site.isBlank()) == (at == null)) {
            throw invalid("approveSite needs either `site` (an id or hash from the review) or `position`");
        }
        try {
            Approval a = service.approve(new SiteInFile(file, at == null ? site : null, at), null,
                    string(arg, "by"), string(arg, "note"));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("site", a.site());
            result.put("file", a.file());
            result.put("item", a.item());
            result.put("kind", a.kind());
            result.put("ordinal", a.ordinal());
            result.put("fingerprint", a.fingerprint());
            result.put("by", a.by());
            result.put("date", a.date());
            result.put("commit", a.commit());
            result.put("note", a.note());
            result.put("ledger", ReviewService.ledgerFor(file, null).toUri().toString());
            return result;
        } catch (ReviewException e) {
            // the message names what to give: a note, a name (git's user.name unset), another place
            throw new ResponseErrorException(new ResponseError(e.kind() == ReviewException.Kind.USAGE
                    ? ResponseErrorCode.InvalidParams : ResponseErrorCode.InternalError,
                    "approve: " + e.getMessage(), null));
        }
    }

    private static JsonObject argument(List<Object> args) {
        if (args.isEmpty() || !(args.get(0) instanceof JsonObject o)) {
            throw invalid("approveSite takes one object: {uri, site or position, note, by?}");
        }
        return o;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static ResponseErrorException invalid(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
    }
}
