package org.cfpflow.submission.organizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cfpflow.submission.SubmissionServiceTest;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

/** The organizers' list of a conference's proposals: filters, search, sort, pages, and the same as CSV. */
class ProposalListTest extends SubmissionServiceTest {

    @Test
    void organizersFilterSearchPageAndDownloadTheirConferencesProposals() throws Exception {
        String conference = "list" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        assertThat(admin.putJson("/api/conferences/" + conference, conference(now.minus(1, ChronoUnit.DAYS),
                now.plus(30, ChronoUnit.DAYS))).status()).isEqualTo(201);
        for (int i = 0; i < 55; i++) {
            Map<String, Object> proposal = proposal(i == 3 ? "=HYPERLINK(\"http://evil\")" : i == 4
                    ? "<script>alert(1)</script>" : String.format("Talk %02d", i), "Speaker " + i, "s" + i + "@example.org");
            if (i % 5 == 0) {
                proposal.put("track", "kernel");
                proposal.put("durationMinutes", 30);
            }
            TestHttp.Response submitted = anonymous.postJson("/api/conferences/" + conference + "/proposals", proposal);
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        }
        String list = "/" + conference + "/proposals";

        TestHttp.Response page = organizer.get(list);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("55 proposals", "Page 1 of 2", "Talk 00", "&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert").doesNotContain("Talk 54");
        assertThat(organizer.get(list + "?page=1").body()).contains("Page 2 of 2", "Talk 54");
        assertThat(organizer.get(list + "?track=kernel").body()).contains("11 proposals", "Talk 05")
                .doesNotContain("Talk 01");
        assertThat(organizer.get(list + "?q=talk%2007").body()).contains("1 proposal<", "Talk 07");
        assertThat(organizer.get(list + "?status=SUBMITTED&confirmed=no").body()).contains("55 proposals");
        assertThat(organizer.get(list + "?confirmed=yes").body()).contains("0 proposals");
        assertThat(organizer.get(list + "?sort=title").body().indexOf("&lt;script&gt;"))
                .as("sorted by title: < before = before T").isLessThan(organizer.get(list + "?sort=title").body()
                        .indexOf("Talk 00"));
        TestHttp.Response bad = organizer.get(list + "?status=LOST");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("status");

        assertThat(anonymous.get(list).status()).as("sign in first").isEqualTo(401);
        TestHttp.Response browser = anonymous.get(list, "Accept", "text/html");
        assertThat(browser.status()).as("a browser is sent to the login form, as on every service").isEqualTo(302);
        assertThat(browser.header("Location")).endsWith("/login");
        assertThat(anonymous.get(list + ".csv").body()).doesNotContain("s1@example.org");
        assertThat(TestHttp.localhost(port).as("other-organizer@example.org", "other-secret").get(list).status())
                .as("an organizer of another conference").isEqualTo(403);

        TestHttp.Response csv = organizer.get(list + ".csv?track=kernel");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment", conference + "-proposals.csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).hasSize(11).allSatisfy(row -> assertThat(row.get("track")).isEqualTo("kernel"));
        assertThat(rows.get(0).get("emails")).isEqualTo("s0@example.org");
        List<CSVRecord> all = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(organizer.get(list + ".csv").body())).getRecords();
        assertThat(all).hasSize(55).extracting(row -> row.get("title"))
                .contains("'=HYPERLINK(\"http://evil\")").as("no formula a spreadsheet would run")
                .noneMatch(title -> title.startsWith("="));
    }
}
