package org.cfpflow.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cfp.security.jwt.*}: with an OAuth2 issuer configured, which claims carry the user's e-mail (the
 * identity reviews and conflicts of interest use) and roles ({@code ORGANIZER}, {@code REVIEWER}, {@code DECIDER}),
 * and the audience ({@code aud}) a token must name to be taken here: required, so that a token the identity
 * provider issued for another application does not open this one.
 */
@ConfigurationProperties("cfp.security.jwt")
public record SecurityProperties(@DefaultValue("email") String usernameClaim, @DefaultValue("roles") String rolesClaim,
                                 String audience) {
}
