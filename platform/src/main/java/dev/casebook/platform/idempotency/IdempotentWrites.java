package dev.casebook.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.platform.problem.ProblemException;
import dev.casebook.platform.security.Caller;
import dev.casebook.platform.security.Callers;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Runs an {@link Idempotent} write once per caller and {@code Idempotency-Key}.
 *
 * <p>Why one transaction: the key, the change and the answer commit together, or none of them does. A client whose
 * request timed out at the gateway (504) cannot tell whether it took effect; with the key stored apart from the
 * change, a crash between the two would leave a change without its key and the retry would make a duplicate. So the
 * key row is inserted first, in a transaction the service's own {@code @Transactional} methods (and their advisory
 * locks) join; the method runs; its answer is stored; all commit at once. A repeat that arrives while the first is
 * in flight blocks on the unique key until the first ends, then replays its answer (or, after
 * {@code casebook.idempotency.in-flight-wait}, gets 409 with Retry-After, as the draft allows). A request that fails
 * (an exception, any 4xx problem) rolls back and leaves no key, so its retry runs again: nothing had changed.
 *
 * <p>What makes "the same request": the method, the path and query, and the method's parameters as JSON (the body
 * read, the path ids, If-Match), hashed with SHA-256; secrets are left out ({@link HoldsSecrets}). A request
 * without the header, or from nobody signed in, runs as it always did.
 */
@Idempotent
@Interceptor
// Outside the transaction interceptors (PLATFORM_BEFORE + 200), so that the methods' transactions join this one.
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
@IfBuildProperty(name = "casebook.database.enabled", stringValue = "true")
public class IdempotentWrites {

    private final RememberedAnswers answers;
    private final IdempotencySettings settings;
    private final Callers callers;
    private final CurrentVertxRequest current;
    private final ObjectMapper json;

    public IdempotentWrites(RememberedAnswers answers, IdempotencySettings settings, Callers callers, CurrentVertxRequest current,
                            ObjectMapper json) {
        this.answers = answers;
        this.settings = settings;
        this.callers = callers;
        this.current = current;
        this.json = json;
    }

    @AroundInvoke
    Object once(InvocationContext invocation) throws Exception {
        HttpServerRequest request = current.getCurrent() == null ? null : current.getCurrent().request();
        Optional<String> key = request == null ? Optional.empty() : IdempotencyKey.of(request.headers().getAll(IdempotencyKey.HEADER));
        Caller caller = callers.current();
        if (key.isEmpty() || caller.isAnonymous()) {
            return invocation.proceed();
        }
        if (!Response.class.equals(invocation.getMethod().getReturnType())) {
            throw new IllegalStateException("@Idempotent " + invocation.getMethod() + " must return a Response");
        }
        String fingerprint = fingerprint(request, invocation);
        try {
            return QuarkusTransaction.joiningExisting().call(() -> runOnce(invocation, caller.id(), key.get(), fingerprint));
        } catch (RememberedAnswers.StillInFlight inFlight) {
            throw new ProblemException(409, "A request with this Idempotency-Key is still being answered; "
                    + "send it again in a moment to get its answer").with("header", IdempotencyKey.HEADER).withHeader("Retry-After", "1");
        } catch (Checked checked) {
            throw checked.exception();
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof Checked checked) {
                throw checked.exception();
            }
            throw e;
        }
    }

    private Response runOnce(InvocationContext invocation, String caller, String key, String fingerprint) {
        Instant forgottenBefore = Instant.now().minus(settings.retention());
        Optional<RememberedAnswers.Earlier> earlier = answers.claim(caller, key, fingerprint, settings.inFlightWait(), forgottenBefore);
        if (earlier.isPresent()) {
            if (!earlier.get().fingerprint().equals(fingerprint)) {
                throw new ProblemException(422, "This Idempotency-Key was used for another request (another body, path or "
                        + "operation); send a new key with a new request").with("header", IdempotencyKey.HEADER);
            }
            return earlier.get().answer().toResponse(true);
        }
        Object result;
        try {
            result = invocation.proceed();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new Checked(e);
        }
        RememberedAnswer answer = answerOf((Response) result, invocation.getMethod());
        if (answer.status() >= 300) {
            answers.forget(caller, key); // only a success is given again
        } else {
            answers.remember(caller, key, answer);
        }
        return answer.toResponse(false);
    }

    /** The answer as bytes, exactly as it will be sent, the first time and on every repeat. */
    private RememberedAnswer answerOf(Response response, Method method) {
        Object entity = response.getEntity();
        String type = response.getMediaType() != null ? response.getMediaType().toString() : produced(method);
        return new RememberedAnswer(response.getStatus(), entity == null ? null : type,
                response.getHeaderString(HttpHeaders.LOCATION), response.getHeaderString(HttpHeaders.ETAG), bytes(entity));
    }

    private byte[] bytes(Object entity) {
        if (entity == null) {
            return null;
        }
        if (entity instanceof byte[] raw) {
            return raw;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The answer cannot be written as JSON", e);
        }
    }

    private static String produced(Method method) {
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null) {
            produces = method.getDeclaringClass().getAnnotation(Produces.class);
        }
        return produces != null && produces.value().length > 0 ? produces.value()[0] : MediaType.APPLICATION_JSON;
    }

    private String fingerprint(HttpServerRequest request, InvocationContext invocation) {
        MessageDigest sha256 = sha256();
        sha256.update((request.method().name() + " " + request.uri() + "\n").getBytes(StandardCharsets.UTF_8));
        Object[] parameters = invocation.getParameters();
        Annotation[][] annotations = invocation.getMethod().getParameterAnnotations();
        for (int i = 0; i < parameters.length; i++) {
            if (isContext(annotations[i])) {
                continue; // UriInfo, Request and the like: the framework's, not the client's input
            }
            Object value = parameters[i] instanceof HoldsSecrets secret ? secret.withoutSecrets() : parameters[i];
            try {
                sha256.update(json.writeValueAsBytes(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A parameter of " + invocation.getMethod() + " cannot be written as JSON", e);
            }
            sha256.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static boolean isContext(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().equals(Context.class)) {
                return true;
            }
        }
        return false;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A checked exception of the method, carried through the transaction and thrown again as it was. */
    private static final class Checked extends RuntimeException {
        private final Exception exception;

        Checked(Exception exception) {
            super(exception);
            this.exception = exception;
        }

        Exception exception() {
            return exception;
        }
    }
}
