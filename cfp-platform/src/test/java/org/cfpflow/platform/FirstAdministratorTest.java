package org.cfpflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A deployment's first administrator comes from the environment ({@code CFP_ADMIN_EMAIL},
 * {@code CFP_ADMIN_PASSWORD_HASH}, as this module's shared defaults map them); without it, other users or an
 * OAuth2 issuer, a service refuses to start and says what to set.
 */
class FirstAdministratorTest {

    private static final String HASH = "$2a$10$xd3e3BTBMIniSQJvMT338.0wkjmn7KU5mKMVy734a28J0v9B3rikq";

    @Test
    void withoutAdministratorUsersOrIssuerTheServiceRefusesToStartNamingTheVariables() throws IOException {
        StandardEnvironment environment = environment(Map.of());
        assertThatThrownBy(() -> new PlatformAutoConfiguration().cfpUsers(bind(environment), environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CFP_ADMIN_EMAIL").hasMessageContaining("CFP_ADMIN_PASSWORD_HASH");
    }

    @Test
    void theAdministratorFromTheEnvironmentSignsInWithEveryRole() throws IOException {
        StandardEnvironment environment = environment(Map.of("CFP_ADMIN_EMAIL", "chair@lpc.example",
                "CFP_ADMIN_PASSWORD_HASH", HASH));
        UserDetails admin = new PlatformAutoConfiguration().cfpUsers(bind(environment), environment)
                .loadUserByUsername("chair@lpc.example");
        assertThat(admin.getPassword()).isEqualTo("{bcrypt}" + HASH);
        assertThat(admin.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_ADMIN");
    }

    @Test
    void aPasswordWhereTheHashBelongsOrHalfTheSettingIsRefusedNamingTheVariable() throws IOException {
        assertThatThrownBy(() -> bind(environment(Map.of("CFP_ADMIN_EMAIL", "chair@lpc.example",
                "CFP_ADMIN_PASSWORD_HASH", "organizer"))))
                .rootCause().hasMessageContaining("CFP_ADMIN_PASSWORD_HASH must be a BCrypt hash");
        assertThatThrownBy(() -> bind(environment(Map.of("CFP_ADMIN_EMAIL", "chair@lpc.example"))))
                .rootCause().hasMessageContaining("CFP_ADMIN_PASSWORD_HASH is not");
        assertThatThrownBy(() -> bind(environment(Map.of("CFP_ADMIN_PASSWORD_HASH", HASH))))
                .rootCause().hasMessageContaining("CFP_ADMIN_EMAIL is not");
    }

    /** The given variables, then the shared defaults that map them, as a service's environment holds them. */
    private static StandardEnvironment environment(Map<String, Object> variables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("defaults",
                new ClassPathResource("META-INF/cfp/defaults.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        return environment;
    }

    private static UsersProperties bind(StandardEnvironment environment) {
        return Binder.get(environment).bindOrCreate("cfp.security", UsersProperties.class);
    }
}
