package dev.unsafehints.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.unsafehints.config.ConfigFile;
import dev.unsafehints.lsp.document.DocumentUris;
import dev.unsafehints.lsp.inventory.DependencyInventory;
import dev.unsafehints.lsp.inventory.InventorySite;
import dev.unsafehints.review.ReviewException;
import dev.unsafehints.review.ReviewJsonWriter;
import dev.unsafehints.review.ReviewMarkdownWriter;
import dev.unsafehints.review.ReviewReport;
import dev.unsafehints.review.ReviewRequest;
import dev.unsafehints.review.ReviewService;
import dev.unsafehints.version.ToolVersion;
import dev.unsafehints.workspace.WorkspaceFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The {@code workspace/*} methods: settings, watched files, workspace folders, and the commands
 * ({@code unsafe-hints.inventory}, {@code unsafe-hints.status}, {@code unsafe-hints.reviewChanges},
 * {@code unsafe-hints.approveSite}, {@code unsafe-hints.dependencies}).
 */
final class UnsafeHintsWorkspaceService implements WorkspaceService {
    private final UnsafeHintsLanguageServer server;

    UnsafeHintsWorkspaceService(UnsafeHintsLanguageServer server) {
        this.server = server;
    }

    /**
     * Takes the settings from the notification when it carries an {@code unsafeHints} object
     * (VS Code's configurationSection sync), else asks for them with {@code workspace/configuration}.
     */
    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        Object settings = params.getSettings();
        JsonElement section = settings instanceof JsonObject
                ? ((JsonObject) settings).get(SettingsStore.SECTION) : null;
        if (section != null) {
            server.settings().updateEditorSettings(section);
            server.onSettingsChanged();
        } else if (server.features().configuration()) {
            server.requestExecutor().execute(() -> {
                server.fetchEditorSettings();
                server.onSettingsChanged();
            });
        }
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        boolean settingsChanged = false;
        for (FileEvent event : params.getChanges()) {
            Optional<Path> path = DocumentUris.toPath(event.getUri());
            if (path.isEmpty() || path.get().getFileName() == null) {
                continue;
            }
            String name = path.get().getFileName().toString();
            if (name.equals(ConfigFile.FILE_NAME)) {
                server.settings().reloadProjectFiles();
                settingsChanged = true;
            } else if (name.equals("Cargo.toml") || name.equals("Cargo.lock")) {
                server.cargoManifestsChanged(); // crate names, editions and dependencies may have changed
                settingsChanged = true;
            } else if (WorkspaceFiles.isRustFile(path.get())
                    && !WorkspaceFiles.isSkipped(server.settings().rootOf(path.get()), path.get())
                    && server.settings().rootOf(path.get()) != null) {
                server.inventory().fileChangedOnDisk(path.get());
            }
        }
        if (settingsChanged) {
            server.onSettingsChanged();
        }
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
        LinkedHashSet<Path> roots = new LinkedHashSet<>(server.settings().roots());
        if (params.getEvent() != null) {
            for (WorkspaceFolder removed : ClientFeatures.orEmpty(params.getEvent().getRemoved())) {
                DocumentUris.toPath(removed.getUri()).ifPresent(roots::remove);
            }
            for (WorkspaceFolder added : ClientFeatures.orEmpty(params.getEvent().getAdded())) {
                DocumentUris.toPath(added.getUri()).ifPresent(roots::add);
            }
        }
        server.settings().setRoots(new ArrayList<>(roots));
        server.onSettingsChanged();
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        String command = params.getCommand();
        List<Object> args = params.getArguments() == null ? List.of() : params.getArguments();
        if (UnsafeHintsLanguageServer.CMD_INVENTORY.equals(command)) {
            String onlyUri = args.isEmpty() ? null : stringArg(args.get(0));
            return CompletableFutures.computeAsync(server.requestExecutor(), cancel -> {
                CompletableFuture<Void> ready = server.inventory().ready();
                while (true) {
                    cancel.checkCanceled();
                    try {
                        ready.get(25, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        // keep waiting for the index, unless cancelled
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.util.concurrent.CancellationException();
                    } catch (ExecutionException e) {
                        break;
                    }
                }
                List<InventorySite> sites = server.inventory().sites(onlyUri);
                return new ArrayList<Object>(sites);
            });
        }
        if (UnsafeHintsLanguageServer.CMD_REVIEW.equals(command)) {
            String rootUri = args.isEmpty() ? null : stringArg(args.get(0));
            String since = args.size() < 2 ? null : stringArg(args.get(1));
            return CompletableFutures.computeAsync(server.requestExecutor(), cancel -> review(rootUri, since));
        }
        if (UnsafeHintsLanguageServer.CMD_APPROVE.equals(command)) {
            return CompletableFutures.computeAsync(server.requestExecutor(), cancel -> new ApproveSiteCommand(
                    new ReviewService(server.settings().forFolder(ApproveSiteCommand.fileOf(args).getParent())))
                    .run(args));
        }
        if (UnsafeHintsLanguageServer.CMD_DEPENDENCIES.equals(command)) {
            String root = args.isEmpty() ? null : stringArg(args.get(0));
            return CompletableFutures.computeAsync(server.requestExecutor(), cancel -> dependencies(root));
        }
        if (UnsafeHintsLanguageServer.CMD_STATUS.equals(command)) {
            boolean gc = !args.isEmpty() && "gc".equals(stringArg(args.get(0)));
            return CompletableFutures.computeAsync(server.requestExecutor(), cancel -> status(gc));
        }
        CompletableFuture<Object> failed = new CompletableFuture<>();
        failed.completeExceptionally(new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                "unknown command '" + command + "'; this server offers " + String.join(", ",
                        UnsafeHintsLanguageServer.COMMANDS), null)));
        return failed;
    }

    /**
     * Runs review mode on a workspace folder: the JSON report (schema unsafe-hints-review v1) and
     * the same as Markdown, for a client to show as a tree or a preview.
     */
    private Object review(String rootUri, String since) {
        java.nio.file.Path root = rootUri == null ? server.settings().roots().stream().findFirst().orElse(null)
                : DocumentUris.toPath(rootUri).orElse(null);
        if (root == null) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                    "review needs a workspace folder (argument 0: its URI)", null));
        }
        try {
            ReviewReport report = new ReviewService(
                    server.settings().forFolder(root)).review(new ReviewRequest(root, since, null));
            java.io.StringWriter json = new java.io.StringWriter();
            new ReviewJsonWriter(ToolVersion.version()).write(report, json);
            java.util.Map<String, Object> result = new java.util.LinkedHashMap<>();
            result.put("report", com.google.gson.JsonParser.parseString(json.toString()));
            result.put("markdown", new ReviewMarkdownWriter().write(report));
            return result;
        } catch (ReviewException e) {
            throw new ResponseErrorException(new ResponseError(
                    e.kind() == ReviewException.Kind.USAGE ? ResponseErrorCode.InvalidParams
                            : ResponseErrorCode.InternalError, "review: " + e.getMessage(), null));
        } catch (java.io.IOException e) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError,
                    "review: " + e.getMessage(), null));
        }
    }

    /**
     * The dependency view: without a folder, whether the crate graph is loaded and its packages; with
     * a package's folder, that package's unsafe sites (analysed on first request).
     */
    private Object dependencies(String root) {
        DependencyInventory deps = server.dependencyInventory();
        if (root == null) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("loaded", deps.loaded());
            result.put("packages", deps.packages());
            return result;
        }
        List<InventorySite> sites = deps.sites(root).orElseThrow(() -> new ResponseErrorException(new ResponseError(
                ResponseErrorCode.InvalidParams, "the crate graph has no dependency in " + root, null)));
        return Map.of("sites", sites);
    }

    /** Numbers for people and benchmarks; with "gc" the heap is measured after a full collection. */
    private Object status(boolean gc) {
        if (gc) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("openDocuments", server.documents().size());
        status.put("indexedFiles", server.inventory().fileCount());
        status.put("unsafeSites", server.inventory().siteCount());
        status.put("indexReady", server.inventory().ready().isDone() && server.inventory().everIndexed());
        status.put("workspaceFolders", server.settings().roots().stream().map(Path::toString).toList());
        status.put("rules", server.options().rules().size());
        status.put("heapUsedBytes", rt.totalMemory() - rt.freeMemory());
        status.put("heapMaxBytes", rt.maxMemory());
        return status;
    }

    private static String stringArg(Object arg) {
        if (arg instanceof JsonPrimitive && ((JsonPrimitive) arg).isString()) {
            return ((JsonPrimitive) arg).getAsString();
        }
        if (arg instanceof JsonObject && ((JsonObject) arg).has("uri")) {
            return ((JsonObject) arg).get("uri").getAsString();
        }
        return arg instanceof String ? (String) arg : null;
    }
}
