package dev.unsafehints.lsp;

import java.util.function.Function;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * Enforces the lifecycle rules of the specification that LSP4J leaves to servers: before
 * {@code initialize} every request is answered with ServerNotInitialized and notifications other
 * than {@code exit} are dropped; after {@code shutdown} every request is answered with
 * InvalidRequest and notifications other than {@code exit} are dropped; a second
 * {@code initialize} is refused.
 *
 * <p>LSP4J applies a message wrapper to both directions: first to the outgoing stream, then to the
 * incoming one (the {@link RemoteEndpoint}). The guard keeps the outgoing consumer to answer
 * refused requests and filters the incoming side.
 */
final class LifecycleGuard implements Function<MessageConsumer, MessageConsumer> {
    private final ClientLog log;
    private volatile MessageConsumer outgoing;
    private boolean initializeSeen; // only touched on the JSON-RPC reader thread
    private boolean shutdownSeen;

    LifecycleGuard(ClientLog log) {
        this.log = log;
    }

    @Override
    public MessageConsumer apply(MessageConsumer consumer) {
        if (!(consumer instanceof RemoteEndpoint)) {
            outgoing = consumer;
            return consumer;
        }
        return message -> {
            if (admit(message)) {
                consumer.consume(message);
            }
        };
    }

    private boolean admit(Message message) {
        if (message instanceof RequestMessage) {
            RequestMessage request = (RequestMessage) message;
            String method = request.getMethod();
            if ("initialize".equals(method)) {
                if (initializeSeen) {
                    refuse(request, ResponseErrorCode.InvalidRequest, "initialize was already received");
                    return false;
                }
                initializeSeen = true;
                return true;
            }
            if (!initializeSeen) {
                refuse(request, ResponseErrorCode.ServerNotInitialized,
                        "the server has not been initialized; send initialize first");
                return false;
            }
            if (shutdownSeen) {
                refuse(request, ResponseErrorCode.InvalidRequest, "the server is shutting down; only exit is accepted");
                return false;
            }
            if ("shutdown".equals(method)) {
                shutdownSeen = true;
            }
            return true;
        }
        if (message instanceof NotificationMessage) {
            String method = ((NotificationMessage) message).getMethod();
            if ("exit".equals(method) || method == null) {
                return true;
            }
            if (!initializeSeen || shutdownSeen) {
                log.debug("dropping notification " + method + (initializeSeen ? " after shutdown" : " before initialize"));
                return false;
            }
            return true;
        }
        return true; // responses to our own requests
    }

    private void refuse(RequestMessage request, ResponseErrorCode code, String text) {
        ResponseMessage response = new ResponseMessage();
        response.setId(request.getId());
        response.setError(new ResponseError(code, text + " (method " + request.getMethod() + ")", null));
        MessageConsumer out = outgoing;
        if (out != null) {
            out.consume(response);
        }
    }
}
