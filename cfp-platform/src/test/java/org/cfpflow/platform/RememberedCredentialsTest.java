package org.cfpflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class RememberedCredentialsTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final AtomicInteger checks = new AtomicInteger();
    private final RememberedCredentials credentials = new RememberedCredentials(counting(), Duration.ofMinutes(5));

    @Test
    void aCorrectPasswordIsCheckedOnceThenRemembered() {
        Authentication first = credentials.authenticate(login("bob@example.org", "bob"));
        Authentication second = credentials.authenticate(login("bob@example.org", "bob"));

        assertThat(checks).hasValue(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo("bob@example.org");
        assertThat(second.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrderElementsOf(first.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList())
                .contains("ROLE_DECIDER");
        assertThat(second.getCredentials()).isNull();
    }

    @Test
    void aWrongPasswordIsRefusedEveryTimeAndNeverRemembered() {
        credentials.authenticate(login("bob@example.org", "bob"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> credentials.authenticate(login("bob@example.org", "bobby")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> credentials.authenticate(login("alice@example.org", "bob")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(5);
    }

    @Test
    void rememberingEnds() {
        RememberedCredentials briefly = new RememberedCredentials(counting(), Duration.ZERO);
        briefly.authenticate(login("bob@example.org", "bob"));
        briefly.authenticate(login("bob@example.org", "bob"));
        assertThat(checks).hasValue(2);
    }

    private static UsernamePasswordAuthenticationToken login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    private AuthenticationProvider counting() {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                User.withUsername("bob@example.org").password(encoder.encode("bob")).roles("REVIEWER", "DECIDER").build(),
                User.withUsername("alice@example.org").password(encoder.encode("alice")).roles("REVIEWER").build());
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                checks.incrementAndGet();
                return dao.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return dao.supports(authentication);
            }
        };
    }
}
