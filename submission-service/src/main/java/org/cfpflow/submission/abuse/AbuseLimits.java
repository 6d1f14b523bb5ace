package org.cfpflow.submission.abuse;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

import org.cfpflow.platform.ClientAddress;
import org.cfpflow.platform.RateLimiter;
import org.cfpflow.platform.TooManyRequests;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public doors get a limit per client address: submitting ({@code cfp.limits.submissions-per-minute}), and
 * presenting edit tokens that turn out wrong ({@code cfp.limits.token-failures-per-minute}), so that guessing
 * tokens gets nothing and soon gets refused. The client address is {@link ClientAddress}'s (behind a proxy, name it
 * in {@code cfp.http.trusted-proxies}); the path is the decoded, normalised one Spring matches, so that
 * {@code /api/conferences/lpc2017/%70roposals} counts as the {@code /api/conferences/lpc2017/proposals} it
 * reaches.
 */
@Configuration
@EnableConfigurationProperties(AbuseLimits.Limits.class)
class AbuseLimits {

    private static final Pattern PROPOSAL = Pattern.compile("^/(api/)?proposals/[^/]+(/withdraw|/timeline)?$");
    /** The API's submission and the call page's form. */
    private static final Pattern SUBMISSION = Pattern.compile("^/(api/conferences/[^/]+/proposals|[^/]+/)$");

    @ConfigurationProperties("cfp.limits")
    record Limits(@DefaultValue("30") int submissionsPerMinute, @DefaultValue("10") int tokenFailuresPerMinute) {
    }

    @Bean
    FilterRegistrationBean<LimitFilter> abuseLimitFilter(Limits limits, Clock clock, ClientAddress clientAddress) {
        FilterRegistrationBean<LimitFilter> registration = new FilterRegistrationBean<>(new LimitFilter(clientAddress,
                new RateLimiter(limits.submissionsPerMinute(), Duration.ofMinutes(1), clock),
                new RateLimiter(limits.tokenFailuresPerMinute(), Duration.ofMinutes(1), clock)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    static final class LimitFilter extends OncePerRequestFilter {

        private final ClientAddress clientAddress;
        private final RateLimiter submissions;
        private final RateLimiter tokenFailures;

        LimitFilter(ClientAddress clientAddress, RateLimiter submissions, RateLimiter tokenFailures) {
            this.clientAddress = clientAddress;
            this.submissions = submissions;
            this.tokenFailures = tokenFailures;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String client = clientAddress.of(request);
            String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
            boolean submitting = "POST".equals(request.getMethod())
                    && SUBMISSION.matcher(path).matches();
            if (submitting && !submissions.tryAcquire(client)) {
                TooManyRequests.refuse(response, submissions.retryAfterSeconds(client), "Too many submissions from your address");
                return;
            }
            boolean withToken = PROPOSAL.matcher(path).matches() && (request.getHeader("X-Edit-Token") != null
                    || request.getParameter("token") != null || WebUtils.getCookie(request, "cfp-edit-token") != null);
            if (withToken && tokenFailures.isExhausted(client)) {
                TooManyRequests.refuse(response, tokenFailures.retryAfterSeconds(client), "Too many wrong edit tokens from your address");
                return;
            }
            chain.doFilter(request, response);
            if (withToken && (response.getStatus() == 403 || response.getStatus() == 404)) {
                tokenFailures.tryAcquire(client);
            }
        }
    }
}
