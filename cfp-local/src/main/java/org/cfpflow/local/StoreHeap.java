package org.cfpflow.local;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Optional;

/**
 * The local store holds every document in its heap, and a query over a collection needs room beside them (an
 * aggregation copies what it groups). A home filled far beyond a conference's size (a load test left running) then
 * fails later, mid-query, with every service answering 500; this says so at start instead, with what to do.
 */
final class StoreHeap {

    /** Above this share of the heap in use right after start, there is too little room left for queries. */
    static final double WARN_ABOVE = 0.5;

    private StoreHeap() {
    }

    /** Measures the heap once the documents are loaded. */
    static Optional<String> warningAfterStart(long documents) {
        System.gc(); // what is live, not what the replay left to collect; once, at start
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return warning(documents, heap.getUsed(), heap.getMax());
    }

    static Optional<String> warning(long documents, long usedBytes, long maxBytes) {
        if (maxBytes <= 0 || usedBytes <= WARN_ABOVE * maxBytes) {
            return Optional.empty();
        }
        return Optional.of(String.format("the store's %,d documents take %,d MB of its %,d MB heap: queries over large "
                + "collections may run out of memory. Start with an empty home (./cfp stop, then delete .cfp/) or "
                + "give the store more heap (CFP_STORE_HEAP).", documents, usedBytes >> 20, maxBytes >> 20));
    }
}
