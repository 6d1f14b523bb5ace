package org.cfpflow.review.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.cfpflow.review.ReviewServiceTest;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

/**
 * Signing in leads back to the page the reviewer asked for, not to what the browser fetched on its own meanwhile
 * (its icon, asked for while the login form showed).
 */
class SignInReturnTest extends ReviewServiceTest {

    @Test
    void theLoginFormLeadsBackToThePageNotToTheBrowsersIcon() {
        TestHttp browser = TestHttp.localhost(port);
        TestHttp.Response board = browser.get("/" + CONFERENCE + "/board", "Accept", "text/html");
        assertThat(board.status()).isEqualTo(302);
        assertThat(board.header("Location")).endsWith("/login");
        browser.get("/favicon.ico", "Accept", "image/avif,image/webp,image/*,*/*;q=0.8");
        TestHttp.Response form = browser.get("/login", "Accept", "text/html");
        TestHttp.Response signedIn = browser.postForm("/login", "_csrf", form.csrfToken(), "username", "alice@example.org",
                "password", "alice-secret");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).contains("/" + CONFERENCE + "/board").doesNotContain("favicon");
    }
}
