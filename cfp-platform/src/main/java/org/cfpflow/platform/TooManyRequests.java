package org.cfpflow.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletResponse;

/** The 429 a filter answers with when a limit refuses a request, before any controller runs. */
public final class TooManyRequests {

    private TooManyRequests() {
    }

    /** {@code detail} is the project's own text, never the client's (it is written into JSON as it is). */
    public static void refuse(HttpServletResponse response, long retryAfterSeconds, String detail) throws IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"" + detail + "; try again in " + retryAfterSeconds + " s\"}");
    }
}
