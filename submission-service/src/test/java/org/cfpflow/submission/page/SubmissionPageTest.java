package org.cfpflow.submission.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cfpflow.submission.SubmissionServiceTest;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTML call and form, used as a browser without JavaScript would. */
class SubmissionPageTest extends SubmissionServiceTest {

    @BeforeEach
    void open() {
        openCall();
    }

    @Test
    void theFormSubmitsAProposalAndShowsTheEditLinkWhichOpensIt() {
        TestHttp browser = TestHttp.localhost(port);
        TestHttp.Response page = browser.get("/lpc2017/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Containers micro-conference", "Stéphane Graber", "5, 15, 20");

        TestHttp.Response done = browser.postForm("/lpc2017/", "_csrf", page.csrfToken(),
                "title", "<script>alert(1)</script> Namespaces", "abstractText", "Short.", "description", "Long.",
                "track", "containers", "durationMinutes", "20",
                "speakers[0].name", "Aleksa Sarai", "speakers[0].email", "aleksa@example.org",
                "speakers[0].affiliation", "", "speakers[1].name", "", "speakers[1].email", "");

        assertThat(done.status()).as(done.body()).isEqualTo(201);
        assertThat(done.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt; Namespaces")
                .doesNotContain("<script>alert(1)</script>");
        Matcher link = Pattern.compile("href=\"http://cfp.test(/proposals/[^\"?]+)\\?token=([^\"]+)\"")
                .matcher(done.body());
        assertThat(link.find()).isTrue();
        // the link trades its token for a cookie of that proposal's pages and moves on to the clean address
        TestHttp.Response opening = browser.get(link.group(1) + "?token=" + link.group(2));
        assertThat(opening.status()).isEqualTo(200);
        assertThat(opening.header("Cache-Control")).isEqualTo("no-store");
        assertThat(opening.body()).contains("http-equiv=\"refresh\"", "url=" + link.group(1) + "\"")
                .doesNotContain(link.group(2));
        assertThat(opening.raw().headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("cfp-edit-token=" + link.group(2)).contains("Path=" + link.group(1), "HttpOnly",
                        "SameSite=Strict", "Max-Age=3600"));
        TestHttp.Response status = browser.get(link.group(1));
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body()).contains("SUBMITTED", "Aleksa Sarai").doesNotContain(link.group(2));
        assertThat(TestHttp.localhost(port).get(link.group(1)).status()).as("no cookie, no proposal").isEqualTo(404);
        assertThat(browser.get(link.group(1) + "?token=guess").status()).isEqualTo(404);

        TestHttp.Response withdrawn = browser.postForm(link.group(1) + "/withdraw", "_csrf", status.csrfToken());
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.body()).contains("WITHDRAWN");
    }

    @Test
    void anIncompleteFormComesBackWithTheProblemsAndNothingIsSubmitted() {
        TestHttp browser = TestHttp.localhost(port);
        long before = proposalCount();
        TestHttp.Response refused = browser.postForm("/lpc2017/", "_csrf", browser.get("/lpc2017/").csrfToken(),
                "title", "No speakers", "abstractText", "a", "description", "d", "track", "containers",
                "durationMinutes", "15");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("speakers is required");
        assertThat(proposalCount()).isEqualTo(before);
    }

    @Test
    void theFormRefusesAPostWithoutItsCsrfToken() {
        TestHttp.Response forged = TestHttp.localhost(port).postForm("/lpc2017/", "title", "Forged");
        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void untrustedTextInTheConferenceIsInertOnTheCallPage() {
        java.time.Instant now = java.time.Instant.now();
        java.util.Map<String, Object> conference = conference(now.minusSeconds(3600), now.plusSeconds(86_400));
        conference.put("title", "<script>alert('t')</script>Conf");
        conference.put("tracks", java.util.List.of(java.util.Map.of("slug", "containers",
                "name", "<img src=x onerror=alert(1)>", "durations", java.util.List.of(15),
                "leads", java.util.List.of(java.util.Map.of("name", "<b>Lead</b>", "email", "lead@example.org")))));
        try {
            assertThat(admin.putJson("/api/conferences/lpc2017", conference).status()).isIn(200, 201);
            TestHttp.Response page = TestHttp.localhost(port).get("/lpc2017/");
            assertThat(page.body()).contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;Conf",
                    "&lt;img src=x onerror=alert(1)&gt;", "&lt;b&gt;Lead&lt;/b&gt;")
                    .doesNotContain("<script>alert", "<img src=x", "<b>Lead");
            assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        }
        finally {
            openCall();
        }
    }
}
