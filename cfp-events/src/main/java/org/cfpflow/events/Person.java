package org.cfpflow.events;

/** A track lead. */
public record Person(String name, String email) {

    public Person {
        Require.line(name, "name", 200);
        Require.email(email, "email");
    }
}
