package org.cfpflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreHeapTest {

    private static final long MB = 1 << 20;

    @Test
    void aStoreWithRoomForItsQueriesSaysNothing() {
        assertThat(StoreHeap.warning(12_000, 200 * MB, 3072 * MB)).isEmpty();
        assertThat(StoreHeap.warning(12_000, 1536 * MB, 3072 * MB)).isEmpty();
    }

    @Test
    void aStoreMoreThanHalfFullSaysHowFullAndWhatToDo() {
        // the home that ran out of memory on 2026-11-26: 740,374 documents in a 3 GB heap
        assertThat(StoreHeap.warning(740_374, 2100 * MB, 3072 * MB)).hasValueSatisfying(warning -> assertThat(warning)
                .contains("740,374 documents", "2,100 MB of its 3,072 MB heap", "CFP_STORE_HEAP", "delete .cfp/"));
    }
}
