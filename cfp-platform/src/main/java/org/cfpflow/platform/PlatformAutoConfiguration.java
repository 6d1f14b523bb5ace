package org.cfpflow.platform;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Users from configuration, the security filter chains, problem+json errors and the body size limit, for every
 * service. Before Boot's security auto-configuration, whose default filter chains then give way to these.
 */
@AutoConfiguration(beforeName = {"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@EnableConfigurationProperties({UsersProperties.class, HttpProperties.class, SecurityProperties.class})
@Import(ProblemHandling.class)
public class PlatformAutoConfiguration {

    @Bean
    ProblemResponsesInOpenApi problemResponsesInOpenApi() {
        return new ProblemResponsesInOpenApi();
    }

    /** Request bodies read strictly (see the class); the events have a mapper of their own. */
    @Bean
    StrictJson strictJson() {
        return new StrictJson();
    }

    @Bean
    ClientAddress clientAddress(HttpProperties properties) {
        return new ClientAddress(properties.trustedProxies());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    CfpHttpSecurity cfpHttpSecurity(ObjectProvider<JwtDecoder> jwtDecoder, SecurityProperties properties) {
        return new CfpHttpSecurity(jwtDecoder, properties);
    }

    @Bean
    @Order(1)
    @ConditionalOnBean(AccessRules.class)
    SecurityFilterChain cfpApiSecurity(HttpSecurity http, CfpHttpSecurity cfp, AccessRules rules) throws Exception {
        return cfp.api(http).authorizeHttpRequests(rules::apply).build();
    }

    @Bean
    @Order(2)
    @ConditionalOnBean(AccessRules.class)
    SecurityFilterChain cfpPageSecurity(HttpSecurity http, CfpHttpSecurity cfp, AccessRules rules) throws Exception {
        return cfp.pages(http).authorizeHttpRequests(rules::apply).build();
    }

    /**
     * Users from configuration and the administrator from the environment. Without any (and without an OAuth2
     * issuer) a service would accept nobody, or worse, whoever Boot invents: it refuses to start instead, naming
     * what to set.
     */
    @Bean
    UserDetailsService cfpUsers(UsersProperties properties, Environment environment) {
        boolean jwt = environment.containsProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")
                || environment.containsProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
                || environment.containsProperty("spring.security.oauth2.resourceserver.jwt.public-key-location");
        if (properties.all().isEmpty() && !jwt) {
            throw new IllegalStateException("No one could sign in: set CFP_ADMIN_EMAIL and CFP_ADMIN_PASSWORD_HASH "
                    + "(a BCrypt hash) for the first administrator, or cfp.security.users (username, {bcrypt} "
                    + "password, roles ORGANIZER/REVIEWER/DECIDER), or an OAuth2 issuer "
                    + "(spring.security.oauth2.resourceserver.jwt.issuer-uri). The local run (./cfp local) brings "
                    + "demo users in local/demo-users.yml.");
        }
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (UsersProperties.User user : properties.all()) {
            users.createUser(User.withUsername(user.username())
                    .password(user.password())
                    .roles(user.roles().toArray(String[]::new))
                    .build());
        }
        return users;
    }

    /** The users above, each password checked once and then remembered for a few minutes (see the class). */
    @Bean
    RememberedCredentials cfpCredentials(UserDetailsService users, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider checker = new DaoAuthenticationProvider(users);
        checker.setPasswordEncoder(passwordEncoder);
        return new RememberedCredentials(checker, Duration.ofMinutes(5));
    }

    /** Before Spring Security's filters: credentials of identity-free requests are dropped, the rest limited. */
    @Bean
    FilterRegistrationBean<IgnoredCredentials> ignoredCredentialsFilter(ObjectProvider<AccessRules> rules) {
        AccessRules accessRules = rules.getIfAvailable();
        FilterRegistrationBean<IgnoredCredentials> registration = new FilterRegistrationBean<>(new IgnoredCredentials(
                accessRules == null ? request -> false : accessRules.identityFree()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SignInLimits> signInLimitsFilter(ClientAddress clientAddress, RememberedCredentials credentials,
                                                            Environment environment, ObjectProvider<Clock> clock) {
        int attemptsPerMinute = environment.getProperty("cfp.limits.sign-in-attempts-per-minute", Integer.class, 10);
        FilterRegistrationBean<SignInLimits> registration = new FilterRegistrationBean<>(new SignInLimits(clientAddress,
                credentials, attemptsPerMinute, clock.getIfAvailable(Clock::systemUTC)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(HttpProperties properties) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.maxBodySize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
