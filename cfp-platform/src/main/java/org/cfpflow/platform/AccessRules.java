package org.cfpflow.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what in one service. A service declares its rules as a bean; the platform applies them to both of
 * its security filter chains, the API's and the pages' (see {@link CfpHttpSecurity}).
 */
@FunctionalInterface
public interface AccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

    /**
     * Public requests whose answer is the same whoever sends them: credentials sent with them are not checked
     * (no password hashed, no 401 for a bad header); see {@link IgnoredCredentials}. None by default.
     */
    default RequestMatcher identityFree() {
        return request -> false;
    }
}
