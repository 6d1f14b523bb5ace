package org.cfpflow.submission.page;

import java.time.Duration;

import org.springframework.http.ResponseCookie;

/**
 * The speaker's edit token while they use their proposal's pages: HttpOnly (no script reads it), SameSite=Strict
 * (no other site's page sends it), scoped to that proposal's path and short-lived, so that the token is neither in
 * the address bar, nor in the history, nor sent anywhere else.
 */
final class EditCookie {

    static final String NAME = "cfp-edit-token";
    static final Duration LIFETIME = Duration.ofHours(1);

    private EditCookie() {
    }

    static String holding(String proposalId, String token, boolean secure) {
        return ResponseCookie.from(NAME, token).path("/proposals/" + proposalId).httpOnly(true).secure(secure)
                .sameSite("Strict").maxAge(LIFETIME).build().toString();
    }
}
