package org.cfpflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.bson.Document;

/** The simple conditions give mongo-java-server's answer for every kind of value, arrays and missing fields too. */
class SimpleConditionsTest {

    private static final Object MISSING = new Object();

    private static final List<Object> VALUES = List.of(MISSING, Arrays.asList((Object) null), "x", "y", true, false,
            1, 0, List.of("x"), List.of("x", "y"), List.of("y"), Arrays.asList("y", null), List.of(),
            List.of(List.of("x")), new Document("k", "x"), List.of(true), List.of(false, 1));

    private static final List<Object> CONDITIONS = new ArrayList<>(Arrays.asList("x", true, false, null,
            new Document("$ne", "x"), new Document("$ne", true), new Document("$ne", false), new Document("$ne", null)));

    @Test
    void everyConditionOnEveryKindOfValueIsAnsweredAsTheGenericMatcherAnswersIt() {
        List<Document> documents = new ArrayList<>();
        for (Object a : values()) {
            for (Object b : values()) {
                Document document = new Document("_id", documents.size());
                if (a != MISSING) {
                    document.put("a", a);
                }
                if (b != MISSING) {
                    document.put("b", b);
                }
                documents.add(document);
            }
        }
        List<Document> queries = new ArrayList<>();
        for (Object a : CONDITIONS) {
            queries.add(new Document("a", a));
            for (Object b : CONDITIONS) {
                queries.add(new Document("a", a).append("b", b));
            }
        }
        int matched = 0;
        for (Document query : queries) {
            for (Document document : documents) {
                Boolean simple = SimpleConditions.matches(document, query);
                assertThat(simple).as("%s is made of simple conditions", query).isNotNull();
                assertThat(simple).as("%s against %s", query, document)
                        .isEqualTo(new DefaultQueryMatcher().matches(document, query));
                matched += simple ? 1 : 0;
            }
        }
        assertThat(matched).as("documents matched, of %d", queries.size() * documents.size()).isPositive()
                .isLessThan(queries.size() * documents.size());
    }

    @Test
    void otherConditionsAreLeftToTheGenericMatcher() {
        Document document = new Document("a", "x").append("n", 3).append("t", new Document("title", "Kernel"));
        for (Document query : List.of(new Document("n", 3), new Document("n", new Document("$gt", 2)),
                new Document("t.title", "Kernel"), new Document("$or", List.of(new Document("a", "x"))),
                new Document("a", new Document("$ne", "y").append("$exists", true)),
                new Document("a", new Document("$in", List.of("x"))))) {
            assertThat(SimpleConditions.matches(document, query)).as(query.toString()).isNull();
        }
        // read in order: a condition not met before one not simple is an answer, as the generic matcher's loop gives
        assertThat(SimpleConditions.matches(document, new Document("a", "y").append("n", 3))).isFalse();
    }

    private static List<Object> values() {
        List<Object> values = new ArrayList<>(VALUES);
        values.add(1, null);
        return values;
    }
}
