package org.cfpflow.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API's answer to a request without valid credentials: {@code 401} with a problem+json body like every other
 * error of the API, and the challenge of the scheme the client tried (a bearer token's, with the reason the
 * resource server gives; HTTP Basic's otherwise).
 */
final class SignInNeeded implements AuthenticationEntryPoint {

    private final AuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException, ServletException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (refused instanceof OAuth2AuthenticationException
                || authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // sets the Bearer challenge and the status, writes no body
            bearer.commence(request, response, refused);
        }
        else {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"cfp-flow\", charset=\"UTF-8\"");
        }
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"Sign in: HTTP Basic as a user of this deployment, or a bearer token from its identity "
                + "provider\"}");
    }
}
