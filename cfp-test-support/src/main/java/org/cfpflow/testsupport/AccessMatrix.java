package org.cfpflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every endpoint against every kind of caller, with the status each must get. Rows run in order, callers in the
 * order given (put the ones allowed to change state last); all mismatches are reported together.
 */
public final class AccessMatrix {

    private final Map<String, TestHttp> callers = new LinkedHashMap<>();
    private final List<String> mismatches = new ArrayList<>();

    public AccessMatrix caller(String name, TestHttp http) {
        callers.put(name, http);
        return this;
    }

    /** Calls the endpoint as each caller; {@code expected} holds one status per caller, in the callers' order. */
    public AccessMatrix row(String endpoint, Function<TestHttp, TestHttp.Response> call, int... expected) {
        assertThat(expected).as("one expected status per caller for " + endpoint).hasSize(callers.size());
        int i = 0;
        for (Map.Entry<String, TestHttp> caller : callers.entrySet()) {
            TestHttp.Response response = call.apply(caller.getValue());
            if (response.status() != expected[i]) {
                mismatches.add(endpoint + " as " + caller.getKey() + ": expected " + expected[i] + ", got "
                        + response.status() + " " + abbreviate(response.body()));
            }
            i++;
        }
        return this;
    }

    public void verify() {
        assertThat(mismatches).as("authorization matrix").isEmpty();
    }

    private static String abbreviate(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }
}
