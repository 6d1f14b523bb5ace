package org.cfpflow.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a write to the API that a browser sends for a page of another site. The API has no CSRF token to ask
 * for, and a browser may still attach credentials of its own (HTTP Basic it was once given); its
 * {@code Sec-Fetch-Site} header tells such requests apart. Clients that are not browsers do not send the header.
 */
class CrossSiteWriteFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private static final Set<String> OTHER_SITES = Set.of("cross-site", "same-site");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && OTHER_SITES.contains(site) && !SAFE_METHODS.contains(request.getMethod())) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Cross-site request refused\","
                    + "\"status\":403,\"detail\":\"The API does not accept writes sent by a page of another site ("
                    + "Sec-Fetch-Site: " + site + ")\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
