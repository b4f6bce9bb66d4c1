package dev.casebook.platform.problem;

import dev.casebook.platform.http.HttpSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds a body that declares no length (chunked) while it is read, with a problem: {@link OversizedBodies} answers
 * one whose Content-Length is over the limit before anything reads it. Vert.x's own limit would answer an empty 413
 * and leave the service logging an IOException, so it is set far higher and this is the limit that counts.
 */
@ApplicationScoped
public class BoundedBodies {

    private final long limit;

    public BoundedBodies(HttpSettings settings) {
        this.limit = settings.maxBodySize().asLongValue();
    }

    @ServerRequestFilter
    public void bound(ContainerRequestContext request) {
        // Chunked over HTTP/1.1, or any body over HTTP/2: no length is declared, so it is counted as it is read.
        if (request.getHeaderString(HttpHeaders.CONTENT_LENGTH) == null) {
            request.setEntityStream(new Bounded(request.getEntityStream(), limit));
        }
    }

    /** Counts what is read and refuses the byte past the limit. */
    private static final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream body, long limit) {
            super(body);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int bytes) throws TooLarge {
            read += bytes;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }
    }

    /**
     * An IOException, so that a JSON parser reading the body passes it on as it is instead of calling it a bad field;
     * {@link ProblemMappers} answers it with a 413 problem.
     */
    static final class TooLarge extends IOException {

        TooLarge(long limit) {
            super("The body is over the limit of " + limit + " bytes", null);
        }

        ProblemException problem() {
            // The connection closes after the answer, so that the unread rest of the body is not taken for a request.
            return new ProblemException(413, getMessage()).withHeader("Connection", "close");
        }
    }
}
