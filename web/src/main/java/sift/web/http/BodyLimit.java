package sift.web.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every request body is at most {@link #MAX_BYTES}: a larger declared length is answered 413 before a byte is
 * read, and a body sent without a length (chunked) is read only up to the limit, then refused with 413 as well
 * ({@link TooLarge}, mapped by {@link App}). Uploads are parsed in memory, so no request ever writes to the disk.
 */
public final class BodyLimit implements Filter {
    /** The largest body Sift reads: an OPML file of thousands of feeds, a lexicon, a form. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** A body went past the limit while it was being read. */
    public static final class TooLarge extends IOException {
        TooLarge() {
            super("the request body is larger than " + MAX_BYTES / 1024 / 1024 + " MB");
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (http.getContentLengthLong() > MAX_BYTES) {
            HttpServletResponse out = (HttpServletResponse) response;
            out.setHeader("Connection", "close");
            out.sendError(413, "The request body is larger than " + MAX_BYTES / 1024 / 1024 + " MB.");
            return;
        }
        chain.doFilter(
                new HttpServletRequestWrapper(http) {
                    private ServletInputStream bounded;

                    @Override
                    public ServletInputStream getInputStream() throws IOException {
                        if (bounded == null) {
                            bounded = new Bounded(super.getInputStream());
                        }
                        return bounded;
                    }
                },
                response);
    }

    /** A request's input that refuses to go past {@link #MAX_BYTES}. */
    private static final class Bounded extends ServletInputStream {
        private final ServletInputStream in;
        private long read;

        Bounded(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > MAX_BYTES) {
                throw new TooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
