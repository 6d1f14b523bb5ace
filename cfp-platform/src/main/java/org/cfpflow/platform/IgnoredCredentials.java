package org.cfpflow.platform;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Hides the {@code Authorization} header of the requests a service declares identity-free
 * ({@link AccessRules#identityFree()}): a public endpoint does not pay a password hash or a token check for
 * credentials it does not need, and a junk header does not turn its answer into a 401.
 */
class IgnoredCredentials extends OncePerRequestFilter {

    private final RequestMatcher identityFree;

    IgnoredCredentials(RequestMatcher identityFree) {
        this.identityFree = identityFree;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean hide = request.getHeader(HttpHeaders.AUTHORIZATION) != null && identityFree.matches(request);
        chain.doFilter(hide ? new WithoutAuthorization(request) : request, response);
    }

    private static final class WithoutAuthorization extends HttpServletRequestWrapper {

        WithoutAuthorization(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? Collections.emptyEnumeration()
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(header -> !HttpHeaders.AUTHORIZATION.equalsIgnoreCase(header)).toList());
        }
    }
}
