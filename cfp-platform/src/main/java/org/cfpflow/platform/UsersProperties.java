package org.cfpflow.platform;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cfp.security.users}: the accounts of organizers and reviewers. Passwords are stored hashed
 * ({@code {bcrypt}$2a$...}); a reviewer's username is their e-mail address, which is how a conflict of interest
 * with a proposal's speakers is found.
 */
@ConfigurationProperties("cfp.security")
public record UsersProperties(List<User> users) {

    public UsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record User(String username, String password, List<String> roles) {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
