package org.cfpflow.submission.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.cfpflow.submission.SubmissionServiceTest;
import org.junit.jupiter.api.Test;

/**
 * An anonymous visitor costs the service no HTTP session: the forms' CSRF token travels in a cookie, and the page
 * a visitor asked for before signing in is remembered in a cookie too. Only signing in makes a session.
 */
class SessionlessVisitorsTest extends SubmissionServiceTest {

    @Test
    void tenThousandAnonymousViewsOfTheFormCreateNoSession() throws Exception {
        openCall();
        double before = sessionsCreated();
        HttpClient crawler = HttpClient.newHttpClient();
        HttpRequest view = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/lpc2017/")).GET().build();
        for (int i = 0; i < 10_000; i++) {
            HttpResponse<String> page = crawler.send(view, HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            List<String> cookies = page.headers().allValues("Set-Cookie");
            assertThat(cookies).as("view %d", i).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
            if (i == 0) {
                assertThat(page.body()).contains("name=\"_csrf\"");
                assertThat(cookies).anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN") && cookie.contains("HttpOnly")
                        && cookie.contains("SameSite=Strict"));
            }
        }
        assertThat(sessionsCreated()).isEqualTo(before);
    }

    private double sessionsCreated() {
        return admin.get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("tomcat_sessions_created_sessions_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no tomcat_sessions_created_sessions_total metric"));
    }
}
