package org.cfpflow.events;

/** A track lead. */
public record Person(String name, String email) {

    public Person {
        Require.text(name, "name");
        Require.text(email, "email");
    }
}
