package org.cfpflow.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cfp.security.users}: the accounts of organizers and reviewers, and {@code cfp.security.admin}: the first
 * administrator of a deployment, from the environment ({@code CFP_ADMIN_EMAIL}, {@code CFP_ADMIN_PASSWORD_HASH}).
 * Passwords are stored hashed ({@code {bcrypt}$2a$...}); a user's name is their e-mail address, which is how a
 * conflict of interest with a proposal's speakers is found.
 */
@ConfigurationProperties("cfp.security")
public record UsersProperties(List<User> users, Admin admin) {

    public UsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
        admin = admin == null ? new Admin(null, null) : admin;
    }

    /** The configured users and the administrator, if one is configured. */
    public List<User> all() {
        List<User> all = new ArrayList<>(users);
        admin.user().ifPresent(all::add);
        return all;
    }

    public record User(String username, String password, List<String> roles) {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * The administrator: the ADMIN role. Both or neither of the two are set; the hash is a BCrypt hash
     * (what {@code htpasswd -nbBC 10 "" password} prints after the colon), never a password.
     */
    public record Admin(String email, String passwordHash) {

        private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");
        static final List<String> ROLES = List.of(Roles.ADMIN);

        public Admin {
            email = blankToNull(email);
            passwordHash = blankToNull(passwordHash);
            if (email != null && passwordHash == null) {
                throw new IllegalArgumentException("CFP_ADMIN_EMAIL is set but CFP_ADMIN_PASSWORD_HASH is not: set "
                        + "both (the hash a BCrypt hash) or neither");
            }
            if (email == null && passwordHash != null) {
                throw new IllegalArgumentException("CFP_ADMIN_PASSWORD_HASH is set but CFP_ADMIN_EMAIL is not: set "
                        + "both or neither");
            }
            if (passwordHash != null && !BCRYPT.matcher(passwordHash).matches()) {
                throw new IllegalArgumentException("CFP_ADMIN_PASSWORD_HASH must be a BCrypt hash ($2a$10$ and 53 "
                        + "more characters), not a password");
            }
            if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
                throw new IllegalArgumentException("CFP_ADMIN_EMAIL must be an e-mail address");
            }
        }

        Optional<User> user() {
            return email == null ? Optional.empty()
                    : Optional.of(new User(email, "{bcrypt}" + passwordHash, ROLES));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
