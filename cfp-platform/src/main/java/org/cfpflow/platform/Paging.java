package org.cfpflow.platform;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Page and size as clients send them, checked: {@code page} from 0, {@code size} from 1 to 200. */
public final class Paging {

    public static final int MAX_SIZE = 200;

    private Paging() {
    }

    public static PageRequest of(int page, int size, Sort sort) {
        Violations violations = new Violations();
        violations.check(page >= 0, "page", "must be 0 or more");
        violations.check(size >= 1 && size <= MAX_SIZE, "size", "must be between 1 and " + MAX_SIZE);
        violations.throwIfAny();
        return PageRequest.of(page, size, sort);
    }
}
