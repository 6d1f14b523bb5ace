package org.cfpflow.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Password checks per client address and per username ({@code cfp.limits.sign-in-attempts-per-minute}, 10 each):
 * every sign-in whose credentials {@link RememberedCredentials} does not already know costs a token before its
 * password is hashed, so that guessing, and the BCrypt work each guess costs, stop at the limit with a 429 and
 * {@code Retry-After}. Taking the token first, not on failure, holds also for many guesses sent at once. A client
 * that signed in keeps working (it is remembered), whoever guesses its password meanwhile.
 */
class SignInLimits extends OncePerRequestFilter {

    private final ClientAddress clientAddress;
    private final RememberedCredentials remembered;
    private final RateLimiter perAddress;
    private final RateLimiter perUsername;

    SignInLimits(ClientAddress clientAddress, RememberedCredentials remembered, int attemptsPerMinute, Clock clock) {
        this.clientAddress = clientAddress;
        this.remembered = remembered;
        this.perAddress = new RateLimiter(attemptsPerMinute, Duration.ofMinutes(1), clock);
        this.perUsername = new RateLimiter(attemptsPerMinute, Duration.ofMinutes(1), clock);
    }

    private record Credentials(String username, String password) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Credentials credentials = credentials(request);
        if (credentials != null && !remembered.remembers(credentials.username(), credentials.password())) {
            String address = clientAddress.of(request);
            String username = credentials.username().strip().toLowerCase(Locale.ROOT);
            boolean addressOk = perAddress.tryAcquire(address);
            boolean usernameOk = addressOk && perUsername.tryAcquire(username);
            if (!addressOk || !usernameOk) {
                long retryAfter = Math.max(perAddress.retryAfterSeconds(address), perUsername.retryAfterSeconds(username));
                TooManyRequests.refuse(response, Math.max(1, retryAfter),
                        !addressOk ? "Too many sign-in attempts from your address" : "Too many sign-in attempts for this user");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** HTTP Basic credentials, or the login form's; null when the request carries neither. */
    private static Credentials credentials(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                // an undecodable header costs no hash: Spring Security refuses it before any password check
                return colon < 0 ? null : new Credentials(pair.substring(0, colon), pair.substring(colon + 1));
            }
            catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            String username = request.getParameter("username");
            String password = request.getParameter("password");
            return username == null || password == null ? null : new Credentials(username, password);
        }
        return null;
    }
}
