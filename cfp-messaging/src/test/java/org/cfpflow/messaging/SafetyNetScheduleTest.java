package org.cfpflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SafetyNetScheduleTest {

    final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    final SafetyNetSchedule schedule = new SafetyNetSchedule(Duration.ofMinutes(4), Duration.ofSeconds(10), now::get);

    @Test
    void searchesAtOnceUntilASearchWentThrough() {
        assertThat(schedule.due()).isTrue();
        assertThat(schedule.knowsWhatIsPending()).isFalse();
        schedule.searched(schedule.searching());
        assertThat(schedule.due()).isFalse();
        assertThat(schedule.knowsWhatIsPending()).isTrue();
    }

    @Test
    void aForgetDuringASearchKeepsTheNextOneDue() {
        long token = schedule.searching();
        schedule.forget();
        schedule.searched(token);
        assertThat(schedule.due()).isTrue();
        assertThat(schedule.knowsWhatIsPending()).isFalse();
    }

    @Test
    void aDueSearchWaitsForAQuietMoment() {
        schedule.searched(schedule.searching());
        advance(Duration.ofMinutes(4));
        schedule.active();
        assertThat(schedule.due()).as("busy").isFalse();
        advance(Duration.ofSeconds(9));
        assertThat(schedule.due()).as("quiet for 9 s").isFalse();
        advance(Duration.ofSeconds(1));
        assertThat(schedule.due()).as("quiet for 10 s").isTrue();
    }

    @Test
    void comesUpToAQuarterIntervalSoonerAtRandom() {
        schedule.searched(schedule.searching());
        advance(Duration.ofMinutes(3).minusSeconds(1));
        assertThat(schedule.due()).isFalse();
        advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(schedule.due()).isTrue();
    }

    @Test
    void aBusyServiceSearchesOneIntervalLateAtTheLatest() {
        schedule.searched(schedule.searching());
        for (int second = 0; second < 8 * 60; second++) {
            schedule.active();
            if (schedule.due()) {
                assertThat(second).isBetween(7 * 60, 8 * 60);
                return;
            }
            advance(Duration.ofSeconds(1));
        }
        assertThat(schedule.due()).isTrue();
    }

    @Test
    void aForgetMakesItDueEvenWhenBusy() {
        schedule.searched(schedule.searching());
        schedule.active();
        schedule.forget();
        assertThat(schedule.due()).isTrue();
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
